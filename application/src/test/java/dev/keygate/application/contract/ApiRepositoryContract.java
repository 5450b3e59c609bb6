package dev.keygate.application.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keygate.domain.ConflictException;
import dev.keygate.domain.api.Api;
import dev.keygate.domain.api.ApiId;
import dev.keygate.domain.api.Scope;
import dev.keygate.domain.api.ScopeId;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What every {@code ApiRepository} must do. */
public abstract class ApiRepositoryContract extends StoreContract {

  @Test
  void addedApi_isFoundByIdAndByAudience() {
    Api api = storedApi("https://users.example.com");

    assertThat(stores.apis().findById(api.id())).contains(api);
    assertThat(stores.apis().findByAudience("https://users.example.com")).contains(api);
    assertThat(stores.apis().findByAudience("https://other.example.com")).isEmpty();
    assertThat(stores.apis().findById(ApiId.generate(CLOCK))).isEmpty();
  }

  @Test
  void aTakenAudience_isAConflict() {
    storedApi("https://users.example.com");

    assertThatThrownBy(() -> storedApi("https://users.example.com"))
        .isInstanceOf(ConflictException.class);
    assertThat(stores.apis().list()).hasSize(1);
  }

  @Test
  void list_isInIdOrder() {
    Api one = storedApi("one");
    Api two = storedApi("two");
    Api three = storedApi("three");

    assertThat(stores.apis().list())
        .containsExactlyElementsOf(
            List.of(one, two, three).stream()
                .sorted(Comparator.comparing(a -> a.id().value()))
                .toList());
  }

  @Test
  void scopes_areStoredPerApiInIdOrder() {
    Api users = storedApi("users");
    Api billing = storedApi("billing");
    Scope read = storedScope(users, "read:users");
    Scope write = storedScope(users, "write:users");
    Scope pay = storedScope(billing, "pay");

    assertThat(stores.apis().scopes(users.id()))
        .containsExactlyElementsOf(
            List.of(read, write).stream()
                .sorted(Comparator.comparing(s -> s.id().value()))
                .toList());
    assertThat(stores.apis().scopes(billing.id())).containsExactly(pay);
    assertThat(stores.apis().findScope(users.id(), read.id())).contains(read);
  }

  @Test
  void aScopeOfAnotherApi_isNotFoundUnderThisOne() {
    Api users = storedApi("users");
    Api billing = storedApi("billing");
    Scope pay = storedScope(billing, "pay");

    assertThat(stores.apis().findScope(users.id(), pay.id())).isEmpty();
    assertThat(stores.apis().findScope(users.id(), ScopeId.generate(CLOCK))).isEmpty();
  }

  @Test
  void aScopeKeyTakenOnTheSameApi_isAConflictButFreeOnAnother() {
    Api users = storedApi("users");
    Api billing = storedApi("billing");
    storedScope(users, "read");

    assertThatThrownBy(() -> storedScope(users, "read")).isInstanceOf(ConflictException.class);
    assertThat(storedScope(billing, "read").apiId()).isEqualTo(billing.id());
    assertThat(stores.apis().scopes(users.id())).hasSize(1);
  }

  @Test
  void updateScope_changesTheDescription() {
    Api users = storedApi("users");
    Scope read = storedScope(users, "read:users");

    stores.apis().updateScope(read.describedAs("Read every user"));

    assertThat(stores.apis().findScope(users.id(), read.id()).orElseThrow().description())
        .isEqualTo("Read every user");
  }

  @Test
  void deleteScope_removesOnlyThatScope() {
    Api users = storedApi("users");
    Scope read = storedScope(users, "read:users");
    Scope write = storedScope(users, "write:users");

    stores.apis().deleteScope(read.id());

    assertThat(stores.apis().scopes(users.id())).containsExactly(write);
  }

  @Test
  void deleteApi_removesItAndItsScopesOnly() {
    Api users = storedApi("users");
    Api billing = storedApi("billing");
    storedScope(users, "read:users");
    Scope pay = storedScope(billing, "pay");

    stores.apis().delete(users.id());

    assertThat(stores.apis().findById(users.id())).isEmpty();
    assertThat(stores.apis().scopes(users.id())).isEmpty();
    assertThat(stores.apis().list()).containsExactly(billing);
    assertThat(stores.apis().scopes(billing.id())).containsExactly(pay);
  }
}
