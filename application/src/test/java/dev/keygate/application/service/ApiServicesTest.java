package dev.keygate.application.service;

import static dev.keygate.application.fake.TestKeygate.OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keygate.application.fake.TestKeygate;
import dev.keygate.application.port.in.ApiDetails;
import dev.keygate.application.port.in.RegisterApiCommand;
import dev.keygate.domain.ConflictException;
import dev.keygate.domain.NotFoundException;
import dev.keygate.domain.ValidationException;
import dev.keygate.domain.api.Api;
import dev.keygate.domain.api.ApiId;
import dev.keygate.domain.api.Scope;
import dev.keygate.domain.audit.AuditAction;
import dev.keygate.domain.audit.AuditEvent;
import dev.keygate.domain.audit.AuditOutcome;
import dev.keygate.domain.owner.OrgCode;
import dev.keygate.domain.owner.Owner;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Registering, reading and deleting APIs. */
class ApiServicesTest {

  private static final Owner ORG_A = new Owner.Org(new OrgCode("org_a"));

  private final TestKeygate t = new TestKeygate();

  @BeforeEach
  void setUp() {
    t.createOrganization("org_a");
  }

  private Api register(String name, String audience) {
    return t.services.registerApi().register(OPERATOR, new RegisterApiCommand(name, audience));
  }

  private AuditEvent lastEvent() {
    return t.auditLog.events().get(t.auditLog.events().size() - 1);
  }

  @Test
  void givenNameAndAudience_register_storesTheApiAndAuditsIt() {
    Api api = register(" Users API ", "https://users.example.com");

    assertThat(api.name()).isEqualTo("Users API");
    assertThat(api.audience()).isEqualTo("https://users.example.com");
    assertThat(api.id().value()).matches("api_[0-9a-f]{32}");
    assertThat(api.createdOn()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
    assertThat(api.isManagement()).isFalse();
    assertThat(t.services.listApis().list(OPERATOR)).containsExactly(api);
    assertThat(t.services.getApi().get(OPERATOR, api.id()))
        .isEqualTo(new ApiDetails(api, List.of()));
    AuditEvent event = lastEvent();
    assertThat(event.action()).isEqualTo(AuditAction.API_REGISTER);
    assertThat(event.outcome()).isEqualTo(AuditOutcome.SUCCEEDED);
    assertThat(event.target()).isEqualTo(api.id().value());
    assertThat(event.actor()).isEqualTo(OPERATOR.actor());
  }

  @Test
  void givenTakenAudience_register_answersConflictAndKeepsTheFirst() {
    Api first = register("Users API", "https://users.example.com");

    assertThatThrownBy(() -> register("Other name", "https://users.example.com"))
        .isInstanceOf(ConflictException.class)
        .hasMessage("an api with audience 'https://users.example.com' already exists");
    assertThat(t.services.listApis().list(OPERATOR)).containsExactly(first);
  }

  @Test
  void givenTheManagementAudience_register_isRefusedAsReserved() {
    assertThatThrownBy(() -> register("Mine", "keygate-management"))
        .isInstanceOf(ValidationException.class)
        .hasMessage("audience keygate-management is reserved for Keygate's management api");
    assertThat(t.apis.list()).isEmpty();
  }

  @Test
  void givenAudienceDifferingInCase_register_acceptsItAsAnotherAudience() {
    register("Users API", "users");

    Api other = register("Users API too", "USERS");

    assertThat(t.services.listApis().list(OPERATOR)).hasSize(2).contains(other);
  }

  static Stream<Arguments> badApis() {
    return Stream.of(
        Arguments.of("", "aud", "api name must be 1-64 characters, was 0"),
        Arguments.of("n".repeat(65), "aud", "api name must be 1-64 characters, was 65"),
        Arguments.of("Users", "", "api audience must be 1-64 characters, was 0"),
        Arguments.of("Users", "a".repeat(65), "api audience must be 1-64 characters, was 65"),
        Arguments.of(
            "Users", "has space", "api audience must not contain whitespace or control characters"),
        Arguments.of("Users", null, "api audience is required"),
        Arguments.of(null, "aud", "api name is required"));
  }

  @ParameterizedTest
  @MethodSource("badApis")
  void givenBadNameOrAudience_register_answersValidation(
      String name, String audience, String message) {
    assertThatThrownBy(() -> register(name, audience))
        .isInstanceOf(ValidationException.class)
        .hasMessage(message);
    assertThat(t.services.listApis().list(OPERATOR)).isEmpty();
  }

  @Test
  void givenSeveralApis_list_answersThemAll() {
    Api users = register("Users", "users");
    Api billing = register("Billing", "billing");

    assertThat(t.services.listApis().list(OPERATOR)).containsExactlyInAnyOrder(users, billing);
  }

  @Test
  void givenApiWithScopes_get_answersItWithItsScopesOnly() {
    Api users = register("Users", "users");
    Api billing = register("Billing", "billing");
    Scope read = t.addScope(users, "read:users");
    t.addScope(billing, "read:invoices");

    ApiDetails details = t.services.getApi().get(OPERATOR, users.id());

    assertThat(details.api()).isEqualTo(users);
    assertThat(details.scopes()).containsExactly(read);
  }

  @Test
  void givenUnknownApi_get_answersNotFound() {
    ApiId unknown = ApiId.generate(Clock.systemUTC());

    assertThatThrownBy(() -> t.services.getApi().get(OPERATOR, unknown))
        .isInstanceOf(NotFoundException.class)
        .hasMessage("api " + unknown + " not found");
  }

  @Test
  void givenUnknownApi_delete_answersNotFound() {
    ApiId unknown = ApiId.generate(Clock.systemUTC());

    assertThatThrownBy(() -> t.services.deleteApi().delete(OPERATOR, unknown))
        .isInstanceOf(NotFoundException.class)
        .hasMessage("api " + unknown + " not found");
  }

  @Test
  void givenApiWithoutKeys_delete_removesItWithItsScopesAndAuditsIt() {
    Api users = register("Users", "users");
    Api billing = register("Billing", "billing");
    Scope read = t.addScope(users, "read:users");

    t.services.deleteApi().delete(OPERATOR, users.id());

    assertThat(t.services.listApis().list(OPERATOR)).containsExactly(billing);
    assertThatThrownBy(() -> t.services.getApi().get(OPERATOR, users.id()))
        .isInstanceOf(NotFoundException.class);
    assertThat(t.apis.scopes(users.id())).isEmpty();
    assertThat(t.apis.findScope(users.id(), read.id())).isEmpty();
    AuditEvent event = lastEvent();
    assertThat(event.action()).isEqualTo(AuditAction.API_DELETE);
    assertThat(event.outcome()).isEqualTo(AuditOutcome.SUCCEEDED);
    assertThat(event.target()).isEqualTo(users.id().value());
  }

  @Test
  void givenDeletedApi_register_mayReuseItsAudience() {
    Api users = register("Users", "users");
    t.services.deleteApi().delete(OPERATOR, users.id());

    Api again = register("Users again", "users");

    assertThat(t.services.listApis().list(OPERATOR)).containsExactly(again);
  }

  @Test
  void givenApiWithKeys_delete_answersConflictAndKeepsIt() {
    Api users = register("Users", "users");
    t.issueKey(ORG_A, users);

    assertThatThrownBy(() -> t.services.deleteApi().delete(OPERATOR, users.id()))
        .isInstanceOf(ConflictException.class)
        .hasMessage("api " + users.id() + " has 1 api keys and cannot be deleted while they exist");
    assertThat(t.services.listApis().list(OPERATOR)).containsExactly(users);
  }

  @Test
  void givenApiWithOnlyRevokedKeys_delete_stillAnswersConflict() {
    Api users = register("Users", "users");
    t.services.revokeApiKey().revoke(OPERATOR, t.issueKey(ORG_A, users).key().id());
    t.services.revokeApiKey().revoke(OPERATOR, t.issueKey(ORG_A, users).key().id());

    assertThatThrownBy(() -> t.services.deleteApi().delete(OPERATOR, users.id()))
        .isInstanceOf(ConflictException.class)
        .hasMessage("api " + users.id() + " has 2 api keys and cannot be deleted while they exist");
  }

  @Test
  void givenManagementApi_delete_answersConflictEvenWithoutKeys() {
    Api management = t.registerManagementApi();
    assertThat(management.isManagement()).isTrue();

    assertThatThrownBy(() -> t.services.deleteApi().delete(OPERATOR, management.id()))
        .isInstanceOf(ConflictException.class)
        .hasMessage("the management api cannot be deleted");
    assertThat(t.services.listApis().list(OPERATOR)).containsExactly(management);
    assertThat(t.apis.scopes(management.id())).isNotEmpty();
  }
}
