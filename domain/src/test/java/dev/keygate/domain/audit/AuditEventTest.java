package dev.keygate.domain.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keygate.domain.ValidationException;
import dev.keygate.domain.owner.OrgCode;
import dev.keygate.domain.owner.Owner;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AuditEventTest {

  private static final Instant NOW = Instant.ofEpochMilli(0x0195485a3c99L);
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final Optional<Owner> ACME = Optional.of(new Owner.Org(new OrgCode("org_acme")));
  private static final String TARGET = "api_key_0195485a3c000123456789abcdef0123";
  private static final String ID = "audit_0195485a3c000123456789abcdef0123";

  @Test
  void givenClock_now_makesATimeOrderedEventAtTheClockInstant() {
    AuditEvent event =
        AuditEvent.now(
            CLOCK,
            "cli:alice",
            AuditAction.API_KEY_REVOKE,
            TARGET,
            ACME,
            AuditOutcome.SUCCEEDED,
            "note");

    assertThat(event.id()).matches("audit_[0-9a-f]{32}").startsWith("audit_0195485a3c99");
    assertThat(event.occurredOn()).isEqualTo(NOW);
    assertThat(event.actor()).isEqualTo("cli:alice");
    assertThat(event.action()).isEqualTo(AuditAction.API_KEY_REVOKE);
    assertThat(event.target()).isEqualTo(TARGET);
    assertThat(event.targetOwner()).isEqualTo(ACME);
    assertThat(event.outcome()).isEqualTo(AuditOutcome.SUCCEEDED);
    assertThat(event.detail()).isEqualTo("note");
  }

  @Test
  void givenTwoEventsAtOneInstant_now_givesThemDifferentIds() {
    AuditEvent first =
        AuditEvent.now(
            CLOCK, "a", AuditAction.API_READ, "t", Optional.empty(), AuditOutcome.REFUSED, "");
    AuditEvent second =
        AuditEvent.now(
            CLOCK, "a", AuditAction.API_READ, "t", Optional.empty(), AuditOutcome.REFUSED, "");

    assertThat(first.id()).isNotEqualTo(second.id());
  }

  @Test
  void givenNoDetail_newEvent_hasAnEmptyDetail() {
    AuditEvent event =
        new AuditEvent(
            ID,
            NOW,
            "operator",
            AuditAction.API_READ,
            "api_x",
            Optional.empty(),
            AuditOutcome.REFUSED,
            null);

    assertThat(event.detail()).isEmpty();
  }

  @Test
  void givenMissingId_newEvent_isRefused() {
    assertThatThrownBy(
            () ->
                new AuditEvent(
                    null,
                    NOW,
                    "a",
                    AuditAction.API_READ,
                    "t",
                    Optional.empty(),
                    AuditOutcome.SUCCEEDED,
                    ""))
        .isInstanceOf(ValidationException.class)
        .hasMessage("audit event id is required");
  }

  @Test
  void givenMissingTime_newEvent_isRefused() {
    assertThatThrownBy(
            () ->
                new AuditEvent(
                    ID,
                    null,
                    "a",
                    AuditAction.API_READ,
                    "t",
                    Optional.empty(),
                    AuditOutcome.SUCCEEDED,
                    ""))
        .isInstanceOf(ValidationException.class)
        .hasMessage("audit event time is required");
  }

  @Test
  void givenMissingActor_newEvent_isRefused() {
    assertThatThrownBy(
            () ->
                new AuditEvent(
                    ID,
                    NOW,
                    null,
                    AuditAction.API_READ,
                    "t",
                    Optional.empty(),
                    AuditOutcome.SUCCEEDED,
                    ""))
        .isInstanceOf(ValidationException.class)
        .hasMessage("audit actor is required");
  }

  @Test
  void givenMissingAction_newEvent_isRefused() {
    assertThatThrownBy(
            () ->
                new AuditEvent(
                    ID, NOW, "a", null, "t", Optional.empty(), AuditOutcome.SUCCEEDED, ""))
        .isInstanceOf(ValidationException.class)
        .hasMessage("audit action is required");
  }

  @Test
  void givenMissingTarget_newEvent_isRefused() {
    assertThatThrownBy(
            () ->
                new AuditEvent(
                    ID,
                    NOW,
                    "a",
                    AuditAction.API_READ,
                    null,
                    Optional.empty(),
                    AuditOutcome.SUCCEEDED,
                    ""))
        .isInstanceOf(ValidationException.class)
        .hasMessage("audit target is required");
  }

  @Test
  void givenMissingTargetOwnerOptional_newEvent_isRefused() {
    assertThatThrownBy(
            () ->
                new AuditEvent(
                    ID, NOW, "a", AuditAction.API_READ, "t", null, AuditOutcome.SUCCEEDED, ""))
        .isInstanceOf(ValidationException.class)
        .hasMessage("audit target owner is required");
  }

  @Test
  void givenMissingOutcome_newEvent_isRefused() {
    assertThatThrownBy(
            () ->
                new AuditEvent(ID, NOW, "a", AuditAction.API_READ, "t", Optional.empty(), null, ""))
        .isInstanceOf(ValidationException.class)
        .hasMessage("audit outcome is required");
  }
}
