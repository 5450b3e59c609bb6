package dev.keygate.application.service;

import static dev.keygate.application.fake.TestKeygate.OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keygate.application.fake.TestKeygate;
import dev.keygate.application.port.in.CreateApiKeyCommand;
import dev.keygate.application.port.in.IssuedApiKey;
import dev.keygate.application.port.in.ManagementScope;
import dev.keygate.application.port.in.Principal;
import dev.keygate.application.port.in.VerifyOutcome;
import dev.keygate.domain.ForbiddenException;
import dev.keygate.domain.NotFoundException;
import dev.keygate.domain.ValidationException;
import dev.keygate.domain.api.Api;
import dev.keygate.domain.api.ApiId;
import dev.keygate.domain.api.Scope;
import dev.keygate.domain.audit.AuditAction;
import dev.keygate.domain.audit.AuditEvent;
import dev.keygate.domain.audit.AuditOutcome;
import dev.keygate.domain.key.ApiKey;
import dev.keygate.domain.owner.OrgCode;
import dev.keygate.domain.owner.Owner;
import dev.keygate.domain.owner.OwnerType;
import dev.keygate.domain.owner.UserId;
import dev.keygate.domain.token.TokenFormat;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Issuing keys: what is stored, what is refused and why. */
class CreateApiKeyServiceTest {

  private static final Owner ORG_A = new Owner.Org(new OrgCode("org_a"));
  private static final Owner ALICE = new Owner.User(new UserId("kp_alice"));

  private final TestKeygate t = new TestKeygate();
  private Api api;
  private Scope readUsers;
  private Scope writeUsers;

  @BeforeEach
  void setUp() {
    t.createOrganization("org_a");
    t.createUser("kp_alice");
    api = t.registerApi("https://users.example.com");
    readUsers = t.addScope(api, "read:users");
    writeUsers = t.addScope(api, "write:users");
    t.grant(ORG_A, api, "read:users", "write:users");
  }

  private IssuedApiKey create(Principal principal, String name, Owner owner, String... scopes) {
    return t.services
        .createApiKey()
        .create(
            principal,
            new CreateApiKeyCommand(name, api.id(), List.of(scopes), owner, Optional.empty()));
  }

  private IssuedApiKey create(String name, List<String> scopes, Optional<Instant> expiresOn) {
    return t.services
        .createApiKey()
        .create(OPERATOR, new CreateApiKeyCommand(name, api.id(), scopes, ORG_A, expiresOn));
  }

  @Test
  void givenValidCommand_create_returnsAWellFormedTokenThatOpensTheStoredKey() {
    IssuedApiKey issued = create(OPERATOR, "Production Integration", ORG_A, "read:users");
    String token = issued.token().reveal();

    assertThat(token).startsWith("k_live_").hasSize("k_live_".length() + 61);
    assertThat(TokenFormat.parse(token)).isPresent();
    ApiKey stored = t.stored(issued.key().id());
    assertThat(stored.name()).isEqualTo("Production Integration");
    assertThat(stored.owner()).isEqualTo(ORG_A);
    assertThat(stored.apiId()).isEqualTo(api.id());
    assertThat(stored.scopes()).containsExactly(readUsers);
    assertThat(stored.expiresOn()).isEmpty();
    assertThat(stored.usage().verificationCount()).isZero();
    assertThat(issued.key().id().value()).matches("api_key_[0-9a-f]{32}");
    assertThat(t.verify(token).outcome()).isEqualTo(VerifyOutcome.API_KEY_VERIFIED);
  }

  @Test
  void givenTwoKeys_create_givesEachItsOwnIdLookupAndToken() {
    IssuedApiKey one = create(OPERATOR, "one", ORG_A);
    IssuedApiKey two = create(OPERATOR, "two", ORG_A);

    assertThat(one.key().id()).isNotEqualTo(two.key().id());
    assertThat(one.key().currentSecret().lookup()).isNotEqualTo(two.key().currentSecret().lookup());
    assertThat(one.token().reveal()).isNotEqualTo(two.token().reveal());
  }

  @Test
  void givenUserOwner_create_issuesAUserKey() {
    IssuedApiKey issued = create(OPERATOR, "mine", ALICE, "read:users");

    assertThat(t.stored(issued.key().id()).owner().type()).isEqualTo(OwnerType.USER);
    assertThat(t.stored(issued.key().id()).owner()).isEqualTo(ALICE);
  }

  @Test
  void givenScopeIdsAndScopeKeys_create_acceptsBoth() {
    IssuedApiKey issued = create(OPERATOR, "mixed", ORG_A, readUsers.id().value(), "write:users");

    assertThat(t.stored(issued.key().id()).scopes())
        .containsExactlyInAnyOrder(readUsers, writeUsers);
  }

  @Test
  void givenSameScopeByIdAndByKey_create_grantsItOnce() {
    IssuedApiKey issued = create(OPERATOR, "twice", ORG_A, readUsers.id().value(), "read:users");

    assertThat(t.stored(issued.key().id()).scopes()).containsExactly(readUsers);
  }

  @Test
  void givenNoScopes_create_issuesAKeyThatPassesOnlyScopelessChecks() {
    IssuedApiKey issued = create(OPERATOR, "bare", ORG_A);

    assertThat(t.stored(issued.key().id()).scopes()).isEmpty();
    assertThat(t.verify(issued).outcome()).isEqualTo(VerifyOutcome.API_KEY_VERIFIED);
    assertThat(t.verify(issued, "read:users").outcome())
        .isEqualTo(VerifyOutcome.API_KEY_INSUFFICIENT_SCOPE);
  }

  @Test
  void givenNameWithSurroundingBlanks_create_storesItTrimmed() {
    IssuedApiKey issued = create(OPERATOR, "  Nightly sync  ", ORG_A);

    assertThat(t.stored(issued.key().id()).name()).isEqualTo("Nightly sync");
  }

  @Test
  void givenUnknownScope_create_answersValidationNamingTheScopeAndStoresNothing() {
    int hashes = t.countingHasher().hashes();

    assertThatThrownBy(() -> create(OPERATOR, "k", ORG_A, "read:users", "delete:users"))
        .isInstanceOf(ValidationException.class)
        .hasMessage("scope 'delete:users' is not defined on api " + api.id());
    assertThat(t.apiKeys.all()).isEmpty();
    assertThat(t.countingHasher().hashes()).isEqualTo(hashes);
  }

  @Test
  void givenScopeOfAnotherApi_create_answersValidation() {
    Api billing = t.registerApi("https://billing.example.com");
    Scope billingScope = t.addScope(billing, "read:invoices");

    assertThatThrownBy(() -> create(OPERATOR, "k", ORG_A, billingScope.id().value()))
        .isInstanceOf(ValidationException.class)
        .hasMessage("scope '" + billingScope.id() + "' is not defined on api " + api.id());
    assertThatThrownBy(() -> create(OPERATOR, "k", ORG_A, "read:invoices"))
        .isInstanceOf(ValidationException.class)
        .hasMessage("scope 'read:invoices' is not defined on api " + api.id());
  }

  static Stream<Arguments> badNames() {
    return Stream.of(
        Arguments.of("", "api key name must be 1-128 characters, was 0"),
        Arguments.of("   ", "api key name must be 1-128 characters, was 0"),
        Arguments.of("line\nbreak", "api key name must not contain control characters"),
        Arguments.of("tab\tin", "api key name must not contain control characters"),
        Arguments.of("nul\u0000", "api key name must not contain control characters"));
  }

  @ParameterizedTest
  @MethodSource("badNames")
  void givenBadName_create_answersValidationSayingWhatIsWrong(String name, String message) {
    assertThatThrownBy(() -> create(OPERATOR, name, ORG_A, "read:users"))
        .isInstanceOf(ValidationException.class)
        .hasMessage(message);
    assertThat(t.apiKeys.all()).isEmpty();
  }

  @Test
  void givenNameOf129Characters_create_answersValidation() {
    String longest = "n".repeat(128);

    assertThatThrownBy(() -> create(OPERATOR, longest + "n", ORG_A))
        .isInstanceOf(ValidationException.class)
        .hasMessage("api key name must be 1-128 characters, was 129");
    assertThat(create(OPERATOR, longest, ORG_A).key().name()).isEqualTo(longest);
  }

  @Test
  void givenNoName_create_answersValidation() {
    assertThatThrownBy(() -> create(OPERATOR, null, ORG_A))
        .isInstanceOf(ValidationException.class)
        .hasMessage("api key name is required");
  }

  @Test
  void givenExpiryInThePast_create_answersValidation() {
    Instant past = t.clock.instant().minusSeconds(1);

    assertThatThrownBy(() -> create("k", List.of(), Optional.of(past)))
        .isInstanceOf(ValidationException.class)
        .hasMessage("api key expiry must be in the future");
    assertThat(t.apiKeys.all()).isEmpty();
  }

  @Test
  void givenExpiryNow_create_answersValidation() {
    Instant now = t.clock.instant();

    assertThatThrownBy(() -> create("k", List.of(), Optional.of(now)))
        .isInstanceOf(ValidationException.class)
        .hasMessage("api key expiry must be in the future");
  }

  @Test
  void givenExpiryInTheFuture_create_storesIt() {
    Instant tomorrow = t.clock.instant().plus(Duration.ofDays(1));

    IssuedApiKey issued = create("k", List.of(), Optional.of(tomorrow));

    assertThat(t.stored(issued.key().id()).expiresOn()).contains(tomorrow);
  }

  @Test
  void givenOrganizationThatDoesNotExist_create_answersNotFound() {
    Owner nobody = new Owner.Org(new OrgCode("org_nobody"));

    assertThatThrownBy(() -> create(OPERATOR, "k", nobody))
        .isInstanceOf(NotFoundException.class)
        .hasMessage("organization org_nobody not found");
    assertThat(t.apiKeys.all()).isEmpty();
  }

  @Test
  void givenUserThatDoesNotExist_create_answersNotFound() {
    Owner nobody = new Owner.User(new UserId("kp_nobody"));

    assertThatThrownBy(() -> create(OPERATOR, "k", nobody))
        .isInstanceOf(NotFoundException.class)
        .hasMessage("user kp_nobody not found");
  }

  @Test
  void givenNoOwner_create_answersValidation() {
    assertThatThrownBy(() -> create(OPERATOR, "k", null))
        .isInstanceOf(ValidationException.class)
        .hasMessage("api key owner is required");
  }

  @Test
  void givenUnknownApi_create_answersNotFound() {
    ApiId unknown = ApiId.generate(Clock.systemUTC());

    assertThatThrownBy(
            () ->
                t.services
                    .createApiKey()
                    .create(
                        OPERATOR,
                        new CreateApiKeyCommand("k", unknown, List.of(), ORG_A, Optional.empty())))
        .isInstanceOf(NotFoundException.class)
        .hasMessage("api " + unknown + " not found");
  }

  @Test
  void givenSuccess_create_auditsTheKeyWithItsOwner() {
    t.clock.advance(Duration.ofMinutes(3));

    IssuedApiKey issued = create(TestKeygate.orgAdmin("org_a"), "k", ORG_A);

    AuditEvent event = t.auditLog.events().get(t.auditLog.events().size() - 1);
    assertThat(event.action()).isEqualTo(AuditAction.API_KEY_CREATE);
    assertThat(event.outcome()).isEqualTo(AuditOutcome.SUCCEEDED);
    assertThat(event.actor()).isEqualTo("test:admin-of-org_a");
    assertThat(event.target()).isEqualTo(issued.key().id().value());
    assertThat(event.targetOwner()).contains(ORG_A);
    assertThat(event.occurredOn()).isEqualTo(Instant.parse("2026-01-01T00:03:00Z"));
    assertThat(t.stored(issued.key().id()).createdBy()).isEqualTo("test:admin-of-org_a");
  }

  // --- keys for Keygate's own management API ---

  private IssuedApiKey createManagementKey(Principal principal, Api management, String... scopes) {
    return t.services
        .createApiKey()
        .create(
            principal,
            new CreateApiKeyCommand(
                "admin", management.id(), List.of(scopes), ORG_A, Optional.empty()));
  }

  @Test
  void givenOperator_createManagementKey_mayGrantEveryManagementScope() {
    Api management = t.registerManagementApi();
    String[] every =
        Arrays.stream(ManagementScope.values()).map(ManagementScope::key).toArray(String[]::new);

    IssuedApiKey issued = createManagementKey(OPERATOR, management, every);

    assertThat(t.stored(issued.key().id()).scopeKeys()).containsExactlyInAnyOrder(every);
  }

  @Test
  void givenCallerWithoutAScope_createManagementKey_refusesToGrantIt() {
    Api management = t.registerManagementApi();
    Principal limited = TestKeygate.operatorWithout(ManagementScope.DELETE_APIS);

    assertThatThrownBy(() -> createManagementKey(limited, management, "read:apis", "delete:apis"))
        .isInstanceOf(ForbiddenException.class)
        .hasMessage("cannot create the key: it holds delete:apis, which the caller does not hold");
    assertThat(t.apiKeys.all()).isEmpty();
    AuditEvent refusal = t.auditLog.events().get(t.auditLog.events().size() - 1);
    assertThat(refusal.outcome()).isEqualTo(AuditOutcome.REFUSED);
    assertThat(refusal.action()).isEqualTo(AuditAction.API_KEY_CREATE);
    assertThat(refusal.actor()).isEqualTo("test:limited-operator");
    assertThat(refusal.detail())
        .isEqualTo("cannot create the key: it holds delete:apis, which the caller does not hold");
  }

  @Test
  void givenOrgAdmin_createManagementKeyForItsOrg_mayGrantOnlyWhatItHolds() {
    Api management = t.registerManagementApi();
    Principal admin =
        TestKeygate.orgAdmin(
            "org_a", ManagementScope.CREATE_API_KEYS, ManagementScope.READ_API_KEYS);

    IssuedApiKey reader = createManagementKey(admin, management, "read:api_keys");

    assertThat(t.stored(reader.key().id()).scopeKeys()).containsExactly("read:api_keys");
    assertThatThrownBy(() -> createManagementKey(admin, management, "create:apis"))
        .isInstanceOf(ForbiddenException.class)
        .hasMessage("cannot create the key: it holds create:apis, which the caller does not hold");
    assertThat(t.apiKeys.all()).hasSize(1);
  }

  @Test
  void givenCallerWhoseKeyExpires_createManagementKeyWithoutExpiry_getsTheCallersExpiry() {
    Api management = t.registerManagementApi();
    Instant end = t.clock.instant().plus(Duration.ofMinutes(15));
    Principal portal = TestKeygate.endingAt(TestKeygate.orgAdmin("org_a"), end);

    IssuedApiKey issued = createManagementKey(portal, management, "read:api_keys");

    assertThat(t.stored(issued.key().id()).expiresOn()).contains(end);
  }

  @Test
  void givenCallerWhoseKeyExpires_createManagementKeyOutlivingIt_isRefused() {
    Api management = t.registerManagementApi();
    Instant end = t.clock.instant().plus(Duration.ofMinutes(15));
    Principal portal = TestKeygate.endingAt(TestKeygate.orgAdmin("org_a"), end);
    CreateApiKeyCommand lasting =
        new CreateApiKeyCommand(
            "lasting",
            management.id(),
            List.of("read:api_keys"),
            ORG_A,
            Optional.of(end.plusSeconds(1)));

    assertThatThrownBy(() -> t.services.createApiKey().create(portal, lasting))
        .isInstanceOf(ForbiddenException.class)
        .hasMessage(
            "cannot create the key: it would outlive the caller's own key, which expires at "
                + end);
    assertThat(t.apiKeys.all()).isEmpty();
    assertThat(t.auditLog.events().get(t.auditLog.events().size() - 1).outcome())
        .isEqualTo(AuditOutcome.REFUSED);
  }

  @Test
  void givenCallerWhoseKeyExpires_createManagementKeyEndingSooner_keepsItsOwnExpiry() {
    Api management = t.registerManagementApi();
    Instant end = t.clock.instant().plus(Duration.ofMinutes(15));
    Instant sooner = end.minusSeconds(60);

    IssuedApiKey issued =
        t.services
            .createApiKey()
            .create(
                TestKeygate.endingAt(TestKeygate.orgAdmin("org_a"), end),
                new CreateApiKeyCommand(
                    "short", management.id(), List.of(), ORG_A, Optional.of(sooner)));

    assertThat(t.stored(issued.key().id()).expiresOn()).contains(sooner);
  }

  @Test
  void givenCallerWhoseKeyExpires_createKeyOfAnOrdinaryApi_isNotBoundByIt() {
    Principal portal =
        TestKeygate.endingAt(
            TestKeygate.orgAdmin("org_a"), t.clock.instant().plus(Duration.ofMinutes(15)));

    IssuedApiKey issued = create(portal, "k", ORG_A, "read:users");

    assertThat(t.stored(issued.key().id()).expiresOn()).isEmpty();
  }

  @Test
  void givenOrdinaryApi_create_doesNotRequireTheCallerToHoldItsScopes() {
    Principal admin = TestKeygate.orgAdmin("org_a", ManagementScope.CREATE_API_KEYS);

    IssuedApiKey issued = create(admin, "k", ORG_A, "read:users", "write:users");

    assertThat(t.stored(issued.key().id()).scopeKeys())
        .containsExactlyInAnyOrder("read:users", "write:users");
  }

  // --- what the operator granted the owner ---

  @Test
  void givenOrgAdmin_createKeyWithAScopeNotGrantedToItsOrg_isRefusedNamingIt() {
    Scope refunds = t.addScope(api, "admin:refunds");
    Principal admin = TestKeygate.orgAdmin("org_a");

    assertThatThrownBy(() -> create(admin, "k", ORG_A, "read:users", refunds.key()))
        .isInstanceOf(ForbiddenException.class)
        .hasMessage(
            "cannot create the key: scope admin:refunds of api "
                + api.id()
                + " is not granted to organization org_a");
    assertThat(t.apiKeys.all()).isEmpty();
    AuditEvent refusal = t.auditLog.events().get(t.auditLog.events().size() - 1);
    assertThat(refusal.outcome()).isEqualTo(AuditOutcome.REFUSED);
    assertThat(refusal.targetOwner()).contains(ORG_A);
  }

  @Test
  void givenUser_createKeyOfAnApiNotGrantedToIt_isRefused() {
    Principal alice = TestKeygate.userPrincipal("kp_alice");

    assertThatThrownBy(() -> create(alice, "k", ALICE, "read:users"))
        .isInstanceOf(ForbiddenException.class)
        .hasMessage("cannot create the key: api " + api.id() + " is not granted to user kp_alice");
    assertThat(t.apiKeys.all()).isEmpty();
  }

  @Test
  void givenUserGrantedTheApi_createKeyWithNoScope_isAllowed() {
    t.grant(ALICE, api);

    IssuedApiKey issued = create(TestKeygate.userPrincipal("kp_alice"), "k", ALICE);

    assertThat(t.stored(issued.key().id()).scopes()).isEmpty();
  }

  @Test
  void givenOperator_createKeyOutsideTheGrants_isAllowed() {
    Scope refunds = t.addScope(api, "admin:refunds");

    IssuedApiKey issued = create(OPERATOR, "internal", ALICE, refunds.key());

    assertThat(t.stored(issued.key().id()).scopes()).containsExactly(refunds);
  }

  @Test
  void givenLimitedOperator_createKeyOutsideTheGrants_isAllowed_theGrantsBindTenantsOnly() {
    Scope refunds = t.addScope(api, "admin:refunds");

    IssuedApiKey issued =
        create(
            TestKeygate.operatorHolding(ManagementScope.CREATE_API_KEYS),
            "internal",
            ORG_A,
            refunds.key());

    assertThat(t.stored(issued.key().id()).scopes()).containsExactly(refunds);
  }

  @Test
  void givenCallerPresentingAManagementKey_create_remembersThatKeyAsTheMaker() {
    IssuedApiKey maker = t.issueKey(ORG_A, api, "read:users");
    Principal admin =
        new Principal(
            "api_key:" + maker.key().id(),
            TestKeygate.orgAdmin("org_a").authority(),
            TestKeygate.orgAdmin("org_a").scopes(),
            Optional.empty(),
            Optional.of(maker.key().id()));

    IssuedApiKey issued = create(admin, "k", ORG_A, "read:users");

    assertThat(t.stored(issued.key().id()).madeBy()).contains(maker.key().id());
    assertThat(create(OPERATOR, "by the operator's tools", ORG_A).key().madeBy()).isEmpty();
  }
}
