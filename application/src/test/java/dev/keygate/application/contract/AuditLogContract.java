package dev.keygate.application.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keygate.application.fake.TestQueries;
import dev.keygate.application.port.query.AuditQuery;
import dev.keygate.application.port.query.Page;
import dev.keygate.application.port.query.PageRequest;
import dev.keygate.domain.audit.AuditAction;
import dev.keygate.domain.audit.AuditEvent;
import dev.keygate.domain.audit.AuditOutcome;
import dev.keygate.domain.owner.OrgCode;
import dev.keygate.domain.owner.Owner;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
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

  @Test
  void list_filtersByActionActorAndTime_andCombinesThemWithTheOwner() {
    AuditEvent created =
        event(0, "api_key_1", Optional.of(ORG_A), AuditAction.API_KEY_CREATE, "cli:alice");
    AuditEvent revoked =
        event(10, "api_key_1", Optional.of(ORG_A), AuditAction.API_KEY_REVOKE, "cli:bob");
    AuditEvent otherOrg =
        event(20, "api_key_2", Optional.of(ORG_B), AuditAction.API_KEY_REVOKE, "cli:alice");
    AuditEvent late =
        event(30, "api_key_1", Optional.of(ORG_A), AuditAction.API_KEY_ROTATE, "cli:alice");
    List.of(created, revoked, otherOrg, late).forEach(stores.auditLog()::record);

    assertThat(list(query().action(AuditAction.API_KEY_REVOKE))).containsExactly(revoked, otherOrg);
    assertThat(list(query().actor("cli:alice"))).containsExactly(created, otherOrg, late);
    assertThat(list(query().actor("cli:ali"))).isEmpty();
    assertThat(list(query().since(NOW.plusSeconds(10)).until(NOW.plusSeconds(30))))
        .containsExactly(revoked, otherOrg);
    assertThat(list(query().action(AuditAction.API_KEY_REVOKE).owner(ORG_A)))
        .containsExactly(revoked);
    assertThat(list(query().actor("cli:alice").owner(ORG_A).since(NOW.plusSeconds(1))))
        .containsExactly(late);
  }

  @Test
  void list_newestFirst_pagesBackwardsFromTheCursor() {
    List<AuditEvent> recorded = new ArrayList<>();
    for (int second = 0; second < 5; second++) {
      AuditEvent event = event(second, "t", Optional.empty(), AuditOutcome.SUCCEEDED);
      stores.auditLog().record(event);
      recorded.add(event);
    }
    List<AuditEvent> newestFirst = new ArrayList<>(recorded);
    Collections.reverse(newestFirst);

    Page<AuditEvent> first = stores.auditLog().list(query().newest().size(2).build());
    Page<AuditEvent> second =
        stores.auditLog().list(query().newest().size(2).after(first.items().get(1).id()).build());
    Page<AuditEvent> last =
        stores.auditLog().list(query().newest().size(2).after(second.items().get(1).id()).build());

    assertThat(first.items()).containsExactlyElementsOf(newestFirst.subList(0, 2));
    assertThat(first.hasMore()).isTrue();
    assertThat(second.items()).containsExactlyElementsOf(newestFirst.subList(2, 4));
    assertThat(second.hasMore()).isTrue();
    assertThat(last.items()).containsExactly(newestFirst.get(4));
    assertThat(last.hasMore()).isFalse();
  }

  private List<AuditEvent> list(QueryBuilder query) {
    return stores.auditLog().list(query.build()).items();
  }

  private static QueryBuilder query() {
    return new QueryBuilder();
  }

  /** An audit query built a filter at a time. */
  private static final class QueryBuilder {
    private Optional<Owner> owner = Optional.empty();
    private Optional<AuditAction> action = Optional.empty();
    private Optional<String> actor = Optional.empty();
    private Optional<Instant> since = Optional.empty();
    private Optional<Instant> until = Optional.empty();
    private AuditQuery.Order order = AuditQuery.Order.OLDEST_FIRST;
    private int size = 50;
    private Optional<String> after = Optional.empty();

    QueryBuilder owner(Owner value) {
      owner = Optional.of(value);
      return this;
    }

    QueryBuilder action(AuditAction value) {
      action = Optional.of(value);
      return this;
    }

    QueryBuilder actor(String value) {
      actor = Optional.of(value);
      return this;
    }

    QueryBuilder since(Instant value) {
      since = Optional.of(value);
      return this;
    }

    QueryBuilder until(Instant value) {
      until = Optional.of(value);
      return this;
    }

    QueryBuilder newest() {
      order = AuditQuery.Order.NEWEST_FIRST;
      return this;
    }

    QueryBuilder size(int value) {
      size = value;
      return this;
    }

    QueryBuilder after(String id) {
      after = Optional.of(id);
      return this;
    }

    AuditQuery build() {
      return new AuditQuery(
          Optional.empty(),
          owner,
          action,
          actor,
          since,
          until,
          order,
          new PageRequest(size, after));
    }
  }

  private static AuditEvent event(
      int second, String target, Optional<Owner> owner, AuditAction action, String actor) {
    Clock at = Clock.fixed(NOW.plusSeconds(second), ZoneOffset.UTC);
    return AuditEvent.now(at, actor, action, target, owner, AuditOutcome.SUCCEEDED, "");
  }

  /** An event {@code second}s after NOW; later events get later, so larger, ids. */
  private static AuditEvent event(
      int second, String target, Optional<Owner> owner, AuditOutcome outcome) {
    Clock at = Clock.fixed(NOW.plusSeconds(second), ZoneOffset.UTC);
    return AuditEvent.now(
        at, "test:actor", AuditAction.API_KEY_ROTATE, target, owner, outcome, "detail " + second);
  }
}
