package dev.keygate.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keygate.application.fake.TestKeygate;
import dev.keygate.application.port.in.ApplicationScopeCommand;
import dev.keygate.application.port.in.AuthorizeApplicationsCommand;
import dev.keygate.application.port.in.CreateApiKeyCommand;
import dev.keygate.application.port.in.CreateApplicationCommand;
import dev.keygate.application.port.in.CreatedApplication;
import dev.keygate.application.port.in.IssueAccessTokenCommand;
import dev.keygate.application.port.in.IssuedApiKey;
import dev.keygate.application.port.in.ManagementScope;
import dev.keygate.application.port.in.Principal;
import dev.keygate.application.port.in.Secret;
import dev.keygate.application.port.in.TokenAnswer;
import dev.keygate.application.port.in.TokenError;
import dev.keygate.domain.ForbiddenException;
import dev.keygate.domain.api.Api;
import dev.keygate.domain.api.Scope;
import dev.keygate.domain.application.ApplicationId;
import dev.keygate.domain.owner.OrgCode;
import dev.keygate.domain.owner.Owner;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * M2M applications in the application core: tokens end with what made them, signing keys stay
 * published exactly as long as their tokens may live, and every change is one unit with its event.
 */
class ApplicationServicesTest {

  private static final String ISSUER = "https://keys.example.com";
  private static final Owner ORG_A = new Owner.Org(new OrgCode("org_a"));

  private final TestKeygate t = new TestKeygate();
  private Api management;

  @BeforeEach
  void setUp() {
    t.services.initializeDeployment().initialize("test:init");
    t.createOrganization("org_a");
    management = t.apis.findByAudience(Api.MANAGEMENT_AUDIENCE).orElseThrow();
  }

  private Scope managementScope(String key) {
    return t.apis.scopes(management.id()).stream()
        .filter(scope -> scope.key().equals(key))
        .findFirst()
        .orElseThrow();
  }

  /** An application made by {@code maker}, authorized for the management API with scopes. */
  private CreatedApplication application(Principal maker, String... scopes) {
    CreatedApplication created =
        t.services
            .createApplication()
            .create(maker, new CreateApplicationCommand("App", "m2m", Optional.empty()));
    ApplicationId id = created.application().id();
    t.services
        .authorizeApplications()
        .authorize(
            maker,
            new AuthorizeApplicationsCommand(
                management.id(), List.of(new AuthorizeApplicationsCommand.Change(id, false))));
    for (String scope : scopes) {
      t.services
          .addApplicationScope()
          .add(
              maker, new ApplicationScopeCommand(management.id(), id, managementScope(scope).id()));
    }
    return created;
  }

  private TokenAnswer token(CreatedApplication application) {
    return t.services
        .issueAccessToken()
        .issue(
            new IssueAccessTokenCommand(
                application.application().id().value(),
                Secret.of(application.clientSecret().reveal()),
                ISSUER + "/api",
                Optional.empty(),
                ISSUER,
                Optional.of("203.0.113.7")));
  }

  private Optional<Principal> authenticate(TokenAnswer answer) {
    String jwt = ((TokenAnswer.Issued) answer).accessToken().reveal();
    return t.services.authenticate().authenticate(jwt, Optional.empty());
  }

  /** An org admin's management key, made by the operator, ending at {@code end}. */
  private Principal orgAdminKeyEndingAt(Instant end) {
    IssuedApiKey key =
        t.services
            .createApiKey()
            .create(
                TestKeygate.OPERATOR,
                new CreateApiKeyCommand(
                    "admin of A",
                    management.id(),
                    List.of("read:applications", "create:applications", "update:applications"),
                    ORG_A,
                    Optional.of(end)));
    return t.services
        .authenticate()
        .authenticate(key.token().reveal(), Optional.empty())
        .orElseThrow();
  }

  @Test
  void madeWithManagementScopes_theApplicationIsAuthorizedAndGrantedThem_inItsOneUnit() {
    int eventsBefore = t.auditLog.events().size();
    CreatedApplication app =
        t.services
            .createApplication()
            .create(
                TestKeygate.OPERATOR,
                new CreateApplicationCommand(
                    "Backend",
                    "m2m",
                    Optional.empty(),
                    Set.of(ManagementScope.CREATE_API_KEYS, ManagementScope.READ_API_KEYS)));
    int eventsAfter = t.auditLog.events().size();

    Principal principal = authenticate(token(app)).orElseThrow();

    assertThat(principal.scopes())
        .containsExactlyInAnyOrder(ManagementScope.CREATE_API_KEYS, ManagementScope.READ_API_KEYS);
    assertThat(eventsAfter).isEqualTo(eventsBefore + 1);
  }

  @Test
  void managementScopesBeyondTheCallersOwn_refuseTheWholeApplication() {
    Principal admin = orgAdminKeyEndingAt(t.clock.instant().plus(Duration.ofDays(1)));
    int before = t.applications.list(Optional.empty()).size();

    assertThatThrownBy(
            () ->
                t.services
                    .createApplication()
                    .create(
                        admin,
                        new CreateApplicationCommand(
                            "Backend",
                            "m2m",
                            Optional.empty(),
                            Set.of(
                                ManagementScope.READ_APPLICATIONS,
                                ManagementScope.CREATE_API_KEYS))))
        .isInstanceOf(ForbiddenException.class);
    assertThat(t.applications.list(Optional.empty()).size()).isEqualTo(before);
  }

  @Test
  void managementScopesAtCreation_needUpdateApplications_asGrantingThemLaterDoes() {
    Principal maker =
        Principal.confinedTo(
            "cli:creator-only", ORG_A, Set.of(ManagementScope.CREATE_APPLICATIONS));

    assertThatThrownBy(
            () ->
                t.services
                    .createApplication()
                    .create(
                        maker,
                        new CreateApplicationCommand(
                            "Backend",
                            "m2m",
                            Optional.empty(),
                            Set.of(ManagementScope.CREATE_APPLICATIONS))))
        .isInstanceOf(ForbiddenException.class)
        .hasMessageContaining("update:applications");
  }

  @Test
  void tokenOfAnOperatorsApplication_actsForTheDeployment_withExactlyItsGrantedScopes() {
    CreatedApplication app = application(TestKeygate.OPERATOR, "read:applications");

    Principal principal = authenticate(token(app)).orElseThrow();

    assertThat(principal.isOperator()).isTrue();
    assertThat(principal.scopes()).containsExactly(ManagementScope.READ_APPLICATIONS);
    assertThat(principal.actor()).isEqualTo("application:" + app.application().id());
  }

  @Test
  void anApplicationMadeByAnExpiringKey_endsWithIt_andItsTokensDoNotOutliveIt() {
    Instant end = t.clock.instant().plus(Duration.ofMinutes(10));
    Principal admin = orgAdminKeyEndingAt(end);

    CreatedApplication app = application(admin, "read:applications");

    assertThat(app.application().expiresOn()).contains(end);
    assertThat(app.application().org()).contains(new OrgCode("org_a"));
    TokenAnswer.Issued issued = (TokenAnswer.Issued) token(app);
    assertThat(issued.expiresInSeconds()).isEqualTo(600);
    Principal principal = authenticate(issued).orElseThrow();
    assertThat(principal.covers(ORG_A)).isTrue();
    assertThat(principal.isOperator()).isFalse();

    t.clock.advance(Duration.ofMinutes(11));

    assertThat(authenticate(issued)).isEmpty();
    assertThat(token(app))
        .isEqualTo(
            new TokenAnswer.Refused(
                TokenError.INVALID_GRANT, "the application's authority has ended"));
  }

  @Test
  void whenItsMakerIsRevoked_theApplicationsTokensAreRefused() {
    IssuedApiKey key =
        t.services
            .createApiKey()
            .create(
                TestKeygate.OPERATOR,
                new CreateApiKeyCommand(
                    "admin of A",
                    management.id(),
                    List.of("read:applications", "create:applications", "update:applications"),
                    ORG_A,
                    Optional.empty()));
    Principal admin =
        t.services
            .authenticate()
            .authenticate(key.token().reveal(), Optional.empty())
            .orElseThrow();
    CreatedApplication app = application(admin, "read:applications");
    TokenAnswer issued = token(app);
    assertThat(authenticate(issued)).isPresent();

    t.services.revokeApiKey().revoke(TestKeygate.OPERATOR, key.key().id());

    assertThat(authenticate(issued)).isEmpty();
    assertThat(token(app)).isInstanceOf(TokenAnswer.Refused.class);
  }

  @Test
  void aRolledAwaySigningKey_staysPublishedForOneTokenLifetime_thenItsTokensStop() {
    CreatedApplication app = application(TestKeygate.OPERATOR, "read:applications");
    TokenAnswer before = token(app);
    t.clock.advance(Duration.ofMinutes(30));

    t.services.rollSigningKey().roll(TestKeygate.OPERATOR);

    assertThat(published()).hasSize(2);
    assertThat(authenticate(before)).as("signed by the rolled-away key").isPresent();
    TokenAnswer after = token(app);
    // The last token the old key signed, just before the roll, lives an hour past it.
    t.clock.advance(Duration.ofMinutes(59));
    assertThat(published()).hasSize(2);
    t.clock.advance(Duration.ofMinutes(2));
    assertThat(published()).hasSize(1);
    assertThat(authenticate(before)).isEmpty();
    assertThat(authenticate(token(app))).isPresent();
    assertThat(after).isNotEqualTo(before);
  }

  @SuppressWarnings("unchecked")
  private List<Object> published() {
    Map<String, Object> jwks = t.services.publishSigningKeys().publish();
    return (List<Object>) jwks.get("keys");
  }

  @Test
  void rollingTheSigningKey_isTheOperatorsAlone() {
    Principal admin = orgAdminKeyEndingAt(t.clock.instant().plus(Duration.ofHours(1)));

    assertThatThrownBy(() -> t.services.rollSigningKey().roll(admin))
        .hasMessageContaining("only the operator");
  }

  @Test
  void whenTheAuditEventCannotBeWritten_noApplicationChangeIsKept() {
    CreatedApplication app = application(TestKeygate.OPERATOR, "read:applications");
    ApplicationId id = app.application().id();
    var before = t.applications.findById(id).orElseThrow();
    t.auditLog.failFromNowOn();

    assertThatThrownBy(
        () ->
            t.services
                .createApplication()
                .create(
                    TestKeygate.OPERATOR,
                    new CreateApplicationCommand("Other", "m2m", Optional.empty())));
    assertThatThrownBy(() -> t.services.rotateApplicationSecret().rotate(TestKeygate.OPERATOR, id));
    assertThatThrownBy(() -> t.services.deleteApplication().delete(TestKeygate.OPERATOR, id));
    assertThatThrownBy(
        () ->
            t.services
                .removeApplicationScope()
                .remove(
                    TestKeygate.OPERATOR,
                    new ApplicationScopeCommand(
                        management.id(), id, managementScope("read:applications").id())));
    assertThatThrownBy(() -> t.services.rollSigningKey().roll(TestKeygate.OPERATOR));

    assertThat(t.applications.list(Optional.empty())).containsExactly(before);
    assertThat(t.signingKeys.list()).isEmpty();
  }
}
