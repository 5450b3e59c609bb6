package dev.keygate.application.service;

import static dev.keygate.application.fake.TestKeygate.OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keygate.application.fake.TestKeygate;
import dev.keygate.application.port.in.IssuedApiKey;
import dev.keygate.application.port.in.ManagementScope;
import dev.keygate.application.port.in.Principal;
import dev.keygate.application.port.in.UpdateApiKeyCommand;
import dev.keygate.application.port.in.VerifyOutcome;
import dev.keygate.domain.ConflictException;
import dev.keygate.domain.ForbiddenException;
import dev.keygate.domain.NotFoundException;
import dev.keygate.domain.ValidationException;
import dev.keygate.domain.api.Api;
import dev.keygate.domain.audit.AuditAction;
import dev.keygate.domain.audit.AuditEvent;
import dev.keygate.domain.audit.AuditOutcome;
import dev.keygate.domain.key.ApiKey;
import dev.keygate.domain.key.ApiKeyId;
import dev.keygate.domain.key.ApiKeyStatus;
import dev.keygate.domain.key.IllegalKeyTransitionException;
import dev.keygate.domain.owner.OrgCode;
import dev.keygate.domain.owner.Owner;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Renaming, disabling, enabling and setting the expiry of a key in one partial update. */
class UpdateApiKeyServiceTest {

  private static final Owner ORG_A = new Owner.Org(new OrgCode("org_a"));

  private final TestKeygate t = new TestKeygate();
  private IssuedApiKey issued;
  private ApiKeyId id;

  @BeforeEach
  void setUp() {
    t.createOrganization("org_a");
    Api api = t.registerApi("https://users.example.com");
    issued = t.issueKey(ORG_A, api);
    id = issued.key().id();
    t.clock.advance(Duration.ofMinutes(1));
  }

  private ApiKey update(
      Optional<String> name, Optional<ApiKeyStatus> status, Optional<Instant> expiresOn) {
    return update(OPERATOR, name, status, expiresOn);
  }

  private ApiKey update(
      Principal principal,
      Optional<String> name,
      Optional<ApiKeyStatus> status,
      Optional<Instant> expiresOn) {
    return t.services
        .updateApiKey()
        .update(principal, id, new UpdateApiKeyCommand(name, status, expiresOn));
  }

  private ApiKey status(ApiKeyStatus status) {
    return update(Optional.empty(), Optional.of(status), Optional.empty());
  }

  private AuditEvent lastEvent() {
    List<AuditEvent> events = t.auditLog.events();
    return events.get(events.size() - 1);
  }

  @Test
  void givenName_update_renamesTrimmedStoresAndAudits() {
    ApiKey renamed = update(Optional.of("  Billing sync "), Optional.empty(), Optional.empty());

    assertThat(renamed.name()).isEqualTo("Billing sync");
    assertThat(t.stored(id).name()).isEqualTo("Billing sync");
    assertThat(t.stored(id).version()).isEqualTo(1);
    assertThat(t.stored(id).status()).isEqualTo(ApiKeyStatus.ACTIVE);
    assertThat(lastEvent().action()).isEqualTo(AuditAction.API_KEY_UPDATE);
    assertThat(lastEvent().outcome()).isEqualTo(AuditOutcome.SUCCEEDED);
    assertThat(lastEvent().target()).isEqualTo(id.value());
  }

  @Test
  void givenBadName_update_answersValidationAndKeepsTheKey() {
    assertThatThrownBy(() -> update(Optional.of(" "), Optional.empty(), Optional.empty()))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("name");
    assertThat(t.stored(id).name()).isEqualTo(issued.key().name());
    assertThat(t.stored(id).version()).isZero();
  }

  @Test
  void givenStatusInactiveThenActive_update_disablesAndEnablesTheKey() {
    assertThat(status(ApiKeyStatus.INACTIVE).status()).isEqualTo(ApiKeyStatus.INACTIVE);
    assertThat(t.stored(id).status()).isEqualTo(ApiKeyStatus.INACTIVE);
    assertThat(t.verify(issued).outcome()).isEqualTo(VerifyOutcome.API_KEY_INACTIVE);

    assertThat(status(ApiKeyStatus.ACTIVE).status()).isEqualTo(ApiKeyStatus.ACTIVE);
    assertThat(t.stored(id).status()).isEqualTo(ApiKeyStatus.ACTIVE);
    assertThat(t.verify(issued).outcome()).isEqualTo(VerifyOutcome.API_KEY_VERIFIED);
  }

  @Test
  void givenTheStatusItAlreadyHas_update_changesNothingAndDoesNotThrow() {
    assertThat(status(ApiKeyStatus.ACTIVE).status()).isEqualTo(ApiKeyStatus.ACTIVE);
    status(ApiKeyStatus.INACTIVE);

    ApiKey again = status(ApiKeyStatus.INACTIVE);

    assertThat(again.status()).isEqualTo(ApiKeyStatus.INACTIVE);
    assertThat(again.name()).isEqualTo(issued.key().name());
    assertThat(again.revokedOn()).isEmpty();
  }

  @Test
  void givenStatusRevoked_update_answersValidationPointingToRevoke() {
    assertThatThrownBy(() -> status(ApiKeyStatus.REVOKED))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("active or inactive");
    assertThat(t.stored(id).status()).isEqualTo(ApiKeyStatus.ACTIVE);
    assertThat(t.stored(id).version()).isZero();
  }

  @Test
  void givenRevokedKey_update_answersConflictForEveryChange() {
    t.services.revokeApiKey().revoke(OPERATOR, id);

    assertThatThrownBy(() -> status(ApiKeyStatus.ACTIVE))
        .isInstanceOf(IllegalKeyTransitionException.class)
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("revoked");
    assertThatThrownBy(() -> update(Optional.of("new"), Optional.empty(), Optional.empty()))
        .isInstanceOf(IllegalKeyTransitionException.class);
    assertThatThrownBy(
            () ->
                update(
                    Optional.empty(),
                    Optional.empty(),
                    Optional.of(Instant.parse("2027-01-01T00:00:00Z"))))
        .isInstanceOf(IllegalKeyTransitionException.class);
    ApiKey stored = t.stored(id);
    assertThat(stored.status()).isEqualTo(ApiKeyStatus.REVOKED);
    assertThat(stored.name()).isEqualTo(issued.key().name());
    assertThat(stored.expiresOn()).isEmpty();
  }

  @Test
  void givenFutureExpiry_update_setsIt() {
    Instant expiry = Instant.parse("2026-06-01T00:00:00Z");

    ApiKey updated = update(Optional.empty(), Optional.empty(), Optional.of(expiry));

    assertThat(updated.expiresOn()).contains(expiry);
    assertThat(t.stored(id).expiresOn()).contains(expiry);
  }

  @Test
  void givenExpiryNowOrInThePast_update_answersValidationAndKeepsTheKey() {
    Instant now = t.clock.instant();

    assertThatThrownBy(
            () -> update(Optional.empty(), Optional.empty(), Optional.of(now.minusSeconds(1))))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("future");
    assertThatThrownBy(() -> update(Optional.empty(), Optional.empty(), Optional.of(now)))
        .isInstanceOf(ValidationException.class);
    assertThat(t.stored(id).expiresOn()).isEmpty();
    assertThat(t.verify(issued).isValid()).isTrue();
  }

  @Test
  void givenEveryField_update_appliesThemInOneStep() {
    Instant expiry = Instant.parse("2026-06-01T00:00:00Z");

    ApiKey updated =
        update(Optional.of("All at once"), Optional.of(ApiKeyStatus.INACTIVE), Optional.of(expiry));

    assertThat(updated.name()).isEqualTo("All at once");
    assertThat(updated.status()).isEqualTo(ApiKeyStatus.INACTIVE);
    assertThat(updated.expiresOn()).contains(expiry);
    assertThat(t.stored(id).version()).isEqualTo(1);
  }

  @Test
  void givenOneBadField_update_changesNoneOfTheOthers() {
    assertThatThrownBy(
            () ->
                update(
                    Optional.of("Renamed"),
                    Optional.of(ApiKeyStatus.INACTIVE),
                    Optional.of(Instant.parse("2020-01-01T00:00:00Z"))))
        .isInstanceOf(ValidationException.class);

    ApiKey stored = t.stored(id);
    assertThat(stored.name()).isEqualTo(issued.key().name());
    assertThat(stored.status()).isEqualTo(ApiKeyStatus.ACTIVE);
  }

  @Test
  void givenPrincipalWithoutUpdateScope_update_answersForbidden() {
    Principal reader = TestKeygate.operatorWithout(ManagementScope.UPDATE_API_KEYS);

    assertThatThrownBy(() -> update(reader, Optional.of("x"), Optional.empty(), Optional.empty()))
        .isInstanceOf(ForbiddenException.class)
        .hasMessageContaining("update:api_keys");
    assertThat(t.stored(id).name()).isEqualTo(issued.key().name());
  }

  @Test
  void givenKeyOfAnotherOwner_update_answersNotFoundAndAuditsTheAttempt() {
    Principal otherAdmin = TestKeygate.orgAdmin("org_b");

    assertThatThrownBy(
            () ->
                update(
                    otherAdmin,
                    Optional.empty(),
                    Optional.of(ApiKeyStatus.INACTIVE),
                    Optional.empty()))
        .isInstanceOf(NotFoundException.class)
        .hasMessage("api key " + id + " not found");
    assertThat(t.stored(id).status()).isEqualTo(ApiKeyStatus.ACTIVE);
    assertThat(lastEvent().outcome()).isEqualTo(AuditOutcome.REFUSED);
    assertThat(lastEvent().actor()).isEqualTo(otherAdmin.actor());
  }
}
