package dev.keygate.application.service;

import static dev.keygate.application.fake.TestKeygate.OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.tuple;

import dev.keygate.application.fake.TestKeygate;
import dev.keygate.application.fake.TestQueries;
import dev.keygate.application.port.in.CreateApiKeyCommand;
import dev.keygate.application.port.in.IssuedApiKey;
import dev.keygate.application.port.in.Principal;
import dev.keygate.application.port.in.Verification;
import dev.keygate.application.port.in.VerifyApiKeyCommand;
import dev.keygate.application.port.in.VerifyOutcome;
import dev.keygate.application.port.query.ApiKeyFilter;
import dev.keygate.application.port.query.Page;
import dev.keygate.application.port.query.PageRequest;
import dev.keygate.domain.NotFoundException;
import dev.keygate.domain.api.Api;
import dev.keygate.domain.audit.AuditAction;
import dev.keygate.domain.audit.AuditEvent;
import dev.keygate.domain.audit.AuditOutcome;
import dev.keygate.domain.key.ApiKey;
import dev.keygate.domain.key.ApiKeyId;
import dev.keygate.domain.key.ApiKeyStatus;
import dev.keygate.domain.owner.OrgCode;
import dev.keygate.domain.owner.Owner;
import dev.keygate.domain.owner.OwnerType;
import dev.keygate.domain.owner.UserId;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Organization admins and users reach their own keys only; anything else answers exactly as if it
 * did not exist, and the refusal is audited.
 */
class ConfinedPrincipalTest {

  private static final Owner ORG_A = new Owner.Org(new OrgCode("org_a"));
  private static final Owner ORG_B = new Owner.Org(new OrgCode("org_b"));
  private static final Owner ALICE = new Owner.User(new UserId("kp_alice"));
  private static final Owner BOB = new Owner.User(new UserId("kp_bob"));
  private static final Principal ADMIN_A = TestKeygate.orgAdmin("org_a");
  private static final Principal USER_ALICE = TestKeygate.userPrincipal("kp_alice");

  private final TestKeygate t = new TestKeygate();
  private Api api;
  private IssuedApiKey keyA;
  private IssuedApiKey keyB;
  private IssuedApiKey keyAlice;
  private IssuedApiKey keyBob;

  @BeforeEach
  void setUp() {
    t.createOrganization("org_a");
    t.createOrganization("org_b");
    t.createUser("kp_alice");
    t.createUser("kp_bob");
    api = t.registerApi("https://users.example.com");
    t.addScope(api, "read:users");
    for (Owner owner : List.of(ORG_A, ORG_B, ALICE, BOB)) {
      t.grant(owner, api, "read:users");
    }
    keyA = issue(ORG_A);
    keyB = issue(ORG_B);
    keyAlice = issue(ALICE);
    keyBob = issue(BOB);
  }

  private IssuedApiKey issue(Owner owner) {
    t.clock.advance(Duration.ofMillis(1));
    return t.issueKey(owner, api, "read:users");
  }

  private AuditEvent lastEvent() {
    return t.auditLog.events().get(t.auditLog.events().size() - 1);
  }

  /** One key operation, as a principal, on one key id. */
  interface KeyOperation {
    void apply(KeygateServices services, Principal principal, ApiKeyId keyId);
  }

  static Stream<Arguments> keyOperations() {
    return Stream.of(
        Arguments.of(
            Named.of("get", (KeyOperation) (s, p, id) -> s.getApiKey().get(p, id)),
            AuditAction.API_KEY_READ),
        Arguments.of(
            Named.of(
                "rotate",
                (KeyOperation) (s, p, id) -> s.rotateApiKey().rotate(p, id, Duration.ZERO)),
            AuditAction.API_KEY_ROTATE),
        Arguments.of(
            Named.of("disable", (KeyOperation) (s, p, id) -> s.disableApiKey().disable(p, id)),
            AuditAction.API_KEY_DISABLE),
        Arguments.of(
            Named.of("enable", (KeyOperation) (s, p, id) -> s.enableApiKey().enable(p, id)),
            AuditAction.API_KEY_ENABLE),
        Arguments.of(
            Named.of("revoke", (KeyOperation) (s, p, id) -> s.revokeApiKey().revoke(p, id)),
            AuditAction.API_KEY_REVOKE));
  }

  private void assertOutOfReach(
      KeyOperation operation, AuditAction action, Principal principal, IssuedApiKey other) {
    ApiKeyId otherId = other.key().id();
    ApiKey before = t.stored(otherId);
    ApiKeyId missing = ApiKeyId.generate(Clock.systemUTC());

    Throwable outOfReach = catchThrowable(() -> operation.apply(t.services, principal, otherId));
    AuditEvent refusal = lastEvent();
    int events = t.auditLog.events().size();
    Throwable nonexistent = catchThrowable(() -> operation.apply(t.services, principal, missing));

    assertThat(outOfReach)
        .isExactlyInstanceOf(NotFoundException.class)
        .hasMessage("api key " + otherId + " not found");
    assertThat(nonexistent)
        .isExactlyInstanceOf(NotFoundException.class)
        .hasMessage("api key " + missing + " not found");
    assertThat(t.stored(otherId)).isEqualTo(before);
    assertThat(refusal.outcome()).isEqualTo(AuditOutcome.REFUSED);
    assertThat(refusal.action()).isEqualTo(action);
    assertThat(refusal.actor()).isEqualTo(principal.actor());
    assertThat(refusal.target()).isEqualTo(otherId.value());
    // On the trail of who was refused, never in the trail of the key's owner.
    assertThat(refusal.targetOwner()).isEqualTo(principal.confinement()).isPresent();
    assertThat(refusal.targetOwner()).isNotEqualTo(Optional.of(other.key().owner()));
    assertThat(refusal.detail()).isEqualTo("key out of reach");
    assertThat(t.auditLog.events()).hasSize(events);
  }

  @ParameterizedTest
  @MethodSource("keyOperations")
  void givenOrgAdmin_operationOnAnotherOrgsKey_answersNotFoundAsForNoKeyAndAuditsTheRefusal(
      KeyOperation operation, AuditAction action) {
    assertOutOfReach(operation, action, ADMIN_A, keyB);
  }

  @ParameterizedTest
  @MethodSource("keyOperations")
  void givenOrgAdmin_operationOnAUsersKey_answersNotFound(
      KeyOperation operation, AuditAction action) {
    assertOutOfReach(operation, action, ADMIN_A, keyAlice);
  }

  @ParameterizedTest
  @MethodSource("keyOperations")
  void givenUser_operationOnAnotherUsersKey_answersNotFound(
      KeyOperation operation, AuditAction action) {
    assertOutOfReach(operation, action, USER_ALICE, keyBob);
  }

  @ParameterizedTest
  @MethodSource("keyOperations")
  void givenUser_operationOnAnOrganizationsKey_answersNotFound(
      KeyOperation operation, AuditAction action) {
    assertOutOfReach(operation, action, USER_ALICE, keyA);
  }

  @Test
  void givenOrgAdmin_manageItsOwnKey_succeedsAndIsAuditedUnderItsName() {
    ApiKeyId id = keyA.key().id();

    assertThat(t.services.getApiKey().get(ADMIN_A, id)).isEqualTo(t.stored(id));
    IssuedApiKey rotated = t.services.rotateApiKey().rotate(ADMIN_A, id, Duration.ZERO);
    assertThat(t.services.disableApiKey().disable(ADMIN_A, id).status())
        .isEqualTo(ApiKeyStatus.INACTIVE);
    assertThat(t.services.enableApiKey().enable(ADMIN_A, id).status())
        .isEqualTo(ApiKeyStatus.ACTIVE);
    assertThat(t.verify(rotated).outcome()).isEqualTo(VerifyOutcome.API_KEY_VERIFIED);
    assertThat(t.services.revokeApiKey().revoke(ADMIN_A, id).status())
        .isEqualTo(ApiKeyStatus.REVOKED);

    assertThat(t.auditLog.events())
        .filteredOn(e -> e.target().equals(id.value()))
        .filteredOn(e -> e.actor().equals(ADMIN_A.actor()))
        .extracting(AuditEvent::action, AuditEvent::outcome)
        .containsExactly(
            tuple(AuditAction.API_KEY_ROTATE, AuditOutcome.SUCCEEDED),
            tuple(AuditAction.API_KEY_DISABLE, AuditOutcome.SUCCEEDED),
            tuple(AuditAction.API_KEY_ENABLE, AuditOutcome.SUCCEEDED),
            tuple(AuditAction.API_KEY_REVOKE, AuditOutcome.SUCCEEDED));
  }

  @Test
  void givenUser_getItsOwnKey_answersIt() {
    assertThat(t.services.getApiKey().get(USER_ALICE, keyAlice.key().id()))
        .isEqualTo(t.stored(keyAlice.key().id()));
  }

  // --- verify ---

  private Verification verifyAs(Principal principal, String token) {
    return t.services.verifyApiKey().verify(principal, VerifyApiKeyCommand.of(token));
  }

  @Test
  void givenOrgAdmin_verifyAnotherOrgsToken_answersInvalidAsForAnUnknownToken() {
    Verification other = verifyAs(ADMIN_A, keyB.token().reveal());

    assertThat(other).isEqualTo(Verification.invalid());
    assertThat(other).isEqualTo(verifyAs(ADMIN_A, TestKeygate.unknownToken()));
    assertThat(t.usage.count(keyB.key().id())).isZero();
    assertThat(t.verify(keyB).outcome()).isEqualTo(VerifyOutcome.API_KEY_VERIFIED);
  }

  @Test
  void givenOrgAdmin_verifyAnotherOrgsToken_isAuditedAsRefused() {
    verifyAs(ADMIN_A, keyB.token().reveal());

    AuditEvent refusal = lastEvent();
    assertThat(refusal.outcome()).isEqualTo(AuditOutcome.REFUSED);
    assertThat(refusal.action()).isEqualTo(AuditAction.API_KEY_VERIFY);
    assertThat(refusal.target()).isEqualTo(keyB.key().id().value());
    assertThat(refusal.actor()).isEqualTo(ADMIN_A.actor());
  }

  @Test
  void givenOrgAdmin_verifyAnotherOrgsRevokedToken_answersInvalidNotRevoked() {
    t.services.revokeApiKey().revoke(OPERATOR, keyB.key().id());

    assertThat(verifyAs(ADMIN_A, keyB.token().reveal())).isEqualTo(Verification.invalid());
  }

  @Test
  void givenOrgAdmin_verifyItsOwnToken_answersVerified() {
    Verification own = verifyAs(ADMIN_A, keyA.token().reveal());

    assertThat(own.outcome()).isEqualTo(VerifyOutcome.API_KEY_VERIFIED);
    assertThat(own.key()).map(ApiKey::id).contains(keyA.key().id());
    assertThat(t.usage.count(keyA.key().id())).isEqualTo(1);
  }

  @Test
  void givenUser_verifyTokens_answersOnlyItsOwn() {
    assertThat(verifyAs(USER_ALICE, keyAlice.token().reveal()).outcome())
        .isEqualTo(VerifyOutcome.API_KEY_VERIFIED);
    assertThat(verifyAs(USER_ALICE, keyBob.token().reveal())).isEqualTo(Verification.invalid());
    assertThat(verifyAs(USER_ALICE, keyA.token().reveal())).isEqualTo(Verification.invalid());
  }

  // --- list ---

  private Page<ApiKey> listAs(Principal principal, ApiKeyFilter filter) {
    return t.services.listApiKeys().list(principal, filter, PageRequest.first());
  }

  @Test
  void givenOrgAdmin_listWithoutFilter_answersItsOwnKeysOnly() {
    IssuedApiKey secondA = issue(ORG_A);

    assertThat(listAs(ADMIN_A, ApiKeyFilter.ALL).items())
        .extracting(ApiKey::id)
        .containsExactly(keyA.key().id(), secondA.key().id());
  }

  @Test
  void givenOrgAdmin_listFilteredOnAnotherOwner_answersAnEmptyPage() {
    Page<ApiKey> page = listAs(ADMIN_A, ApiKeyFilter.ALL.ownedBy(ORG_B));

    assertThat(page.items()).isEmpty();
    assertThat(page.hasMore()).isFalse();
    assertThat(listAs(ADMIN_A, ApiKeyFilter.ALL.ownedBy(ALICE)).items()).isEmpty();
    assertThat(listAs(OPERATOR, ApiKeyFilter.ALL.ownedBy(ORG_B)).items()).hasSize(1);
  }

  @Test
  void givenOrgAdmin_listFilteredOnAnotherOwner_isAuditedAsRefused() {
    listAs(ADMIN_A, ApiKeyFilter.ALL.ownedBy(ORG_B));

    AuditEvent refusal = lastEvent();
    assertThat(refusal.outcome()).isEqualTo(AuditOutcome.REFUSED);
    assertThat(refusal.action()).isEqualTo(AuditAction.API_KEY_READ);
    assertThat(refusal.targetOwner()).contains(ORG_A);
  }

  @Test
  void givenOrgAdmin_listFilteredOnItself_answersItsKeys() {
    assertThat(listAs(ADMIN_A, ApiKeyFilter.ALL.ownedBy(ORG_A)).items())
        .extracting(ApiKey::id)
        .containsExactly(keyA.key().id());
  }

  @Test
  void givenOrgAdmin_listFilteredOnUserKeys_answersAnEmptyPage() {
    ApiKeyFilter userKeys =
        new ApiKeyFilter(
            Optional.of(OwnerType.USER), Optional.empty(), Optional.empty(), Optional.empty());

    assertThat(listAs(ADMIN_A, userKeys).items()).isEmpty();
  }

  @Test
  void givenOrgAdmin_listFilteredOnStatus_appliesItWithinItsOwnKeys() {
    t.services.revokeApiKey().revoke(OPERATOR, keyB.key().id());
    t.services.revokeApiKey().revoke(OPERATOR, keyA.key().id());

    assertThat(listAs(ADMIN_A, TestQueries.keysIn(ApiKeyStatus.REVOKED)).items())
        .extracting(ApiKey::id)
        .containsExactly(keyA.key().id());
  }

  @Test
  void givenUser_list_answersItsOwnKeysOnly() {
    assertThat(listAs(USER_ALICE, ApiKeyFilter.ALL).items())
        .extracting(ApiKey::id)
        .containsExactly(keyAlice.key().id());
    assertThat(listAs(USER_ALICE, ApiKeyFilter.ALL.ownedBy(BOB)).items()).isEmpty();
  }

  // --- create ---

  private IssuedApiKey createAs(Principal principal, Owner owner) {
    return t.services
        .createApiKey()
        .create(
            principal,
            new CreateApiKeyCommand("k", api.id(), List.of("read:users"), owner, Optional.empty()));
  }

  @Test
  void givenOrgAdmin_createForItsOwnOrg_issuesTheKey() {
    IssuedApiKey issued = createAs(ADMIN_A, ORG_A);

    assertThat(t.stored(issued.key().id()).owner()).isEqualTo(ORG_A);
    assertThat(t.stored(issued.key().id()).createdBy()).isEqualTo(ADMIN_A.actor());
  }

  @Test
  void givenOrgAdmin_createForAnotherOrg_answersNotFoundAsForNoOrgAndAuditsTheRefusal() {
    int keys = t.apiKeys.all().size();

    assertThatThrownBy(() -> createAs(ADMIN_A, ORG_B))
        .isExactlyInstanceOf(NotFoundException.class)
        .hasMessage("organization org_b not found");
    AuditEvent refusal = lastEvent();
    assertThatThrownBy(() -> createAs(ADMIN_A, new Owner.Org(new OrgCode("org_nobody"))))
        .isExactlyInstanceOf(NotFoundException.class)
        .hasMessage("organization org_nobody not found");

    assertThat(t.apiKeys.all()).hasSize(keys);
    assertThat(refusal.outcome()).isEqualTo(AuditOutcome.REFUSED);
    assertThat(refusal.action()).isEqualTo(AuditAction.API_KEY_CREATE);
    assertThat(refusal.actor()).isEqualTo(ADMIN_A.actor());
    assertThat(refusal.target()).isEqualTo("org_b");
    assertThat(refusal.targetOwner()).contains(ORG_A);
    assertThat(refusal.detail()).isEqualTo("owner out of reach");
  }

  @Test
  void givenOrgAdmin_createForAUser_answersNotFound() {
    assertThatThrownBy(() -> createAs(ADMIN_A, ALICE))
        .isExactlyInstanceOf(NotFoundException.class)
        .hasMessage("user kp_alice not found");
  }

  @Test
  void givenUser_createForItselfOnly() {
    IssuedApiKey own = createAs(USER_ALICE, ALICE);

    assertThat(t.stored(own.key().id()).owner()).isEqualTo(ALICE);
    assertThatThrownBy(() -> createAs(USER_ALICE, BOB))
        .isExactlyInstanceOf(NotFoundException.class)
        .hasMessage("user kp_bob not found");
    assertThatThrownBy(() -> createAs(USER_ALICE, ORG_A))
        .isExactlyInstanceOf(NotFoundException.class)
        .hasMessage("organization org_a not found");
  }

  // --- organizations, users and the audit trail ---

  @Test
  void givenOrgAdmin_listOrganizations_answersItsOwnOnly() {
    assertThat(t.services.listOrganizations().list(ADMIN_A, PageRequest.first()).items())
        .extracting(o -> o.code().value())
        .containsExactly("org_a");
    assertThat(t.services.listOrganizations().list(OPERATOR, PageRequest.first()).items())
        .hasSize(2);
  }

  @Test
  void givenOrgAdmin_listUsers_answersNone() {
    assertThat(t.services.listUsers().list(ADMIN_A, PageRequest.first()).items()).isEmpty();
  }

  @Test
  void givenUser_listUsersAndOrganizations_answersItselfAndNoOrganization() {
    assertThat(t.services.listUsers().list(USER_ALICE, PageRequest.first()).items())
        .extracting(u -> u.id().value())
        .containsExactly("kp_alice");
    assertThat(t.services.listOrganizations().list(USER_ALICE, PageRequest.first()).items())
        .isEmpty();
  }

  @Test
  void givenOrgAdmin_listAuditEvents_answersEventsAboutItsOwnObjectsOnly() {
    t.services.disableApiKey().disable(OPERATOR, keyB.key().id());
    t.services.disableApiKey().disable(OPERATOR, keyA.key().id());

    List<AuditEvent> seen =
        t.services
            .listAuditEvents()
            .list(ADMIN_A, TestQueries.allEvents(PageRequest.first()))
            .items();

    assertThat(seen).isNotEmpty().allMatch(e -> e.targetOwner().equals(Optional.of(ORG_A)));
    assertThat(seen)
        .extracting(AuditEvent::target)
        .contains(keyA.key().id().value(), "org_a")
        .doesNotContain(keyB.key().id().value(), keyAlice.key().id().value(), "org_b");
  }

  @Test
  void givenOrgAdminReachingForAnotherOrgsKeys_theRefusalsAreInItsOwnTrail_notInTheVictims() {
    Principal adminB = TestKeygate.orgAdmin("org_b");
    catchThrowable(() -> t.services.getApiKey().get(adminB, keyA.key().id()));
    catchThrowable(() -> t.services.revokeApiKey().revoke(adminB, keyA.key().id()));
    verifyAs(adminB, keyA.token().reveal());

    List<AuditEvent> trailOfA =
        t.services
            .listAuditEvents()
            .list(ADMIN_A, TestQueries.allEvents(PageRequest.first()))
            .items();
    List<AuditEvent> trailOfB =
        t.services
            .listAuditEvents()
            .list(adminB, TestQueries.allEvents(PageRequest.first()))
            .items();

    assertThat(trailOfA).noneMatch(e -> e.actor().equals(adminB.actor()));
    assertThat(trailOfB)
        .filteredOn(e -> e.actor().equals(adminB.actor()))
        .extracting(AuditEvent::action, AuditEvent::outcome, AuditEvent::target)
        .containsExactly(
            tuple(AuditAction.API_KEY_READ, AuditOutcome.REFUSED, keyA.key().id().value()),
            tuple(AuditAction.API_KEY_REVOKE, AuditOutcome.REFUSED, keyA.key().id().value()),
            tuple(AuditAction.API_KEY_VERIFY, AuditOutcome.REFUSED, keyA.key().id().value()));
  }

  @Test
  void givenOrgAdmin_listAuditEventsOfAnotherOrgsKey_answersNone() {
    t.services.disableApiKey().disable(OPERATOR, keyB.key().id());

    assertThat(
            t.services
                .listAuditEvents()
                .list(ADMIN_A, TestQueries.eventsOf(keyB.key().id().value(), PageRequest.first()))
                .items())
        .isEmpty();
    assertThat(
            t.services
                .listAuditEvents()
                .list(OPERATOR, TestQueries.eventsOf(keyB.key().id().value(), PageRequest.first()))
                .items())
        .hasSize(2);
  }

  @Test
  void givenOrgAdmin_listAuditEventsAskingForAnotherOrg_stillAnswersItsOwnOnly() {
    t.services.disableApiKey().disable(OPERATOR, keyB.key().id());

    List<AuditEvent> seen =
        t.services
            .listAuditEvents()
            .list(ADMIN_A, TestQueries.allEvents(PageRequest.first()).ownedBy(ORG_B))
            .items();

    assertThat(seen).allMatch(e -> e.targetOwner().equals(Optional.of(ORG_A)));
    assertThat(seen).extracting(AuditEvent::target).doesNotContain(keyB.key().id().value());
  }

  @Test
  void givenUser_listAuditEvents_answersEventsAboutItselfOnly() {
    List<AuditEvent> seen =
        t.services
            .listAuditEvents()
            .list(USER_ALICE, TestQueries.allEvents(PageRequest.first()))
            .items();

    assertThat(seen)
        .extracting(AuditEvent::target)
        .containsExactly("kp_alice", api.id().value(), keyAlice.key().id().value());
  }
}
