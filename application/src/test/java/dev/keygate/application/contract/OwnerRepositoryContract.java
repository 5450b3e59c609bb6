package dev.keygate.application.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keygate.application.port.query.Page;
import dev.keygate.application.port.query.PageRequest;
import dev.keygate.domain.ConflictException;
import dev.keygate.domain.owner.OrgCode;
import dev.keygate.domain.owner.Organization;
import dev.keygate.domain.owner.Owner;
import dev.keygate.domain.owner.UserAccount;
import dev.keygate.domain.owner.UserId;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What every {@code OwnerRepository} must do. */
public abstract class OwnerRepositoryContract extends StoreContract {

  @Test
  void addedOrganization_isFoundAndExists() {
    Organization acme = new Organization(new OrgCode("org_acme"), "Acme", NOW);
    stores.owners().addOrganization(acme);

    assertThat(stores.owners().findOrganization(new OrgCode("org_acme"))).contains(acme);
    assertThat(stores.owners().findOrganization(new OrgCode("org_other"))).isEmpty();
    assertThat(stores.owners().exists(acme.asOwner())).isTrue();
    assertThat(stores.owners().exists(new Owner.Org(new OrgCode("org_other")))).isFalse();
  }

  @Test
  void addedUser_isFoundWithAndWithoutEmail() {
    UserAccount alice =
        new UserAccount(new UserId("kp_alice"), "Alice", Optional.of("a@example.com"), NOW);
    UserAccount bob = new UserAccount(new UserId("kp_bob"), "Bob", Optional.empty(), NOW);
    stores.owners().addUser(alice);
    stores.owners().addUser(bob);

    assertThat(stores.owners().findUser(new UserId("kp_alice"))).contains(alice);
    assertThat(stores.owners().findUser(new UserId("kp_bob"))).contains(bob);
    assertThat(stores.owners().exists(new Owner.User(new UserId("kp_carol")))).isFalse();
  }

  @Test
  void aTakenCodeOrId_isAConflict() {
    stores.owners().addOrganization(new Organization(new OrgCode("org_acme"), "Acme", NOW));
    stores
        .owners()
        .addUser(new UserAccount(new UserId("kp_alice"), "Alice", Optional.empty(), NOW));

    assertThatThrownBy(
            () ->
                stores
                    .owners()
                    .addOrganization(new Organization(new OrgCode("org_acme"), "Again", NOW)))
        .isInstanceOf(ConflictException.class);
    assertThatThrownBy(
            () ->
                stores
                    .owners()
                    .addUser(
                        new UserAccount(new UserId("kp_alice"), "Again", Optional.empty(), NOW)))
        .isInstanceOf(ConflictException.class);
    assertThat(stores.owners().findOrganization(new OrgCode("org_acme")).orElseThrow().name())
        .isEqualTo("Acme");
  }

  @Test
  void organizations_arePagedInCodeOrder() {
    for (String code : new String[] {"org_c", "org_a", "org_e", "org_b", "org_d"}) {
      stores.owners().addOrganization(new Organization(new OrgCode(code), code, NOW));
    }

    Page<Organization> first = stores.owners().listOrganizations(PageRequest.first(2));
    Page<Organization> rest =
        stores.owners().listOrganizations(new PageRequest(10, Optional.of("org_b")));

    assertThat(first.items()).extracting(o -> o.code().value()).containsExactly("org_a", "org_b");
    assertThat(first.hasMore()).isTrue();
    assertThat(rest.items())
        .extracting(o -> o.code().value())
        .containsExactly("org_c", "org_d", "org_e");
    assertThat(rest.hasMore()).isFalse();
  }

  @Test
  void users_arePagedInIdOrder() {
    for (String id : new String[] {"u3", "u1", "u2"}) {
      stores.owners().addUser(new UserAccount(new UserId(id), id, Optional.empty(), NOW));
    }

    Page<UserAccount> first = stores.owners().listUsers(PageRequest.first(2));
    Page<UserAccount> rest = stores.owners().listUsers(new PageRequest(2, Optional.of("u2")));

    assertThat(first.items()).extracting(u -> u.id().value()).containsExactly("u1", "u2");
    assertThat(first.hasMore()).isTrue();
    assertThat(rest.items()).extracting(u -> u.id().value()).containsExactly("u3");
    assertThat(rest.hasMore()).isFalse();
  }
}
