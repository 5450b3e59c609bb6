package dev.keygate.application.service;

import static dev.keygate.application.fake.TestKeygate.OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keygate.application.fake.TestKeygate;
import dev.keygate.application.port.in.AddScopeCommand;
import dev.keygate.application.port.in.CreateApiKeyCommand;
import dev.keygate.application.port.in.IssuedApiKey;
import dev.keygate.application.port.in.UpdateScopeCommand;
import dev.keygate.application.port.in.VerifyOutcome;
import dev.keygate.domain.ConflictException;
import dev.keygate.domain.NotFoundException;
import dev.keygate.domain.ValidationException;
import dev.keygate.domain.api.Api;
import dev.keygate.domain.api.ApiId;
import dev.keygate.domain.api.Scope;
import dev.keygate.domain.api.ScopeId;
import dev.keygate.domain.audit.AuditAction;
import dev.keygate.domain.audit.AuditEvent;
import dev.keygate.domain.audit.AuditOutcome;
import dev.keygate.domain.owner.OrgCode;
import dev.keygate.domain.owner.Owner;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Defining, reading, describing and deleting the scopes of an API. */
class ScopeServicesTest {

  private static final Owner ORG_A = new Owner.Org(new OrgCode("org_a"));

  private final TestKeygate t = new TestKeygate();
  private Api api;
  private Api billing;

  @BeforeEach
  void setUp() {
    t.createOrganization("org_a");
    api = t.registerApi("https://users.example.com");
    billing = t.registerApi("https://billing.example.com");
  }

  private Scope add(Api to, String key, String description) {
    return t.services.addScope().add(OPERATOR, new AddScopeCommand(to.id(), key, description));
  }

  private AuditEvent lastEvent() {
    return t.auditLog.events().get(t.auditLog.events().size() - 1);
  }

  @Test
  void givenKeyAndDescription_add_definesTheScopeOnThatApiAndAuditsIt() {
    Scope scope = add(api, "read:users", "  Read users  ");

    assertThat(scope.apiId()).isEqualTo(api.id());
    assertThat(scope.key()).isEqualTo("read:users");
    assertThat(scope.description()).isEqualTo("Read users");
    assertThat(scope.id().value()).matches("api_scope_[0-9a-f]{32}");
    assertThat(t.services.listScopes().list(OPERATOR, api.id())).containsExactly(scope);
    assertThat(t.services.listScopes().list(OPERATOR, billing.id())).isEmpty();
    assertThat(t.services.getScope().get(OPERATOR, api.id(), scope.id())).isEqualTo(scope);
    AuditEvent event = lastEvent();
    assertThat(event.action()).isEqualTo(AuditAction.SCOPE_ADD);
    assertThat(event.outcome()).isEqualTo(AuditOutcome.SUCCEEDED);
    assertThat(event.target()).isEqualTo(scope.id().value());
  }

  @Test
  void givenNoDescription_add_storesAnEmptyOne() {
    assertThat(add(api, "read:users", null).description()).isEmpty();
  }

  @Test
  void givenKeyTakenOnTheSameApi_add_answersConflict() {
    Scope first = add(api, "read:users", "first");

    assertThatThrownBy(() -> add(api, "read:users", "second"))
        .isInstanceOf(ConflictException.class)
        .hasMessage("api " + api.id() + " already has a scope 'read:users'");
    assertThat(t.services.listScopes().list(OPERATOR, api.id())).containsExactly(first);
  }

  @Test
  void givenKeyTakenOnAnotherApi_add_acceptsIt() {
    add(api, "read", "users");

    Scope other = add(billing, "read", "invoices");

    assertThat(t.services.listScopes().list(OPERATOR, billing.id())).containsExactly(other);
  }

  static Stream<Arguments> badScopes() {
    return Stream.of(
        Arguments.of("", "d", "scope key must be 1-64 characters, was 0"),
        Arguments.of("k".repeat(65), "d", "scope key must be 1-64 characters, was 65"),
        Arguments.of(
            "read users", "d", "scope key must not contain whitespace or control characters"),
        Arguments.of(null, "d", "scope key is required"),
        Arguments.of(
            "read:users",
            "d".repeat(257),
            "scope description must be at most 256 characters, was 257"),
        Arguments.of(
            "read:users",
            "bad\u0007bell",
            "scope description must not contain control characters"));
  }

  @ParameterizedTest
  @MethodSource("badScopes")
  void givenBadKeyOrDescription_add_answersValidation(
      String key, String description, String message) {
    assertThatThrownBy(() -> add(api, key, description))
        .isInstanceOf(ValidationException.class)
        .hasMessage(message);
    assertThat(t.services.listScopes().list(OPERATOR, api.id())).isEmpty();
  }

  @Test
  void givenUnknownApi_addListAndGet_answerNotFound() {
    ApiId unknown = ApiId.generate(Clock.systemUTC());
    ScopeId scopeId = add(api, "read:users", "").id();

    assertThatThrownBy(
            () ->
                t.services.addScope().add(OPERATOR, new AddScopeCommand(unknown, "read:users", "")))
        .isInstanceOf(NotFoundException.class)
        .hasMessage("api " + unknown + " not found");
    assertThatThrownBy(() -> t.services.listScopes().list(OPERATOR, unknown))
        .isInstanceOf(NotFoundException.class)
        .hasMessage("api " + unknown + " not found");
    assertThatThrownBy(() -> t.services.getScope().get(OPERATOR, unknown, scopeId))
        .isInstanceOf(NotFoundException.class)
        .hasMessage("scope " + scopeId + " not found on api " + unknown);
  }

  @Test
  void givenScopeOfAnotherApi_get_answersNotFound() {
    Scope scope = add(api, "read:users", "");

    assertThatThrownBy(() -> t.services.getScope().get(OPERATOR, billing.id(), scope.id()))
        .isInstanceOf(NotFoundException.class)
        .hasMessage("scope " + scope.id() + " not found on api " + billing.id());
  }

  @Test
  void givenNewDescription_update_storesItKeepsTheKeyAndAuditsIt() {
    Scope scope = add(api, "read:users", "old");

    Scope updated =
        t.services
            .updateScope()
            .update(OPERATOR, new UpdateScopeCommand(api.id(), scope.id(), "new words"));

    assertThat(updated.id()).isEqualTo(scope.id());
    assertThat(updated.key()).isEqualTo("read:users");
    assertThat(updated.description()).isEqualTo("new words");
    assertThat(t.services.getScope().get(OPERATOR, api.id(), scope.id())).isEqualTo(updated);
    AuditEvent event = lastEvent();
    assertThat(event.action()).isEqualTo(AuditAction.SCOPE_UPDATE);
    assertThat(event.outcome()).isEqualTo(AuditOutcome.SUCCEEDED);
    assertThat(event.target()).isEqualTo(scope.id().value());
  }

  @Test
  void givenTooLongDescription_update_answersValidationAndKeepsTheOld() {
    Scope scope = add(api, "read:users", "old");

    assertThatThrownBy(
            () ->
                t.services
                    .updateScope()
                    .update(
                        OPERATOR, new UpdateScopeCommand(api.id(), scope.id(), "d".repeat(257))))
        .isInstanceOf(ValidationException.class)
        .hasMessage("scope description must be at most 256 characters, was 257");
    assertThat(t.services.getScope().get(OPERATOR, api.id(), scope.id()).description())
        .isEqualTo("old");
  }

  @Test
  void givenScopeOfAnotherApi_updateAndDelete_answerNotFound() {
    Scope scope = add(api, "read:users", "old");

    assertThatThrownBy(
            () ->
                t.services
                    .updateScope()
                    .update(OPERATOR, new UpdateScopeCommand(billing.id(), scope.id(), "x")))
        .isInstanceOf(NotFoundException.class)
        .hasMessage("scope " + scope.id() + " not found on api " + billing.id());
    assertThatThrownBy(() -> t.services.deleteScope().delete(OPERATOR, billing.id(), scope.id()))
        .isInstanceOf(NotFoundException.class)
        .hasMessage("scope " + scope.id() + " not found on api " + billing.id());
    assertThat(t.services.getScope().get(OPERATOR, api.id(), scope.id())).isEqualTo(scope);
  }

  @Test
  void givenScope_delete_removesItAndAuditsIt() {
    Scope read = add(api, "read:users", "");
    Scope write = add(api, "write:users", "");

    t.services.deleteScope().delete(OPERATOR, api.id(), read.id());

    assertThat(t.services.listScopes().list(OPERATOR, api.id())).containsExactly(write);
    assertThatThrownBy(() -> t.services.getScope().get(OPERATOR, api.id(), read.id()))
        .isInstanceOf(NotFoundException.class);
    AuditEvent event = lastEvent();
    assertThat(event.action()).isEqualTo(AuditAction.SCOPE_DELETE);
    assertThat(event.outcome()).isEqualTo(AuditOutcome.SUCCEEDED);
    assertThat(event.target()).isEqualTo(read.id().value());
  }

  @Test
  void givenKeysHoldingTheScope_delete_withdrawsItSoVerifyAnswersInsufficientScope() {
    Scope read = add(api, "read:users", "");
    add(api, "write:users", "");
    IssuedApiKey issued = t.issueKey(ORG_A, api, "read:users", "write:users");
    // Verified once, so the token is cached: the withdrawal must show all the same.
    t.verify(issued, "read:users");
    assertThat(t.verify(issued, "read:users").outcome()).isEqualTo(VerifyOutcome.API_KEY_VERIFIED);

    t.services.deleteScope().delete(OPERATOR, api.id(), read.id());

    assertThat(t.stored(issued.key().id()).scopeKeys()).containsExactly("write:users");
    assertThat(t.verify(issued, "read:users").outcome())
        .isEqualTo(VerifyOutcome.API_KEY_INSUFFICIENT_SCOPE);
    assertThat(t.verify(issued, "write:users").outcome()).isEqualTo(VerifyOutcome.API_KEY_VERIFIED);
  }

  @Test
  void givenDeletedScope_createKey_refusesIt() {
    Scope read = add(api, "read:users", "");
    t.services.deleteScope().delete(OPERATOR, api.id(), read.id());

    assertThatThrownBy(
            () ->
                t.services
                    .createApiKey()
                    .create(
                        OPERATOR,
                        new CreateApiKeyCommand(
                            "k", api.id(), List.of("read:users"), ORG_A, Optional.empty())))
        .isInstanceOf(ValidationException.class)
        .hasMessage("scope 'read:users' is not defined on api " + api.id());
  }

  @Test
  void givenDeletedScope_add_mayDefineTheSameKeyAgainWithoutRegrantingIt() {
    Scope read = add(api, "read:users", "");
    IssuedApiKey issued = t.issueKey(ORG_A, api, "read:users");
    t.services.deleteScope().delete(OPERATOR, api.id(), read.id());

    Scope again = add(api, "read:users", "");

    assertThat(again.id()).isNotEqualTo(read.id());
    assertThat(t.verify(issued, "read:users").outcome())
        .isEqualTo(VerifyOutcome.API_KEY_INSUFFICIENT_SCOPE);
  }

  // --- the management API's scopes are fixed ---

  @Test
  void givenManagementApi_add_answersConflict() {
    Api management = t.registerManagementApi();
    int scopes = t.apis.scopes(management.id()).size();

    assertThatThrownBy(() -> add(management, "launch:rockets", ""))
        .isInstanceOf(ConflictException.class)
        .hasMessage("the scopes of the management api are fixed");
    assertThat(t.apis.scopes(management.id())).hasSize(scopes);
  }

  @Test
  void givenManagementApi_update_answersConflict() {
    Api management = t.registerManagementApi();
    Scope readKeys = t.apis.scopes(management.id()).get(0);

    assertThatThrownBy(
            () ->
                t.services
                    .updateScope()
                    .update(
                        OPERATOR, new UpdateScopeCommand(management.id(), readKeys.id(), "mine")))
        .isInstanceOf(ConflictException.class)
        .hasMessage("the scopes of the management api are fixed");
    assertThat(t.apis.findScope(management.id(), readKeys.id())).contains(readKeys);
  }

  @Test
  void givenManagementApi_delete_answersConflict() {
    Api management = t.registerManagementApi();
    Scope readKeys = t.apis.scopes(management.id()).get(0);

    assertThatThrownBy(
            () -> t.services.deleteScope().delete(OPERATOR, management.id(), readKeys.id()))
        .isInstanceOf(ConflictException.class)
        .hasMessage("the scopes of the management api are fixed");
    assertThat(t.apis.findScope(management.id(), readKeys.id())).contains(readKeys);
  }

  @Test
  void givenManagementApi_listAndGetScopes_answerThem() {
    Api management = t.registerManagementApi();

    List<Scope> scopes = t.services.listScopes().list(OPERATOR, management.id());

    assertThat(scopes).extracting(Scope::key).contains("read:api_keys", "create:portal_links");
    assertThat(t.services.getScope().get(OPERATOR, management.id(), scopes.get(0).id()))
        .isEqualTo(scopes.get(0));
  }
}
