package dev.keygate.application.service;

import static dev.keygate.application.fake.TestKeygate.OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.keygate.application.fake.TestKeygate;
import dev.keygate.application.fake.TestQueries;
import dev.keygate.application.port.in.UpdateScopeCommand;
import dev.keygate.application.port.query.Page;
import dev.keygate.application.port.query.PageRequest;
import dev.keygate.domain.api.Api;
import dev.keygate.domain.api.Scope;
import dev.keygate.domain.audit.AuditAction;
import dev.keygate.domain.audit.AuditEvent;
import dev.keygate.domain.audit.AuditOutcome;
import dev.keygate.domain.key.ApiKeyId;
import dev.keygate.domain.owner.OrgCode;
import dev.keygate.domain.owner.Owner;
import dev.keygate.domain.owner.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the audit trail records of successful calls, and how it is listed. */
class AuditTrailTest {

  private static final Owner ORG_A = new Owner.Org(new OrgCode("org_a"));
  private static final Instant START = Instant.parse("2026-01-01T00:00:00.002Z");

  private final TestKeygate t = new TestKeygate();
  private Api api;

  @BeforeEach
  void setUp() {
    // A millisecond apart: audit ids are ordered by time only down to the millisecond.
    t.createOrganization("org_a");
    t.clock.advance(Duration.ofMillis(1));
    api = t.registerApi("https://users.example.com");
    t.clock.advance(Duration.ofMillis(1));
    t.addScope(api, "read:users");
  }

  private void tick() {
    t.clock.advance(Duration.ofSeconds(1));
  }

  private List<AuditEvent> eventsOf(String target) {
    return t.services
        .listAuditEvents()
        .list(OPERATOR, TestQueries.eventsOf(target, PageRequest.first()))
        .items();
  }

  @Test
  void givenKeyLifecycle_listByTarget_answersEachStepOldestFirstWithActorAndOwner() {
    tick();
    ApiKeyId id = t.issueKey(ORG_A, api, "read:users").key().id();
    tick();
    t.services.rotateApiKey().rotate(OPERATOR, id, Duration.ofHours(1));
    tick();
    t.services.disableApiKey().disable(TestKeygate.orgAdmin("org_a"), id);
    tick();
    t.services.enableApiKey().enable(OPERATOR, id);
    tick();
    t.services.revokeApiKey().revoke(OPERATOR, id);

    List<AuditEvent> events = eventsOf(id.value());

    assertThat(events)
        .extracting(
            AuditEvent::action,
            AuditEvent::actor,
            AuditEvent::outcome,
            AuditEvent::targetOwner,
            AuditEvent::occurredOn)
        .containsExactly(
            tuple(
                AuditAction.API_KEY_CREATE,
                OPERATOR.actor(),
                AuditOutcome.SUCCEEDED,
                Optional.of(ORG_A),
                START.plusSeconds(1)),
            tuple(
                AuditAction.API_KEY_ROTATE,
                OPERATOR.actor(),
                AuditOutcome.SUCCEEDED,
                Optional.of(ORG_A),
                START.plusSeconds(2)),
            tuple(
                AuditAction.API_KEY_DISABLE,
                "test:admin-of-org_a",
                AuditOutcome.SUCCEEDED,
                Optional.of(ORG_A),
                START.plusSeconds(3)),
            tuple(
                AuditAction.API_KEY_ENABLE,
                OPERATOR.actor(),
                AuditOutcome.SUCCEEDED,
                Optional.of(ORG_A),
                START.plusSeconds(4)),
            tuple(
                AuditAction.API_KEY_REVOKE,
                OPERATOR.actor(),
                AuditOutcome.SUCCEEDED,
                Optional.of(ORG_A),
                START.plusSeconds(5)));
    assertThat(events).allMatch(e -> e.target().equals(id.value()));
    assertThat(events).allMatch(e -> e.detail().isEmpty());
  }

  @Test
  void givenTwoKeys_listByTarget_answersOnlyTheEventsOfTheOneAsked() {
    ApiKeyId one = t.issueKey(ORG_A, api).key().id();
    ApiKeyId two = t.issueKey(ORG_A, api).key().id();
    t.services.disableApiKey().disable(OPERATOR, two);

    assertThat(eventsOf(one.value()))
        .extracting(AuditEvent::action)
        .containsExactly(AuditAction.API_KEY_CREATE);
    assertThat(eventsOf(two.value()))
        .extracting(AuditEvent::action)
        .containsExactly(AuditAction.API_KEY_CREATE, AuditAction.API_KEY_DISABLE);
  }

  @Test
  void givenApiScopeAndOwnerChanges_auditTrail_recordsEachWithItsTarget() {
    Api billing = t.registerApi("https://billing.example.com");
    Scope scope = t.addScope(billing, "read:invoices");
    t.services
        .updateScope()
        .update(OPERATOR, new UpdateScopeCommand(billing.id(), scope.id(), "Invoices"));
    t.services.deleteScope().delete(OPERATOR, billing.id(), scope.id());
    t.services.deleteApi().delete(OPERATOR, billing.id());
    t.createUser("kp_alice");
    t.createOrganization("org_b");

    assertThat(t.auditLog.events())
        .extracting(AuditEvent::action, AuditEvent::target, AuditEvent::outcome)
        .containsSubsequence(
            tuple(AuditAction.API_REGISTER, billing.id().value(), AuditOutcome.SUCCEEDED),
            tuple(AuditAction.SCOPE_ADD, scope.id().value(), AuditOutcome.SUCCEEDED),
            tuple(AuditAction.SCOPE_UPDATE, scope.id().value(), AuditOutcome.SUCCEEDED),
            tuple(AuditAction.SCOPE_DELETE, scope.id().value(), AuditOutcome.SUCCEEDED),
            tuple(AuditAction.API_DELETE, billing.id().value(), AuditOutcome.SUCCEEDED),
            tuple(AuditAction.USER_CREATE, "kp_alice", AuditOutcome.SUCCEEDED),
            tuple(AuditAction.ORGANIZATION_CREATE, "org_b", AuditOutcome.SUCCEEDED));
    assertThat(t.auditLog.events()).allMatch(e -> e.actor().equals(OPERATOR.actor()));
  }

  @Test
  void givenOwners_auditTrail_namesTheOwnerOfOwnerEvents() {
    t.createUser("kp_alice");

    assertThat(eventsOf("kp_alice"))
        .extracting(AuditEvent::targetOwner)
        .containsExactly(Optional.of(new Owner.User(new UserId("kp_alice"))));
    assertThat(eventsOf("org_a"))
        .extracting(AuditEvent::targetOwner)
        .containsExactly(Optional.of(ORG_A));
  }

  @Test
  void givenEvents_eachHasItsOwnAuditId() {
    t.issueKey(ORG_A, api);
    t.issueKey(ORG_A, api);

    List<String> ids = t.auditLog.events().stream().map(AuditEvent::id).toList();
    assertThat(ids).doesNotHaveDuplicates().allMatch(id -> id.matches("audit_[0-9a-f]{32}"));
  }

  @Test
  void givenManyEvents_listAll_pagesOldestFirstAfterTheLastIdSeen() {
    for (int i = 0; i < 4; i++) {
      tick();
      t.issueKey(ORG_A, api);
    }
    List<AuditEvent> all = t.auditLog.events();
    List<AuditEvent> walked = new ArrayList<>();
    Optional<String> after = Optional.empty();
    boolean more = true;
    while (more) {
      Page<AuditEvent> page =
          t.services
              .listAuditEvents()
              .list(OPERATOR, TestQueries.allEvents(new PageRequest(3, after)));
      walked.addAll(page.items());
      after = Optional.of(walked.get(walked.size() - 1).id());
      more = page.hasMore();
    }

    assertThat(walked).containsExactlyElementsOf(all);
    assertThat(walked).extracting(AuditEvent::occurredOn).isSortedAccordingTo(Instant::compareTo);
  }

  @Test
  void givenNoEventsForTarget_listByTarget_answersAnEmptyLastPage() {
    Page<AuditEvent> page =
        t.services
            .listAuditEvents()
            .list(OPERATOR, TestQueries.eventsOf("api_key_nothing", PageRequest.first()));

    assertThat(page.items()).isEmpty();
    assertThat(page.hasMore()).isFalse();
  }
}
