package dev.keygate.application.service;

import static dev.keygate.application.fake.TestKeygate.OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.keygate.application.fake.TestKeygate;
import dev.keygate.application.port.in.AddScopeCommand;
import dev.keygate.application.port.in.CreateApiKeyCommand;
import dev.keygate.application.port.in.CreateOrganizationCommand;
import dev.keygate.application.port.in.CreateUserCommand;
import dev.keygate.application.port.in.IssuedApiKey;
import dev.keygate.application.port.in.ManagementScope;
import dev.keygate.application.port.in.RegisterApiCommand;
import dev.keygate.application.port.in.UpdateScopeCommand;
import dev.keygate.application.port.in.Verification;
import dev.keygate.application.port.in.VerifyApiKeyCommand;
import dev.keygate.application.port.in.VerifyOutcome;
import dev.keygate.domain.KeygateException;
import dev.keygate.domain.api.Api;
import dev.keygate.domain.api.Scope;
import dev.keygate.domain.audit.AuditEvent;
import dev.keygate.domain.key.ApiKey;
import dev.keygate.domain.key.KeySecret;
import dev.keygate.domain.owner.OrgCode;
import dev.keygate.domain.owner.Owner;
import dev.keygate.domain.token.TokenFormat;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A plaintext token, its secret and its hash never reach the audit trail, an exception message or a
 * {@code toString()}.
 */
class SecretHygieneTest {

  private static final Owner ORG_A = new Owner.Org(new OrgCode("org_a"));
  private static final Owner ORG_B = new Owner.Org(new OrgCode("org_b"));

  private final TestKeygate t = new TestKeygate();
  private Api api;
  private Scope scope;
  private IssuedApiKey issued;
  private String token;

  @BeforeEach
  void setUp() {
    t.createOrganization("org_a");
    t.createOrganization("org_b");
    api = t.registerApi("https://users.example.com");
    scope = t.addScope(api, "read:users");
    issued = t.issueKey(ORG_A, api, "read:users");
    token = issued.token().reveal();
  }

  /** Every token issued so far, their secrets, and every hash stored: none may leak. */
  private List<String> secrets(String... tokens) {
    List<String> secrets = new ArrayList<>();
    for (String each : tokens) {
      secrets.add(each);
      secrets.add(TestKeygate.secretOf(each));
    }
    for (ApiKey key : t.apiKeys.all()) {
      for (KeySecret secret : key.secrets()) {
        secrets.add(secret.hash());
        // The digest alone, in case a hash is cut up or reformatted on its way out.
        secrets.add(secret.hash().substring(secret.hash().lastIndexOf('$') + 1));
      }
    }
    return secrets;
  }

  @Test
  void tokenWithoutItsPrefix_pastedAsAScope_isNotRepeatedInTheError() {
    String withoutPrefix = token.substring("k_live_".length());

    Throwable thrown =
        catchThrowable(
            () ->
                t.services
                    .createApiKey()
                    .create(
                        OPERATOR,
                        new CreateApiKeyCommand(
                            "k", api.id(), List.of(withoutPrefix), ORG_A, Optional.empty())));

    assertThat(thrown).isInstanceOf(KeygateException.class);
    assertFreeOf(thrown.getMessage(), secrets(token));
  }

  @Test
  void tokenWithoutItsPrefix_pastedAsAnOwner_reachesNeitherTheErrorNorTheAuditTrail() {
    String withoutPrefix = token.substring("k_live_".length());
    Owner pasted = new Owner.Org(new OrgCode(withoutPrefix));

    Throwable asOperator =
        catchThrowable(
            () ->
                t.services
                    .createApiKey()
                    .create(
                        OPERATOR,
                        new CreateApiKeyCommand(
                            "k", api.id(), List.of(), pasted, Optional.empty())));
    Throwable asAdmin =
        catchThrowable(
            () ->
                t.services
                    .createApiKey()
                    .create(
                        TestKeygate.orgAdmin("org_a"),
                        new CreateApiKeyCommand(
                            "k", api.id(), List.of(), pasted, Optional.empty())));

    assertFreeOf(asOperator.getMessage(), secrets(token));
    assertFreeOf(asAdmin.getMessage(), secrets(token));
    for (AuditEvent event : t.auditLog.events()) {
      assertFreeOf(event.toString(), secrets(token));
    }
  }

  private static void assertFreeOf(String text, List<String> secrets) {
    for (String secret : secrets) {
      assertThat(text).doesNotContain(secret);
    }
  }

  @Test
  void givenWholeLifecycleWithRefusals_auditTrail_holdsNoTokenSecretOrHash() {
    t.verify(token);
    String rotated =
        t.services
            .rotateApiKey()
            .rotate(OPERATOR, issued.key().id(), Duration.ofHours(1))
            .token()
            .reveal();
    t.verify(rotated);
    t.verify(TestKeygate.withWrongSecret(token));
    t.verify(TestKeygate.withTypo(rotated));
    t.services.disableApiKey().disable(OPERATOR, issued.key().id());
    t.services.enableApiKey().enable(OPERATOR, issued.key().id());
    String other = t.issueKey(ORG_B, api).token().reveal();
    catchThrowable(
        () -> t.services.revokeApiKey().revoke(TestKeygate.orgAdmin("org_b"), issued.key().id()));
    catchThrowable(
        () ->
            t.services
                .revokeApiKey()
                .revoke(
                    TestKeygate.operatorWithout(ManagementScope.DELETE_API_KEYS),
                    issued.key().id()));
    t.services
        .verifyApiKey()
        .verify(TestKeygate.orgAdmin("org_a"), VerifyApiKeyCommand.of(other, token));
    catchThrowable(
        () ->
            t.services
                .createApiKey()
                .create(
                    TestKeygate.orgAdmin("org_a"),
                    new CreateApiKeyCommand("k", api.id(), List.of(), ORG_B, Optional.empty())));
    t.services.revokeApiKey().revoke(OPERATOR, issued.key().id());
    List<String> secrets = secrets(token, rotated, other);
    assertThat(secrets).hasSizeGreaterThanOrEqualTo(10);

    assertThat(t.auditLog.events()).hasSizeGreaterThan(8);
    for (AuditEvent event : t.auditLog.events()) {
      assertFreeOf(event.toString(), secrets);
      assertFreeOf(event.actor(), secrets);
      assertFreeOf(event.target(), secrets);
      assertFreeOf(event.detail(), secrets);
    }
  }

  static Stream<Named<Consumer<SecretHygieneTest>>> callsWithATokenPastedIntoTheWrongField() {
    return Stream.of(
        Named.of(
            "token as a scope of a new key",
            f -> f.createKey("k", List.of("read:users", f.token), ORG_A)),
        Named.of(
            "token with a typo as a scope of a new key",
            f -> f.createKey("k", List.of(TestKeygate.withTypo(f.token)), ORG_A)),
        Named.of(
            "token with a control character as a key name",
            f -> f.createKey(f.token + "\u0007x", List.of(), ORG_A)),
        Named.of(
            "token twice as a key name", f -> f.createKey(f.token + f.token, List.of(), ORG_A)),
        Named.of(
            "token as the scope of a management key",
            f -> {
              Api management = f.t.registerManagementApi();
              f.t
                  .services
                  .createApiKey()
                  .create(
                      TestKeygate.operatorWithout(ManagementScope.DELETE_APIS),
                      new CreateApiKeyCommand(
                          "m", management.id(), List.of(f.token), ORG_A, Optional.empty()));
            }),
        Named.of(
            "token as an audience",
            f ->
                f.t
                    .services
                    .registerApi()
                    .register(OPERATOR, new RegisterApiCommand("n", f.token))),
        Named.of(
            "token as an api name",
            f ->
                f.t
                    .services
                    .registerApi()
                    .register(OPERATOR, new RegisterApiCommand(f.token, "a"))),
        Named.of(
            "token as a scope key",
            f ->
                f.t
                    .services
                    .addScope()
                    .add(OPERATOR, new AddScopeCommand(f.api.id(), f.token, "d"))),
        Named.of(
            "token with a control character as a scope description",
            f ->
                f.t
                    .services
                    .updateScope()
                    .update(
                        OPERATOR,
                        new UpdateScopeCommand(f.api.id(), f.scope.id(), f.token + "\u0007"))),
        Named.of(
            "token with a control character as an organization name",
            f ->
                f.t
                    .services
                    .createOrganization()
                    .create(
                        OPERATOR,
                        new CreateOrganizationCommand(f.token + "\u0007x", Optional.empty()))),
        Named.of(
            "token as a user's email",
            f ->
                f.t
                    .services
                    .createUser()
                    .create(
                        OPERATOR,
                        new CreateUserCommand(Optional.empty(), "u", Optional.of(f.token)))),
        Named.of(
            "token as a user's name, too long",
            f ->
                f.t
                    .services
                    .createUser()
                    .create(
                        OPERATOR,
                        new CreateUserCommand(
                            Optional.empty(), f.token + f.token, Optional.empty()))));
  }

  private void createKey(String name, List<String> scopes, Owner owner) {
    t.services
        .createApiKey()
        .create(OPERATOR, new CreateApiKeyCommand(name, api.id(), scopes, owner, Optional.empty()));
  }

  @ParameterizedTest
  @MethodSource("callsWithATokenPastedIntoTheWrongField")
  void givenTokenInTheWrongField_useCase_answersAnErrorThatDoesNotRepeatIt(
      Consumer<SecretHygieneTest> call) {
    Throwable thrown = catchThrowable(() -> call.accept(this));

    assertThat(thrown).isInstanceOf(KeygateException.class);
    assertFreeOf(thrown.getMessage(), secrets(token));
    assertFreeOf(thrown.toString(), secrets(token));
    for (AuditEvent event : t.auditLog.events()) {
      assertFreeOf(event.toString(), secrets(token));
    }
  }

  @Test
  void givenTokenAsAnEchoedScope_create_saysHowLongItWasInstead() {
    Throwable thrown = catchThrowable(() -> createKey("k", List.of(token), ORG_A));

    assertThat(thrown)
        .hasMessage(
            "scope (a value of "
                + token.length()
                + " characters, not repeated here) is not defined on api "
                + api.id());
  }

  @Test
  void givenIssuedKey_toString_showsNeitherTokenNorSecretNorHash() {
    List<String> secrets = secrets(token);

    assertFreeOf(issued.toString(), secrets);
    assertFreeOf(issued.token().toString(), secrets);
    assertFreeOf(issued.key().toString(), secrets);
    assertFreeOf(issued.key().currentSecret().toString(), secrets);
    assertThat(issued.token().toString()).isEqualTo("***");
    assertThat(issued.key().currentSecret().toString())
        .contains(issued.key().currentSecret().lookup().value());
  }

  @Test
  void givenRotatedKeyWithTwoSecrets_toString_showsNoHashOfEither() {
    IssuedApiKey rotated =
        t.services.rotateApiKey().rotate(OPERATOR, issued.key().id(), Duration.ofDays(1));
    List<String> secrets = secrets(token, rotated.token().reveal());

    assertThat(t.stored(issued.key().id()).secrets()).hasSize(2);
    assertFreeOf(rotated.toString(), secrets);
    assertFreeOf(t.stored(issued.key().id()).toString(), secrets);
  }

  @Test
  void givenVerifyCommandAndItsAnswer_toString_showsNoToken() {
    VerifyApiKeyCommand command =
        new VerifyApiKeyCommand(
            token, Set.of("read:users"), Optional.of(api.id()), Optional.of("203.0.113.7"));
    Verification verification = t.services.verifyApiKey().verify(OPERATOR, command);
    List<String> secrets = secrets(token);

    assertThat(verification.outcome()).isEqualTo(VerifyOutcome.API_KEY_VERIFIED);
    assertFreeOf(command.toString(), secrets);
    assertFreeOf(verification.toString(), secrets);
    assertFreeOf(TokenFormat.parse(token).orElseThrow().toString(), secrets);
    assertThat(command.toString()).contains("token=***", "read:users", "203.0.113.7");
  }

  @Test
  void givenStoredKeys_noneHoldsTheSecretInAnyField() {
    String rotated =
        t.services
            .rotateApiKey()
            .rotate(OPERATOR, issued.key().id(), Duration.ofHours(1))
            .token()
            .reveal();

    for (ApiKey key : t.apiKeys.all()) {
      assertThat(key.name()).doesNotContain(TestKeygate.secretOf(token));
      for (KeySecret secret : key.secrets()) {
        assertThat(secret.hash())
            .doesNotContain(TestKeygate.secretOf(token))
            .doesNotContain(TestKeygate.secretOf(rotated));
        assertThat(secret.suffix()).hasSize(4);
      }
    }
  }
}
