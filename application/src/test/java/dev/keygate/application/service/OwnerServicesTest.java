package dev.keygate.application.service;

import static dev.keygate.application.fake.TestKeygate.OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keygate.application.fake.TestKeygate;
import dev.keygate.application.port.in.CreateOrganizationCommand;
import dev.keygate.application.port.in.CreateUserCommand;
import dev.keygate.application.port.query.Page;
import dev.keygate.application.port.query.PageRequest;
import dev.keygate.domain.ConflictException;
import dev.keygate.domain.ValidationException;
import dev.keygate.domain.audit.AuditAction;
import dev.keygate.domain.audit.AuditEvent;
import dev.keygate.domain.audit.AuditOutcome;
import dev.keygate.domain.owner.OrgCode;
import dev.keygate.domain.owner.Organization;
import dev.keygate.domain.owner.Owner;
import dev.keygate.domain.owner.UserAccount;
import dev.keygate.domain.owner.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Creating and listing the organizations and users that keys belong to. */
class OwnerServicesTest {

  private final TestKeygate t = new TestKeygate();

  private Organization createOrganization(String name, Optional<OrgCode> code) {
    return t.services
        .createOrganization()
        .create(OPERATOR, new CreateOrganizationCommand(name, code));
  }

  private UserAccount createUser(Optional<UserId> id, String name, Optional<String> email) {
    return t.services.createUser().create(OPERATOR, new CreateUserCommand(id, name, email));
  }

  private AuditEvent lastEvent() {
    return t.auditLog.events().get(t.auditLog.events().size() - 1);
  }

  @Test
  void givenCode_createOrganization_storesItUnderThatCodeAndAuditsIt() {
    Organization acme = createOrganization(" Acme ", Optional.of(new OrgCode("org_acme")));

    assertThat(acme.code()).isEqualTo(new OrgCode("org_acme"));
    assertThat(acme.name()).isEqualTo("Acme");
    assertThat(acme.createdOn()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
    assertThat(t.owners.findOrganization(new OrgCode("org_acme"))).contains(acme);
    AuditEvent event = lastEvent();
    assertThat(event.action()).isEqualTo(AuditAction.ORGANIZATION_CREATE);
    assertThat(event.outcome()).isEqualTo(AuditOutcome.SUCCEEDED);
    assertThat(event.target()).isEqualTo("org_acme");
    assertThat(event.targetOwner()).contains(new Owner.Org(new OrgCode("org_acme")));
    assertThat(event.actor()).isEqualTo(OPERATOR.actor());
  }

  @Test
  void givenNoCode_createOrganization_generatesOne() {
    Organization one = createOrganization("One", Optional.empty());
    Organization two = createOrganization("Two", Optional.empty());

    assertThat(one.code().value()).matches("org_[0-9a-f]{12}");
    assertThat(two.code()).isNotEqualTo(one.code());
    assertThat(t.owners.findOrganization(one.code())).contains(one);
  }

  @Test
  void givenTakenCode_createOrganization_answersConflictAndKeepsTheFirst() {
    Organization first = createOrganization("First", Optional.of(new OrgCode("org_a")));

    assertThatThrownBy(() -> createOrganization("Second", Optional.of(new OrgCode("org_a"))))
        .isInstanceOf(ConflictException.class)
        .hasMessage("organization org_a already exists");
    assertThat(t.owners.findOrganization(new OrgCode("org_a"))).contains(first);
  }

  @Test
  void givenBlankName_createOrganization_answersValidation() {
    assertThatThrownBy(() -> createOrganization("  ", Optional.of(new OrgCode("org_a"))))
        .isInstanceOf(ValidationException.class)
        .hasMessage("organization name must be 1-128 characters, was 0");
    assertThat(t.owners.findOrganization(new OrgCode("org_a"))).isEmpty();
  }

  @Test
  void givenMissingCodeOption_createOrganization_answersValidation() {
    assertThatThrownBy(() -> createOrganization("Acme", null))
        .isInstanceOf(ValidationException.class)
        .hasMessage("organization code is required");
  }

  @Test
  void givenIdNameAndEmail_createUser_storesItAndAuditsIt() {
    UserAccount alice =
        createUser(Optional.of(new UserId("kp_alice")), "Alice", Optional.of(" a@example.com "));

    assertThat(alice.id()).isEqualTo(new UserId("kp_alice"));
    assertThat(alice.email()).contains("a@example.com");
    assertThat(t.owners.findUser(new UserId("kp_alice"))).contains(alice);
    AuditEvent event = lastEvent();
    assertThat(event.action()).isEqualTo(AuditAction.USER_CREATE);
    assertThat(event.outcome()).isEqualTo(AuditOutcome.SUCCEEDED);
    assertThat(event.target()).isEqualTo("kp_alice");
    assertThat(event.targetOwner()).contains(new Owner.User(new UserId("kp_alice")));
  }

  @Test
  void givenNoId_createUser_generatesATimeOrderedOne() {
    UserAccount user = createUser(Optional.empty(), "Bob", Optional.empty());

    assertThat(user.id().value()).matches("kp_[0-9a-f]{32}");
    assertThat(t.owners.findUser(user.id())).contains(user);
  }

  @Test
  void givenTakenId_createUser_answersConflict() {
    UserAccount first = createUser(Optional.of(new UserId("kp_alice")), "Alice", Optional.empty());

    assertThatThrownBy(
            () -> createUser(Optional.of(new UserId("kp_alice")), "Other", Optional.empty()))
        .isInstanceOf(ConflictException.class)
        .hasMessage("user kp_alice already exists");
    assertThat(t.owners.findUser(new UserId("kp_alice"))).contains(first);
  }

  @Test
  void givenBadEmail_createUser_answersValidation() {
    assertThatThrownBy(
            () -> createUser(Optional.of(new UserId("kp_alice")), "Alice", Optional.of("nope")))
        .isInstanceOf(ValidationException.class)
        .hasMessage("user email must look like name@domain");
    assertThat(t.owners.findUser(new UserId("kp_alice"))).isEmpty();
  }

  @Test
  void givenBlankName_createUser_answersValidation() {
    assertThatThrownBy(() -> createUser(Optional.empty(), "", Optional.empty()))
        .isInstanceOf(ValidationException.class)
        .hasMessage("user name must be 1-128 characters, was 0");
  }

  @Test
  void givenOrganizationsAndUsers_operatorLists_answersThemAll() {
    t.createOrganization("org_b");
    t.createOrganization("org_a");
    t.createUser("kp_bob");
    t.createUser("kp_alice");

    assertThat(t.services.listOrganizations().list(OPERATOR, PageRequest.first()).items())
        .extracting(o -> o.code().value())
        .containsExactly("org_a", "org_b");
    assertThat(t.services.listUsers().list(OPERATOR, PageRequest.first()).items())
        .extracting(u -> u.id().value())
        .containsExactly("kp_alice", "kp_bob");
  }

  @Test
  void givenMoreOrganizationsThanAPage_list_pagesByCodeWithoutGapsOrRepeats() {
    for (String code : List.of("org_c", "org_a", "org_e", "org_b", "org_d")) {
      t.createOrganization(code);
    }
    List<String> seen = new ArrayList<>();
    Optional<String> after = Optional.empty();
    List<Boolean> hasMore = new ArrayList<>();
    do {
      Page<Organization> page =
          t.services.listOrganizations().list(OPERATOR, new PageRequest(2, after));
      page.items().forEach(o -> seen.add(o.code().value()));
      hasMore.add(page.hasMore());
      after = Optional.of(seen.get(seen.size() - 1));
    } while (hasMore.get(hasMore.size() - 1));

    assertThat(seen).containsExactly("org_a", "org_b", "org_c", "org_d", "org_e");
    assertThat(hasMore).containsExactly(true, true, false);
  }

  @Test
  void givenPageSizeOutOfRange_listOrganizationsAndUsers_answerValidation() {
    assertThatThrownBy(() -> t.services.listOrganizations().list(OPERATOR, PageRequest.first(0)))
        .isInstanceOf(ValidationException.class)
        .hasMessage("page size must be 1-500, was 0");
    assertThatThrownBy(() -> t.services.listUsers().list(OPERATOR, PageRequest.first(501)))
        .isInstanceOf(ValidationException.class)
        .hasMessage("page size must be 1-500, was 501");
  }
}
