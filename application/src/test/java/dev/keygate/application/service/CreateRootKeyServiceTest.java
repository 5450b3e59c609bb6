package dev.keygate.application.service;

import static dev.keygate.application.fake.TestKeygate.OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keygate.application.fake.TestKeygate;
import dev.keygate.application.port.in.CreateRootKeyUseCase;
import dev.keygate.application.port.in.IssuedApiKey;
import dev.keygate.application.port.in.ManagementScope;
import dev.keygate.application.port.in.Principal;
import dev.keygate.domain.ForbiddenException;
import dev.keygate.domain.NotFoundException;
import dev.keygate.domain.ValidationException;
import dev.keygate.domain.audit.AuditAction;
import dev.keygate.domain.audit.AuditEvent;
import dev.keygate.domain.key.ApiKey;
import dev.keygate.domain.key.ApiKeyStatus;
import dev.keygate.domain.owner.Organization;
import dev.keygate.domain.owner.Owner;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Another root key on an initialised deployment, for the operator's own tools only. */
class CreateRootKeyServiceTest {

  private final TestKeygate t = new TestKeygate();

  private CreateRootKeyUseCase createRootKey() {
    return t.services.createRootKey();
  }

  private IssuedApiKey initialize() {
    return t.services.initializeDeployment().initialize("cli:alice").orElseThrow();
  }

  @Test
  void givenInitializedDeployment_create_issuesAnOperatorKeyWithEveryManagementScope() {
    IssuedApiKey first = initialize();

    IssuedApiKey root = createRootKey().create(Principal.operator("cli:bob"), "Bob's root key");

    ApiKey key = t.stored(root.key().id());
    assertThat(key.id()).isNotEqualTo(first.key().id());
    assertThat(key.name()).isEqualTo("Bob's root key");
    assertThat(key.owner()).isEqualTo(new Owner.Org(Organization.OPERATOR_CODE));
    assertThat(key.apiId()).isEqualTo(first.key().apiId());
    assertThat(key.scopeKeys())
        .containsExactlyInAnyOrderElementsOf(
            Arrays.stream(ManagementScope.values()).map(ManagementScope::key).toList());
    assertThat(key.status()).isEqualTo(ApiKeyStatus.ACTIVE);
    assertThat(key.expiresOn()).isEmpty();
    assertThat(key.createdBy()).isEqualTo("cli:bob");
    Principal asCaller =
        t.services
            .authenticate()
            .authenticate(root.token().reveal(), Optional.empty())
            .orElseThrow();
    assertThat(asCaller.isOperator()).isTrue();
    assertThat(asCaller.scopes()).containsExactlyInAnyOrder(ManagementScope.values());
  }

  @Test
  void givenInitializedDeployment_create_auditsTheNewKeyAsItsMaker() {
    initialize();
    int before = t.auditLog.events().size();

    IssuedApiKey root = createRootKey().create(Principal.operator("cli:bob"), "spare");

    List<AuditEvent> made = t.auditLog.events().subList(before, t.auditLog.events().size());
    assertThat(made)
        .singleElement()
        .extracting(AuditEvent::action)
        .isEqualTo(AuditAction.API_KEY_CREATE);
    assertThat(made.get(0).actor()).isEqualTo("cli:bob");
    assertThat(made.get(0).target()).isEqualTo(root.key().id().value());
    assertThat(made.get(0).toString()).doesNotContain(root.token().reveal());
  }

  @Test
  void givenEmptyDeployment_create_isRefusedNamingInit_andMakesNothing() {
    assertThatThrownBy(() -> createRootKey().create(OPERATOR, "spare"))
        .isInstanceOf(NotFoundException.class)
        .hasMessage(
            "keygate is not initialised: run 'keygate init', which prints the first root key");

    assertThat(t.apiKeys.all()).isEmpty();
    assertThat(t.auditLog.events()).isEmpty();
  }

  @Test
  void givenACallerWithAKey_evenTheRootKey_create_isRefused() {
    IssuedApiKey first = initialize();
    Principal rootKeyHolder =
        t.services
            .authenticate()
            .authenticate(first.token().reveal(), Optional.empty())
            .orElseThrow();
    int keys = t.apiKeys.all().size();

    assertThatThrownBy(() -> createRootKey().create(rootKeyHolder, "escalated"))
        .isInstanceOf(ForbiddenException.class)
        .hasMessageContaining("operator's own tools");
    assertThatThrownBy(
            () ->
                createRootKey()
                    .create(TestKeygate.operatorWithout(ManagementScope.CREATE_API_KEYS), "less"))
        .isInstanceOf(ForbiddenException.class);
    assertThatThrownBy(
            () ->
                createRootKey()
                    .create(TestKeygate.orgAdmin("org_a", ManagementScope.values()), "confined"))
        .isInstanceOf(ForbiddenException.class);
    // An operator's authority that ends (an M2M application's access token) mints no key that
    // does not.
    Principal expiring =
        new Principal(
            "app:ops",
            Principal.operator("cli:bob").authority(),
            EnumSet.allOf(ManagementScope.class),
            Optional.of(t.clock.instant().plus(Duration.ofHours(1))),
            Optional.empty());
    assertThatThrownBy(() -> createRootKey().create(expiring, "outliving"))
        .isInstanceOf(ForbiddenException.class);
    assertThat(t.apiKeys.all()).hasSize(keys);
  }

  @Test
  void givenABlankName_create_isRefusedNamingTheName() {
    initialize();

    assertThatThrownBy(() -> createRootKey().create(OPERATOR, " "))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("name");
  }
}
