package dev.keygate.application.service;

import static dev.keygate.application.fake.TestKeygate.OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keygate.application.fake.TestKeygate;
import dev.keygate.application.port.in.CreatePortalLinkCommand;
import dev.keygate.application.port.in.PortalLink;
import dev.keygate.application.port.in.Principal;
import dev.keygate.application.port.query.ApiKeyFilter;
import dev.keygate.application.port.query.AuditQuery;
import dev.keygate.application.port.query.PageRequest;
import dev.keygate.domain.ConflictException;
import dev.keygate.domain.NotFoundException;
import dev.keygate.domain.api.Api;
import dev.keygate.domain.audit.AuditAction;
import dev.keygate.domain.audit.AuditEvent;
import dev.keygate.domain.audit.AuditOutcome;
import dev.keygate.domain.key.ApiKey;
import dev.keygate.domain.key.ApiKeyKind;
import dev.keygate.domain.owner.OrgCode;
import dev.keygate.domain.owner.Owner;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Portal links' keys: never listed, swept once expired; and what a portal reads of its owner. */
class PortalLinkKeysTest {

  private static final Owner ORG_A = new Owner.Org(new OrgCode("org_a"));
  private static final Owner ORG_B = new Owner.Org(new OrgCode("org_b"));

  private final TestKeygate t = new TestKeygate();
  private Api users;

  @BeforeEach
  void setUp() {
    t.registerManagementApi();
    t.createOrganization("org_a");
    t.createOrganization("org_b");
    users = t.registerApi("users");
  }

  private PortalLink link(Owner owner) {
    return t.services
        .createPortalLink()
        .create(OPERATOR, new CreatePortalLinkCommand(owner, Duration.ofMinutes(15)));
  }

  private List<ApiKey> listed(Principal principal, ApiKeyFilter filter) {
    return t.services.listApiKeys().list(principal, filter, PageRequest.first(500)).items();
  }

  @Test
  void givenAPortalLink_itsKey_isOfThePortalLinkKind_andNoListShowsIt() {
    ApiKey standard = t.issueKey(ORG_A, users).key();
    PortalLink link = link(ORG_A);
    Principal portal =
        t.services
            .authenticate()
            .authenticate(link.token().reveal(), Optional.empty())
            .orElseThrow();

    assertThat(t.stored(link.key().id()).kind()).isEqualTo(ApiKeyKind.PORTAL_LINK);
    assertThat(listed(OPERATOR, ApiKeyFilter.ALL))
        .extracting(ApiKey::id)
        .contains(standard.id())
        .doesNotContain(link.key().id());
    assertThat(listed(OPERATOR, ApiKeyFilter.ALL.searching("Portal link"))).isEmpty();
    assertThat(listed(portal, ApiKeyFilter.ALL))
        .extracting(ApiKey::id)
        .containsExactly(standard.id());
    assertThat(t.services.getApiKey().get(portal, link.key().id()).id()).isEqualTo(link.key().id());
  }

  @Test
  void sweep_removesAPortalLinksKeyFiveMinutesAfterItExpired_withAnAuditEventOfItsOwner() {
    PortalLink link = link(ORG_A);
    ApiKey standard = t.issueKey(ORG_A, users).key();
    String token = link.token().reveal();

    t.clock.advance(Duration.ofMinutes(15).plus(SweepPortalLinksService.SWEEP_AFTER));
    assertThat(t.services.sweepPortalLinks().sweep()).isZero();
    t.clock.advance(Duration.ofSeconds(1));
    int swept = t.services.sweepPortalLinks().sweep();

    assertThat(swept).isEqualTo(1);
    assertThat(t.apiKeys.findById(link.key().id())).isEmpty();
    assertThat(t.apiKeys.findById(standard.id())).isPresent();
    assertThat(t.verify(token).isValid()).isFalse();
    assertThat(t.services.authenticate().authenticate(token, Optional.empty())).isEmpty();
    AuditEvent last = t.auditLog.events().get(t.auditLog.events().size() - 1);
    assertThat(last.action()).isEqualTo(AuditAction.PORTAL_LINK_DELETE);
    assertThat(last.target()).isEqualTo(link.key().id().value());
    assertThat(last.targetOwner()).contains(ORG_A);
    assertThat(last.outcome()).isEqualTo(AuditOutcome.SUCCEEDED);
    assertThat(last.actor()).isEqualTo(SweepPortalLinksService.ACTOR);
    assertThat(t.auditLog.events())
        .filteredOn(event -> event.target().equals(link.key().id().value()))
        .extracting(AuditEvent::action)
        .containsExactly(AuditAction.PORTAL_LINK_CREATE, AuditAction.PORTAL_LINK_DELETE);
    assertThat(t.services.sweepPortalLinks().sweep()).isZero();
  }

  @Test
  void sweep_ofMoreThanABatch_removesThemAll() {
    for (int i = 0; i < SweepPortalLinksService.BATCH + 3; i++) {
      link(i % 2 == 0 ? ORG_A : ORG_B);
    }
    t.clock.advance(Duration.ofHours(1));

    assertThat(t.services.sweepPortalLinks().sweep()).isEqualTo(SweepPortalLinksService.BATCH + 3);
    assertThat(
            t.apiKeys
                .list(ApiKeyFilter.ALL.ofKind(ApiKeyKind.PORTAL_LINK), PageRequest.first())
                .items())
        .isEmpty();
  }

  @Test
  void givenTheAuditLogFails_sweep_removesNothing() {
    PortalLink link = link(ORG_A);
    t.clock.advance(Duration.ofHours(1));
    t.auditLog.failFromNowOn();

    assertThatThrownBy(() -> t.services.sweepPortalLinks().sweep())
        .isInstanceOf(IllegalStateException.class);

    assertThat(t.apiKeys.findById(link.key().id())).isPresent();
  }

  @Test
  void ownerName_isTheOrganizationsName_withinReachOnly() {
    Principal adminOfA = TestKeygate.orgAdmin("org_a");

    assertThat(t.services.getOwnerName().get(adminOfA, ORG_A)).contains("Org org_a");
    assertThat(t.services.getOwnerName().get(OPERATOR, ORG_B)).contains("Org org_b");
    assertThat(t.services.getOwnerName().get(OPERATOR, new Owner.Environment())).isEmpty();
    assertThatThrownBy(() -> t.services.getOwnerName().get(adminOfA, ORG_B))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void aConfinedCaller_askingForAnotherOrganizationsTrail_getsNoneAndIsRecordedRefused() {
    t.issueKey(ORG_A, users);
    t.issueKey(ORG_B, users);
    Principal adminOfA = TestKeygate.orgAdmin("org_a");
    AuditQuery ofB = new AuditQuery(Optional.empty(), Optional.of(ORG_B), PageRequest.first(500));

    assertThat(t.services.listAuditEvents().list(adminOfA, ofB).items()).isEmpty();
    assertThat(t.services.listAuditEvents().list(OPERATOR, ofB).items()).isNotEmpty();
    assertThat(t.auditLog.events())
        .filteredOn(event -> event.action() == AuditAction.AUDIT_READ)
        .singleElement()
        .satisfies(
            refusal -> {
              assertThat(refusal.outcome()).isEqualTo(AuditOutcome.REFUSED);
              assertThat(refusal.target()).isEqualTo("org_b");
              assertThat(refusal.targetOwner()).contains(ORG_A);
            });
    assertThat(
            t.services
                .listAuditEvents()
                .list(
                    adminOfA,
                    new AuditQuery(Optional.empty(), Optional.empty(), PageRequest.first(500)))
                .items())
        .allSatisfy(event -> assertThat(event.targetOwner()).contains(ORG_A));
  }

  @Test
  void deletingAnOrganizationWithALivePortalLink_isRefusedSayingWhenTheSessionEnds() {
    PortalLink link = link(ORG_B);

    assertThatThrownBy(() -> t.services.deleteOrganization().delete(OPERATOR, new OrgCode("org_b")))
        .isInstanceOf(ConflictException.class)
        .hasMessageEndingWith(
            "(1 of them a portal link's session, which ends by " + link.expiresOn() + ")");
  }
}
