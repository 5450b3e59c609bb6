package dev.keygate.application.service;

import static dev.keygate.application.fake.TestKeygate.OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keygate.application.fake.TestKeygate;
import dev.keygate.application.port.in.Authority;
import dev.keygate.application.port.in.CreateApiKeyCommand;
import dev.keygate.application.port.in.IssuedApiKey;
import dev.keygate.application.port.in.ManagementScope;
import dev.keygate.application.port.in.Principal;
import dev.keygate.application.port.in.UpdateApiKeyCommand;
import dev.keygate.domain.api.Api;
import dev.keygate.domain.key.ApiKeyStatus;
import dev.keygate.domain.owner.OrgCode;
import dev.keygate.domain.owner.Organization;
import dev.keygate.domain.owner.Owner;
import dev.keygate.domain.owner.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Turning a presented management key into the principal it acts as. */
class AuthenticateServiceTest {

  private static final Owner OPERATOR_ORG = new Owner.Org(Organization.OPERATOR_CODE);
  private static final Owner ORG_A = new Owner.Org(new OrgCode("org_a"));
  private static final Owner ALICE = new Owner.User(new UserId("kp_alice"));

  private final TestKeygate t = new TestKeygate();
  private String rootToken;
  private Api management;

  @BeforeEach
  void setUp() {
    rootToken =
        t.services.initializeDeployment().initialize("test:init").orElseThrow().token().reveal();
    management = t.apis.findByAudience(Api.MANAGEMENT_AUDIENCE).orElseThrow();
    t.createOrganization("org_a");
    t.createUser("kp_alice");
  }

  private Optional<Principal> authenticate(String token) {
    return t.services.authenticate().authenticate(token, Optional.of("203.0.113.7"));
  }

  private IssuedApiKey managementKey(Owner owner, String... scopes) {
    return t.issueKey(owner, management, scopes);
  }

  @Test
  void givenOperatorOrgKey_authenticate_answersTheOperatorWithTheKeysScopesOnly() {
    IssuedApiKey issued = managementKey(OPERATOR_ORG, "read:api_keys", "create:apis");

    Principal principal = authenticate(issued.token().reveal()).orElseThrow();

    assertThat(principal.authority()).isEqualTo(new Authority.Deployment());
    assertThat(principal.isOperator()).isTrue();
    assertThat(principal.scopes())
        .containsExactlyInAnyOrder(ManagementScope.READ_API_KEYS, ManagementScope.CREATE_APIS);
    assertThat(principal.actor()).isEqualTo("api_key:" + issued.key().id());
  }

  @Test
  void givenExpiringKey_authenticate_answersAPrincipalWhoseAuthorityEndsWithIt() {
    Instant end = t.clock.instant().plus(Duration.ofMinutes(15));
    IssuedApiKey issued =
        t.services
            .createApiKey()
            .create(
                TestKeygate.OPERATOR,
                new CreateApiKeyCommand(
                    "portal", management.id(), List.of("read:api_keys"), ORG_A, Optional.of(end)));

    Principal principal = authenticate(issued.token().reveal()).orElseThrow();

    assertThat(principal.expiresOn()).contains(end);
    assertThat(authenticate(rootToken).orElseThrow().expiresOn()).isEmpty();
  }

  @Test
  void givenRootKey_authenticate_answersTheOperatorWithEveryScope() {
    Principal principal = authenticate(rootToken).orElseThrow();

    assertThat(principal.isOperator()).isTrue();
    assertThat(principal.scopes()).containsExactlyInAnyOrder(ManagementScope.values());
  }

  @Test
  void givenOrgKey_authenticate_answersAPrincipalConfinedToThatOrg() {
    IssuedApiKey issued = managementKey(ORG_A, "read:api_keys");

    Principal principal = authenticate(issued.token().reveal()).orElseThrow();

    assertThat(principal.authority()).isEqualTo(new Authority.OwnerOnly(ORG_A));
    assertThat(principal.isOperator()).isFalse();
    assertThat(principal.confinement()).contains(ORG_A);
    assertThat(principal.scopes()).containsExactly(ManagementScope.READ_API_KEYS);
    assertThat(principal.actor()).isEqualTo("api_key:" + issued.key().id());
  }

  @Test
  void givenUserKey_authenticate_answersAPrincipalConfinedToThatUser() {
    IssuedApiKey issued = managementKey(ALICE, "read:api_keys", "create:api_keys");

    Principal principal = authenticate(issued.token().reveal()).orElseThrow();

    assertThat(principal.confinement()).contains(ALICE);
    assertThat(principal.scopes())
        .isEqualTo(Set.of(ManagementScope.READ_API_KEYS, ManagementScope.CREATE_API_KEYS));
  }

  @Test
  void givenKeyOfAnotherApi_authenticate_answersEmpty() {
    Api users = t.registerApi("https://users.example.com");
    t.addScope(users, "read:api_keys");
    IssuedApiKey issued = t.issueKey(OPERATOR_ORG, users, "read:api_keys");

    assertThat(t.verify(issued).isValid()).isTrue();
    assertThat(authenticate(issued.token().reveal())).isEmpty();
  }

  @Test
  void givenRevokedDisabledOrExpiredKey_authenticate_answersEmpty() {
    IssuedApiKey revoked = managementKey(OPERATOR_ORG, "read:api_keys");
    IssuedApiKey disabled = managementKey(OPERATOR_ORG, "read:api_keys");
    IssuedApiKey expiring =
        t.services
            .createApiKey()
            .create(
                OPERATOR,
                new CreateApiKeyCommand(
                    "expiring",
                    management.id(),
                    List.of("read:api_keys"),
                    OPERATOR_ORG,
                    Optional.of(Instant.parse("2026-01-02T00:00:00Z"))));
    assertThat(authenticate(revoked.token().reveal())).isPresent();
    assertThat(authenticate(expiring.token().reveal())).isPresent();

    t.services.revokeApiKey().revoke(OPERATOR, revoked.key().id());
    t.services
        .updateApiKey()
        .update(
            OPERATOR,
            disabled.key().id(),
            new UpdateApiKeyCommand(
                Optional.empty(), Optional.of(ApiKeyStatus.INACTIVE), Optional.empty()));
    t.clock.advance(Duration.ofDays(1));

    assertThat(authenticate(revoked.token().reveal())).isEmpty();
    assertThat(authenticate(disabled.token().reveal())).isEmpty();
    assertThat(authenticate(expiring.token().reveal())).isEmpty();
    assertThat(authenticate(rootToken)).isPresent();
  }

  @Test
  void givenUnknownWrongOrMalformedToken_authenticate_answersEmpty() {
    assertThat(authenticate(TestKeygate.unknownToken())).isEmpty();
    assertThat(authenticate(TestKeygate.withWrongSecret(rootToken))).isEmpty();
    assertThat(authenticate(TestKeygate.withTypo(rootToken))).isEmpty();
    assertThat(authenticate("garbage")).isEmpty();
    assertThat(authenticate("")).isEmpty();
    assertThat(authenticate(null)).isEmpty();
  }

  @Test
  void givenUninitializedDeployment_authenticate_answersEmpty() {
    TestKeygate empty = new TestKeygate();

    assertThat(empty.services.authenticate().authenticate(rootToken, Optional.empty())).isEmpty();
  }

  @Test
  void givenValidKey_authenticate_recordsItsUsage() {
    IssuedApiKey issued = managementKey(ORG_A, "read:api_keys");

    authenticate(issued.token().reveal());
    authenticate(issued.token().reveal());

    assertThat(t.usage.count(issued.key().id())).isEqualTo(2);
    assertThat(t.usage.lastIp(issued.key().id())).contains("203.0.113.7");
  }
}
