package dev.keygate.application.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keygate.application.port.query.ListOrder;
import dev.keygate.application.port.query.Page;
import dev.keygate.application.port.query.PageRequest;
import dev.keygate.application.port.query.UserFilter;
import dev.keygate.domain.ConflictException;
import dev.keygate.domain.ValidationException;
import dev.keygate.domain.api.Api;
import dev.keygate.domain.key.ApiKey;
import dev.keygate.domain.owner.OrgCode;
import dev.keygate.domain.owner.Organization;
import dev.keygate.domain.owner.Owner;
import dev.keygate.domain.owner.UserAccount;
import dev.keygate.domain.owner.UserId;
import dev.keygate.domain.policy.RateLimit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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

  @Test
  void organizations_arePagedByNameBothWays_thoseOfOneNameByCode() {
    String[][] named = {
      {"org_1", "Beta"},
      {"org_2", "Alpha"},
      {"org_3", "Beta"},
      {"org_4", "Gamma"},
      {"org_5", "Alpha"}
    };
    for (String[] organization : named) {
      stores
          .owners()
          .addOrganization(new Organization(new OrgCode(organization[0]), organization[1], NOW));
    }

    assertThat(pagesOf(ListOrder.NAME_ASCENDING))
        .containsExactly("org_2", "org_5", "org_1", "org_3", "org_4");
    assertThat(pagesOf(ListOrder.NAME_DESCENDING))
        .containsExactly("org_4", "org_3", "org_1", "org_5", "org_2");
    assertThatThrownBy(
            () ->
                stores
                    .owners()
                    .listOrganizations(
                        ListOrder.NAME_ASCENDING, new PageRequest(2, Optional.of("org_1"))))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("another sort order");
  }

  /** Every organization in {@code order}, read two at a time, each page after the last's cursor. */
  private List<String> pagesOf(ListOrder order) {
    List<String> codes = new ArrayList<>();
    Optional<String> after = Optional.empty();
    // Bounded: a cursor that does not move on must fail the test, not hang it.
    for (int pages = 0; pages < 10; pages++) {
      Page<Organization> page = stores.owners().listOrganizations(order, new PageRequest(2, after));
      page.items().forEach(organization -> codes.add(organization.code().value()));
      if (!page.hasMore()) {
        return codes;
      }
      Organization last = page.items().get(page.items().size() - 1);
      after = Optional.of(order.cursorOf(last.name(), last.code().value()));
    }
    throw new AssertionError("paging never ended: " + codes);
  }

  @Test
  void users_areFilteredByIdsAndByEmailsWhateverTheirCase() {
    stores
        .owners()
        .addUser(new UserAccount(new UserId("u1"), "One", Optional.of("One@Example.com"), NOW));
    stores
        .owners()
        .addUser(new UserAccount(new UserId("u2"), "Two", Optional.of("two@example.com"), NOW));
    stores.owners().addUser(new UserAccount(new UserId("u3"), "Three", Optional.empty(), NOW));

    assertThat(ids(new UserFilter(Set.of(), Set.of("one@example.COM", "nobody@example.com"))))
        .containsExactly("u1");
    assertThat(ids(new UserFilter(Set.of(new UserId("u3"), new UserId("u2")), Set.of())))
        .containsExactly("u2", "u3");
    assertThat(ids(new UserFilter(Set.of(new UserId("u3")), Set.of("two@example.com")))).isEmpty();
    assertThat(ids(UserFilter.ALL)).containsExactly("u1", "u2", "u3");
  }

  private List<String> ids(UserFilter filter) {
    return stores.owners().listUsers(filter, PageRequest.first()).items().stream()
        .map(user -> user.id().value())
        .toList();
  }

  @Test
  void updatedOwners_keepTheirNewNames_andDeletedOnesAreGone() {
    Organization acme = new Organization(new OrgCode("org_acme"), "Acme", NOW);
    UserAccount alice =
        new UserAccount(new UserId("kp_alice"), "Alice", Optional.of("a@example.com"), NOW);
    stores.owners().addOrganization(acme);
    stores.owners().addUser(alice);

    stores.owners().updateOrganization(acme.renamed("Acme Inc"));
    stores.owners().updateUser(alice.renamed("Alice Liddell"));

    assertThat(stores.owners().findOrganization(acme.code())).contains(acme.renamed("Acme Inc"));
    assertThat(stores.owners().findUser(alice.id())).contains(alice.renamed("Alice Liddell"));
    assertThat(stores.owners().deleteOrganization(acme.code())).isTrue();
    assertThat(stores.owners().deleteUser(alice.id())).isTrue();
    assertThat(stores.owners().deleteOrganization(acme.code())).isFalse();
    assertThat(stores.owners().deleteUser(alice.id())).isFalse();
    assertThat(stores.owners().exists(acme.asOwner())).isFalse();
    assertThat(stores.owners().exists(alice.asOwner())).isFalse();
  }

  @Test
  void rateLimits_areEmptyUntilSet_thenReplaced_andEmptiedByAnEmptyList() {
    Owner acme = storedOrganization("org_acme");
    Owner alice = storedUser("kp_alice");
    List<RateLimit> limits =
        List.of(RateLimit.of("burst", 10, 1), RateLimit.of("daily", 1_000, 86_400));

    assertThat(stores.owners().rateLimits(acme)).isEmpty();
    stores.owners().setRateLimits(acme, limits);
    stores.owners().setRateLimits(alice, List.of(RateLimit.of("a.b:c-d_e", 1, 366 * 86_400L)));

    assertThat(stores.owners().rateLimits(acme)).isEqualTo(limits);
    assertThat(stores.owners().rateLimits(alice))
        .containsExactly(RateLimit.of("a.b:c-d_e", 1, 366 * 86_400L));
    stores.owners().setRateLimits(acme, List.of(RateLimit.of("burst", 5, 2)));
    assertThat(stores.owners().rateLimits(acme)).containsExactly(RateLimit.of("burst", 5, 2));
    stores.owners().setRateLimits(acme, List.of());
    assertThat(stores.owners().rateLimits(acme)).isEmpty();
    assertThat(stores.owners().rateLimits(alice)).hasSize(1);
  }

  @Test
  void settingRateLimits_changesEveryKeyOfTheOwner_andNoOtherKey() {
    Api api = storedApi("https://orders.example.com");
    Owner acme = storedOrganization("org_acme");
    ApiKey first = newKey(acme, api);
    ApiKey second = newKey(acme, api);
    ApiKey others = newKey(storedOrganization("org_other"), api);
    stores.apiKeys().add(first);
    stores.apiKeys().add(second);
    stores.apiKeys().add(others);
    List<RateLimit> limits = List.of(RateLimit.of("shared", 100, 60));
    long before = stores.changeFeed().latest();

    stores.owners().setRateLimits(acme, limits);

    ApiKey firstRead = stores.apiKeys().findById(first.id()).orElseThrow();
    assertThat(firstRead.ownerLimits()).isEqualTo(limits);
    assertThat(firstRead.version()).isEqualTo(first.version() + 1);
    assertThat(stores.apiKeys().findById(second.id()).orElseThrow().version())
        .isEqualTo(second.version() + 1);
    ApiKey othersRead = stores.apiKeys().findById(others.id()).orElseThrow();
    assertThat(othersRead.ownerLimits()).isEmpty();
    assertThat(othersRead.version()).isEqualTo(others.version());
    assertThat(stores.changeFeed().after(before, 100))
        .extracting(change -> change.kind() + " " + change.subject())
        .containsExactlyInAnyOrder("API_KEY " + first.id(), "API_KEY " + second.id());
    // a key read before the change is stale: updating it is a conflict
    assertThatThrownBy(() -> stores.apiKeys().update(first.disable()))
        .isInstanceOf(ConflictException.class);
    // the limits stay with a key through its updates, and come with keys added later
    assertThat(stores.apiKeys().update(firstRead.disable()).ownerLimits()).isEqualTo(limits);
    ApiKey later = newKey(acme, api);
    stores.apiKeys().add(later);
    assertThat(stores.apiKeys().findById(later.id()).orElseThrow().ownerLimits()).isEqualTo(limits);
  }

  @Test
  void settingRateLimits_inAUnitThatThrows_changesNothing() {
    Api api = storedApi("https://orders.example.com");
    Owner acme = storedOrganization("org_acme");
    ApiKey key = newKey(acme, api);
    stores.apiKeys().add(key);
    stores.owners().setRateLimits(acme, List.of(RateLimit.of("burst", 10, 1)));
    ApiKey stored = stores.apiKeys().findById(key.id()).orElseThrow();
    long before = stores.changeFeed().latest();

    assertThatThrownBy(
            () ->
                stores
                    .unitOfWork()
                    .inTransaction(
                        () -> {
                          stores.owners().setRateLimits(acme, List.of());
                          throw new IllegalStateException("the audit write failed");
                        }))
        .hasMessage("the audit write failed");

    assertThat(stores.owners().rateLimits(acme)).containsExactly(RateLimit.of("burst", 10, 1));
    assertThat(stores.apiKeys().findById(key.id())).contains(stored);
    assertThat(stores.changeFeed().latest()).isEqualTo(before);
  }
}
