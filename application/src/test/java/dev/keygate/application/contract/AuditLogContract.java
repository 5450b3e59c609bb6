package dev.keygate.application.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keygate.application.fake.TestQueries;
import dev.keygate.application.port.query.Page;
import dev.keygate.application.port.query.PageRequest;
import dev.keygate.domain.audit.AuditAction;
import dev.keygate.domain.audit.AuditEvent;
import dev.keygate.domain.audit.AuditOutcome;
import dev.keygate.domain.owner.OrgCode;
import dev.keygate.domain.owner.Owner;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What every {@code AuditLog} must do. */
public abstract class AuditLogContract extends StoreContract {

  private static final Owner ORG_A = new Owner.Org(new OrgCode("org_a"));
  private static final Owner ORG_B = new Owner.Org(new OrgCode("org_b"));

  @Test
  void recordedEvents_areListedOldestFirstExactlyAsRecorded() {
    List<AuditEvent> recorded = new ArrayList<>();
    for (int second = 0; second < 3; second++) {
      AuditEvent event = event(second, "api_key_1", Optional.of(ORG_A), AuditOutcome.SUCCEEDED);
      stores.auditLog().record(event);
      recorded.add(event);
    }
    AuditEvent refused = event(3, "apis", Optional.empty(), AuditOutcome.REFUSED);
    stores.auditLog().record(refused);
    recorded.add(refused);

    assertThat(stores.auditLog().list(TestQueries.allEvents(PageRequest.first(10))).items())
        .containsExactlyElementsOf(recorded);
  }

  @Test
  void list_filtersByTargetAndByOwner() {
    AuditEvent ofKey1 = event(0, "api_key_1", Optional.of(ORG_A), AuditOutcome.SUCCEEDED);
    AuditEvent ofKey2 = event(1, "api_key_2", Optional.of(ORG_B), AuditOutcome.SUCCEEDED);
    AuditEvent again1 = event(2, "api_key_1", Optional.of(ORG_A), AuditOutcome.REFUSED);
    List.of(ofKey1, ofKey2, again1).forEach(stores.auditLog()::record);

    assertThat(
            stores.auditLog().list(TestQueries.eventsOf("api_key_1", PageRequest.first())).items())
        .containsExactly(ofKey1, again1);
    assertThat(
            stores
                .auditLog()
                .list(TestQueries.allEvents(PageRequest.first()).ownedBy(ORG_B))
                .items())
        .containsExactly(ofKey2);
  }

  @Test
  void anEventOfTheEnvironment_isStoredAsTheEnvironmentsAndListedOnlyInItsTrail() {
    Owner environment = new Owner.Environment();
    AuditEvent ofEnvironment =
        event(0, "api_key_env", Optional.of(environment), AuditOutcome.SUCCEEDED);
    AuditEvent ofLookalike =
        event(
            1,
            "api_key_org",
            Optional.of(new Owner.Org(new OrgCode("environment"))),
            AuditOutcome.SUCCEEDED);
    List.of(ofEnvironment, ofLookalike).forEach(stores.auditLog()::record);

    assertThat(
            stores
                .auditLog()
                .list(TestQueries.allEvents(PageRequest.first()).ownedBy(environment))
                .items())
        .containsExactly(ofEnvironment);
    assertThat(stores.auditLog().list(TestQueries.allEvents(PageRequest.first())).items())
        .containsExactly(ofEnvironment, ofLookalike);
  }

  @Test
  void list_pagesAfterTheCursor() {
    List<AuditEvent> recorded = new ArrayList<>();
    for (int second = 0; second < 5; second++) {
      AuditEvent event = event(second, "t", Optional.empty(), AuditOutcome.SUCCEEDED);
      stores.auditLog().record(event);
      recorded.add(event);
    }

    Page<AuditEvent> first = stores.auditLog().list(TestQueries.allEvents(PageRequest.first(3)));
    Page<AuditEvent> rest =
        stores
            .auditLog()
            .list(
                TestQueries.allEvents(new PageRequest(3, Optional.of(first.items().get(2).id()))));

    assertThat(first.items()).containsExactlyElementsOf(recorded.subList(0, 3));
    assertThat(first.hasMore()).isTrue();
    assertThat(rest.items()).containsExactlyElementsOf(recorded.subList(3, 5));
    assertThat(rest.hasMore()).isFalse();
  }

  /** An event {@code second}s after NOW; later events get later, so larger, ids. */
  private static AuditEvent event(
      int second, String target, Optional<Owner> owner, AuditOutcome outcome) {
    Clock at = Clock.fixed(NOW.plusSeconds(second), ZoneOffset.UTC);
    return AuditEvent.now(
        at, "test:actor", AuditAction.API_KEY_ROTATE, target, owner, outcome, "detail " + second);
  }
}
