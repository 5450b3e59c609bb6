package dev.keygate.application.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keygate.domain.api.Api;
import dev.keygate.domain.api.Scope;
import dev.keygate.domain.grant.Grant;
import dev.keygate.domain.owner.Owner;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@code GrantRepository} must do, whatever stores the grants. */
public abstract class GrantRepositoryContract extends StoreContract {

  private Api users;
  private Api billing;
  private Scope read;
  private Scope write;
  private Scope invoices;
  private Owner orgA;
  private Owner alice;

  @BeforeEach
  void storeOwnersAndApis() {
    users = storedApi("https://users.example.com");
    billing = storedApi("https://billing.example.com");
    read = storedScope(users, "read:users");
    write = storedScope(users, "write:users");
    invoices = storedScope(billing, "read:invoices");
    orgA = storedOrganization("org_a");
    alice = storedUser("kp_alice");
  }

  private Grant grant(Owner owner, Api api, Scope... scopes) {
    return new Grant(owner, api.id(), Set.of(scopes), NOW, "test:contract");
  }

  @Test
  void putGrant_isFoundExactlyAsItWasStored_andListedForItsOwnerOnly() {
    Grant grant = grant(orgA, users, read, write);

    stores.grants().put(grant);

    assertThat(stores.grants().find(orgA, users.id())).contains(grant);
    assertThat(stores.grants().of(orgA)).containsExactly(grant);
    assertThat(stores.grants().of(alice)).isEmpty();
    assertThat(stores.grants().find(alice, users.id())).isEmpty();
    assertThat(stores.grants().find(orgA, billing.id())).isEmpty();
  }

  @Test
  void grantWithNoScope_isStoredAsTheApiAlone() {
    stores.grants().put(grant(alice, billing));

    assertThat(stores.grants().find(alice, billing.id()))
        .hasValueSatisfying(found -> assertThat(found.scopes()).isEmpty());
  }

  @Test
  void putAgain_replacesTheGrantOfThatApi() {
    stores.grants().put(grant(orgA, users, read, write));
    Grant narrower = new Grant(orgA, users.id(), Set.of(write), NOW.plusSeconds(5), "test:other");

    stores.grants().put(narrower);

    assertThat(stores.grants().of(orgA)).containsExactly(narrower);
  }

  @Test
  void of_listsAnOwnersGrantsInApiIdOrder() {
    stores.grants().put(grant(orgA, billing, invoices));
    stores.grants().put(grant(orgA, users, read));

    assertThat(stores.grants().of(orgA))
        .extracting(Grant::apiId)
        .containsExactly(
            users.id().value().compareTo(billing.id().value()) < 0 ? users.id() : billing.id(),
            users.id().value().compareTo(billing.id().value()) < 0 ? billing.id() : users.id());
  }

  @Test
  void remove_takesTheGrantAway_andSaysWhetherThereWasOne() {
    stores.grants().put(grant(orgA, users, read));
    stores.grants().put(grant(orgA, billing, invoices));

    assertThat(stores.grants().remove(orgA, users.id())).isTrue();
    assertThat(stores.grants().remove(orgA, users.id())).isFalse();
    assertThat(stores.grants().of(orgA)).extracting(Grant::apiId).containsExactly(billing.id());
  }

  @Test
  void deletedScope_leavesEveryGrant() {
    stores.grants().put(grant(orgA, users, read, write));
    stores.grants().put(grant(alice, users, write));

    stores.apis().deleteScope(write.id());

    assertThat(stores.grants().find(orgA, users.id()).orElseThrow().scopes()).containsExactly(read);
    assertThat(stores.grants().find(alice, users.id()).orElseThrow().scopes()).isEmpty();
  }

  @Test
  void deletedApi_takesItsGrantsAlong() {
    stores.grants().put(grant(orgA, billing, invoices));
    stores.grants().put(grant(orgA, users, read));

    stores.apis().delete(billing.id());

    assertThat(stores.grants().of(orgA)).extracting(Grant::apiId).containsExactly(users.id());
    assertThat(stores.grants().find(orgA, billing.id())).isEmpty();
  }
}
