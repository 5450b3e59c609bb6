package dev.keygate.application.service;

import static dev.keygate.application.fake.TestKeygate.OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keygate.application.fake.TestKeygate;
import dev.keygate.application.port.in.CreateApplicationCommand;
import dev.keygate.application.port.in.CreateOrganizationCommand;
import dev.keygate.application.port.in.CreateUserCommand;
import dev.keygate.application.port.in.ManagementScope;
import dev.keygate.application.port.in.Principal;
import dev.keygate.application.port.in.UpdateUserCommand;
import dev.keygate.application.port.query.ListOrder;
import dev.keygate.application.port.query.PageRequest;
import dev.keygate.application.port.query.UserFilter;
import dev.keygate.domain.ConflictException;
import dev.keygate.domain.ForbiddenException;
import dev.keygate.domain.NotFoundException;
import dev.keygate.domain.ValidationException;
import dev.keygate.domain.api.Api;
import dev.keygate.domain.audit.AuditAction;
import dev.keygate.domain.audit.AuditEvent;
import dev.keygate.domain.audit.AuditOutcome;
import dev.keygate.domain.key.ApiKey;
import dev.keygate.domain.owner.OrgCode;
import dev.keygate.domain.owner.Organization;
import dev.keygate.domain.owner.Owner;
import dev.keygate.domain.owner.UserAccount;
import dev.keygate.domain.owner.UserId;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Renaming and deleting organizations and users, who may do it, and what a deletion takes with it
 * and what keeps it from happening.
 */
class OwnerChangesTest {

  private static final OrgCode ACME = new OrgCode("org_acme");
  private static final OrgCode GLOBEX = new OrgCode("org_globex");
  private static final UserId ALICE = new UserId("kp_alice");
  private static final UserId BOB = new UserId("kp_bob");

  private final TestKeygate t = new TestKeygate();
  private Api orders;

  @BeforeEach
  void setUp() {
    orders = t.registerApi("https://orders.example.com");
    t.addScope(orders, "read:orders");
    t.createOrganization(ACME.value());
    t.createOrganization(GLOBEX.value());
    t.services
        .createUser()
        .create(
            OPERATOR,
            new CreateUserCommand(
                Optional.of(ALICE), "Alice Smith", Optional.of("Alice@Example.com")));
    t.createUser(BOB.value());
  }

  private AuditEvent lastEvent() {
    return t.auditLog.events().get(t.auditLog.events().size() - 1);
  }

  // Renaming

  @Test
  void operatorRenamesAnOrganization_whichIsKeptAndAudited() {
    Organization renamed =
        t.services.updateOrganization().update(OPERATOR, ACME, Optional.of(" Acme Inc "));

    assertThat(renamed.name()).isEqualTo("Acme Inc");
    assertThat(t.owners.findOrganization(ACME).orElseThrow().name()).isEqualTo("Acme Inc");
    assertThat(lastEvent().action()).isEqualTo(AuditAction.ORGANIZATION_UPDATE);
    assertThat(lastEvent().outcome()).isEqualTo(AuditOutcome.SUCCEEDED);
    assertThat(lastEvent().targetOwner()).contains(new Owner.Org(ACME));
  }

  @Test
  void anOrganizationAdmin_renamesItsOwnOrganization_andNoOther() {
    Principal admin = TestKeygate.orgAdmin(ACME.value());

    t.services.updateOrganization().update(admin, ACME, Optional.of("Ours"));

    assertThat(t.owners.findOrganization(ACME).orElseThrow().name()).isEqualTo("Ours");
    assertThatThrownBy(
            () -> t.services.updateOrganization().update(admin, GLOBEX, Optional.of("Theirs")))
        .isInstanceOf(NotFoundException.class)
        .hasMessage("organization org_globex not found");
    assertThat(t.owners.findOrganization(GLOBEX).orElseThrow().name()).isNotEqualTo("Theirs");
  }

  @Test
  void renamingWithoutTheScope_isRefused() {
    Principal limited = TestKeygate.operatorWithout(ManagementScope.UPDATE_ORGANIZATIONS);

    assertThatThrownBy(
            () -> t.services.updateOrganization().update(limited, ACME, Optional.of("X")))
        .isInstanceOf(ForbiddenException.class)
        .hasMessageContaining("update:organizations");
    assertThatThrownBy(
            () ->
                t.services
                    .updateUser()
                    .update(
                        TestKeygate.operatorWithout(ManagementScope.UPDATE_USERS),
                        ALICE,
                        new UpdateUserCommand(
                            Optional.of("X"), Optional.empty(), Optional.empty())))
        .isInstanceOf(ForbiddenException.class)
        .hasMessageContaining("update:users");
  }

  @Test
  void aFamilyNameAlone_keepsTheGivenName_andTheOtherWayRound() {
    UserAccount family =
        t.services
            .updateUser()
            .update(
                OPERATOR,
                ALICE,
                new UpdateUserCommand(Optional.empty(), Optional.empty(), Optional.of("Liddell")));
    assertThat(family.name()).isEqualTo("Alice Liddell");

    UserAccount given =
        t.services
            .updateUser()
            .update(
                OPERATOR,
                ALICE,
                new UpdateUserCommand(Optional.empty(), Optional.of("Alicia"), Optional.empty()));
    assertThat(given.name()).isEqualTo("Alicia Liddell");
    assertThat(given.email()).contains("Alice@Example.com");
    assertThat(t.owners.findUser(ALICE)).contains(given);
    assertThat(lastEvent().action()).isEqualTo(AuditAction.USER_UPDATE);
  }

  @Test
  void aNameWithGivenOrFamilyNames_orABlankOne_isRefused() {
    assertThatThrownBy(
            () -> new UpdateUserCommand(Optional.of("A"), Optional.of("B"), Optional.empty()))
        .isInstanceOf(ValidationException.class)
        .hasMessage("give name or given_name and family_name, not both");
    assertThatThrownBy(
            () -> new UpdateUserCommand(Optional.empty(), Optional.of("  "), Optional.of("B")))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("given name");
  }

  @Test
  void aUser_renamesThemselves_andNobodyElse() {
    Principal alice = TestKeygate.userPrincipal(ALICE.value());
    UpdateUserCommand rename =
        new UpdateUserCommand(Optional.of("Al"), Optional.empty(), Optional.empty());

    t.services.updateUser().update(alice, ALICE, rename);

    assertThat(t.owners.findUser(ALICE).orElseThrow().name()).isEqualTo("Al");
    assertThatThrownBy(() -> t.services.updateUser().update(alice, BOB, rename))
        .isInstanceOf(NotFoundException.class)
        .hasMessage("user kp_bob not found");
    assertThatThrownBy(
            () -> t.services.updateUser().update(TestKeygate.orgAdmin("org_acme"), ALICE, rename))
        .isInstanceOf(NotFoundException.class);
  }

  // Deleting

  @Test
  void anOrganizationWithALiveKey_isNotDeleted_untilTheKeyIsRevoked() {
    Owner acme = new Owner.Org(ACME);
    t.grant(acme, orders, "read:orders");
    ApiKey key = t.issueKey(acme, orders, "read:orders").key();
    int events = t.auditLog.events().size();

    assertThatThrownBy(() -> t.services.deleteOrganization().delete(OPERATOR, ACME))
        .isInstanceOf(ConflictException.class)
        .hasMessage(
            "organization org_acme owns 1 live api key and cannot be deleted until they are"
                + " revoked");
    assertThat(t.owners.findOrganization(ACME)).isPresent();
    assertThat(t.grants.of(acme)).hasSize(1);
    assertThat(t.auditLog.events()).hasSize(events);

    t.services.revokeApiKey().revoke(OPERATOR, key.id());
    t.services.deleteOrganization().delete(OPERATOR, ACME);

    assertThat(t.owners.findOrganization(ACME)).isEmpty();
    assertThat(t.grants.of(acme)).isEmpty();
    assertThat(lastEvent().action()).isEqualTo(AuditAction.ORGANIZATION_DELETE);
    assertThat(lastEvent().outcome()).isEqualTo(AuditOutcome.SUCCEEDED);
    // The revoked key stays on record, and so its organization's code stays taken.
    assertThat(t.apiKeys.findById(key.id())).isPresent();
    assertThatThrownBy(
            () ->
                t.services
                    .createOrganization()
                    .create(OPERATOR, new CreateOrganizationCommand("Newcomer", Optional.of(ACME))))
        .isInstanceOf(ConflictException.class)
        .hasMessage(
            "organization org_acme was deleted and its api keys remain on record: choose another");
  }

  @Test
  void anOrganizationWhoseKeysHaveExpired_isDeleted() {
    Owner acme = new Owner.Org(ACME);
    t.grant(acme, orders, "read:orders");
    t.services
        .createApiKey()
        .create(
            OPERATOR,
            new dev.keygate.application.port.in.CreateApiKeyCommand(
                "short",
                orders.id(),
                java.util.List.of("read:orders"),
                acme,
                Optional.of(t.clock.instant().plus(Duration.ofHours(1)))));
    t.clock.advance(Duration.ofHours(2));

    t.services.deleteOrganization().delete(OPERATOR, ACME);

    assertThat(t.owners.findOrganization(ACME)).isEmpty();
  }

  @Test
  void anOrganizationAnApplicationActsFor_isNotDeleted() {
    t.services
        .createApplication()
        .create(OPERATOR, new CreateApplicationCommand("Sync", "m2m", Optional.of(ACME)));

    assertThatThrownBy(() -> t.services.deleteOrganization().delete(OPERATOR, ACME))
        .isInstanceOf(ConflictException.class)
        .hasMessage(
            "organization org_acme has 1 application acting for it and cannot be deleted until"
                + " they are deleted");
    assertThat(t.owners.findOrganization(ACME)).isPresent();
  }

  @Test
  void theOperatorsOrganization_orOneThatIsNot_isNotDeleted() {
    assertThatThrownBy(
            () -> t.services.deleteOrganization().delete(OPERATOR, Organization.OPERATOR_CODE))
        .isInstanceOf(ConflictException.class)
        .hasMessage("the operator organization keygate-operator cannot be deleted");
    assertThatThrownBy(
            () -> t.services.deleteOrganization().delete(OPERATOR, new OrgCode("org_nobody")))
        .isInstanceOf(NotFoundException.class)
        .hasMessage("organization org_nobody not found");
  }

  @Test
  void onlyTheOperator_deletesOrganizationsAndUsers_evenTheirOwn() {
    assertThatThrownBy(
            () -> t.services.deleteOrganization().delete(TestKeygate.orgAdmin("org_acme"), ACME))
        .isInstanceOf(ForbiddenException.class)
        .hasMessage("only the operator may do this");
    assertThatThrownBy(
            () -> t.services.deleteUser().delete(TestKeygate.userPrincipal("kp_alice"), ALICE))
        .isInstanceOf(ForbiddenException.class);
    assertThatThrownBy(
            () ->
                t.services
                    .deleteUser()
                    .delete(TestKeygate.operatorWithout(ManagementScope.DELETE_USERS), ALICE))
        .isInstanceOf(ForbiddenException.class)
        .hasMessageContaining("delete:users");
    assertThat(t.owners.findOrganization(ACME)).isPresent();
    assertThat(t.owners.findUser(ALICE)).isPresent();
  }

  @Test
  void aUserWithALiveKey_isNotDeleted_andOneWithout_isDeletedWithTheirGrants() {
    Owner alice = new Owner.User(ALICE);
    Owner bob = new Owner.User(BOB);
    t.grant(alice, orders, "read:orders");
    t.grant(bob, orders, "read:orders");
    ApiKey key = t.issueKey(alice, orders, "read:orders").key();

    assertThatThrownBy(() -> t.services.deleteUser().delete(OPERATOR, ALICE))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("user kp_alice owns 1 live api key");
    t.services.deleteUser().delete(OPERATOR, BOB);

    assertThat(t.owners.findUser(ALICE)).isPresent();
    assertThat(t.owners.findUser(BOB)).isEmpty();
    assertThat(t.grants.of(bob)).isEmpty();
    assertThat(lastEvent().action()).isEqualTo(AuditAction.USER_DELETE);
    // Bob owned no key, so his id is free again; Alice's revoked key keeps hers taken.
    t.createUser(BOB.value());
    assertThat(t.owners.findUser(BOB)).isPresent();
    t.services.revokeApiKey().revoke(OPERATOR, key.id());
    t.services.deleteUser().delete(OPERATOR, ALICE);
    assertThatThrownBy(() -> t.createUser(ALICE.value()))
        .isInstanceOf(ConflictException.class)
        .hasMessage("user kp_alice was deleted and its api keys remain on record: choose another");
  }

  // Listing

  @Test
  void usersFilteredByEmail_matchWhateverTheCase_andAConfinedUserSeesOnlyThemselves() {
    UserFilter byEmail = new UserFilter(Set.of(), Set.of("alice@example.COM"));

    assertThat(t.services.listUsers().list(OPERATOR, byEmail, PageRequest.first()).items())
        .extracting(user -> user.id().value())
        .containsExactly("kp_alice");
    assertThat(
            t.services
                .listUsers()
                .list(
                    TestKeygate.userPrincipal("kp_bob"),
                    new UserFilter(Set.of(ALICE, BOB), Set.of()),
                    PageRequest.first())
                .items())
        .extracting(user -> user.id().value())
        .containsExactly("kp_bob");
    assertThat(
            t.services
                .listUsers()
                .list(TestKeygate.userPrincipal("kp_bob"), byEmail, PageRequest.first())
                .items())
        .isEmpty();
  }

  @Test
  void organizationsByName_comeInNameOrder_andAnAdminSeesOnlyItsOwn() {
    t.services.updateOrganization().update(OPERATOR, ACME, Optional.of("Zeta"));
    t.services.updateOrganization().update(OPERATOR, GLOBEX, Optional.of("Alpha"));

    assertThat(
            t.services
                .listOrganizations()
                .list(OPERATOR, ListOrder.NAME_DESCENDING, PageRequest.first())
                .items())
        .extracting(Organization::name)
        .containsExactly("Zeta", "Alpha");
    assertThat(
            t.services
                .listOrganizations()
                .list(
                    TestKeygate.orgAdmin("org_globex"),
                    ListOrder.NAME_ASCENDING,
                    PageRequest.first())
                .items())
        .extracting(Organization::name)
        .containsExactly("Alpha");
  }
}
