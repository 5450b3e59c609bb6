package dev.keygate.application.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keygate.domain.api.Api;
import dev.keygate.domain.api.Scope;
import dev.keygate.domain.application.Application;
import dev.keygate.domain.application.ApplicationId;
import dev.keygate.domain.key.ApiKeyId;
import dev.keygate.domain.owner.OrgCode;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@code ApplicationRepository} must do, whatever stores the applications. */
public abstract class ApplicationRepositoryContract extends StoreContract {

  private static final String HASH = "$argon2id$v=19$m=64,t=1,p=1$c2FsdA$aGFzaA";

  private Api users;
  private Scope read;
  private Scope write;

  @BeforeEach
  void storeApis() {
    users = storedApi("https://users.example.com");
    read = storedScope(users, "read:users");
    write = storedScope(users, "write:users");
    storedOrganization("org_a");
  }

  private static Application application(String name, Optional<OrgCode> org) {
    return Application.create(
        ApplicationId.generate(CLOCK),
        name,
        org,
        HASH,
        NOW,
        "test:contract",
        Optional.of(ApiKeyId.generate(CLOCK)),
        Optional.of(NOW.plusSeconds(3600)));
  }

  @Test
  void added_isFoundExactlyAsItWasStored() {
    Application application =
        application("Billing sync", Optional.of(new OrgCode("org_a")))
            .authorizedFor(users.id())
            .granted(read);

    stores.applications().add(application);

    Application found = stores.applications().findById(application.id()).orElseThrow();
    assertThat(found).isEqualTo(application);
    assertThat(found.secretHash()).isEqualTo(HASH);
    assertThat(found.scopes()).containsExactly(read);
  }

  @Test
  void unknownId_isNotFound() {
    assertThat(stores.applications().findById(ApplicationId.generate(CLOCK))).isEmpty();
  }

  @Test
  void update_replacesNameSecretApisAndScopes() {
    Application application = application("One", Optional.empty()).authorizedFor(users.id());
    stores.applications().add(application);
    Application changed =
        application.renamed("Two").withNewSecret("$argon2id$other").granted(write);

    stores.applications().update(changed);

    Application found = stores.applications().findById(application.id()).orElseThrow();
    assertThat(found).isEqualTo(changed);
    assertThat(found.secretVersion()).isEqualTo(2);

    stores.applications().update(found.deauthorizedFor(users.id()));

    Application deauthorized = stores.applications().findById(application.id()).orElseThrow();
    assertThat(deauthorized.apis()).isEmpty();
    assertThat(deauthorized.scopes()).isEmpty();
  }

  @Test
  void list_isInIdOrder_andFiltersByOrganization() {
    Application first = application("First", Optional.empty());
    Application second = application("Second", Optional.of(new OrgCode("org_a")));
    stores.applications().add(first);
    stores.applications().add(second);

    assertThat(stores.applications().list(Optional.empty()))
        .extracting(Application::id)
        .containsExactly(first.id(), second.id());
    assertThat(stores.applications().list(Optional.of(new OrgCode("org_a"))))
        .extracting(Application::id)
        .containsExactly(second.id());
  }

  @Test
  void delete_removesIt_onceOnly() {
    Application application = application("Gone", Optional.empty()).authorizedFor(users.id());
    stores.applications().add(application.granted(read));

    assertThat(stores.applications().delete(application.id())).isTrue();
    assertThat(stores.applications().delete(application.id())).isFalse();
    assertThat(stores.applications().findById(application.id())).isEmpty();
  }

  @Test
  void deletingAScopeOrTheApi_takesItOutOfTheApplication() {
    Application application =
        application("Cascade", Optional.empty()).authorizedFor(users.id()).granted(read);
    stores.applications().add(application.granted(write));

    stores.apis().deleteScope(write.id());

    assertThat(stores.applications().findById(application.id()).orElseThrow().scopes())
        .containsExactly(read);

    stores.apis().delete(users.id());

    Application left = stores.applications().findById(application.id()).orElseThrow();
    assertThat(left.apis()).isEmpty();
    assertThat(left.scopes()).isEmpty();
  }

  @Test
  void aChangeInAUnitThatFails_isNotKept() {
    Application application = application("Undone", Optional.empty());

    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                stores
                    .unitOfWork()
                    .inTransaction(
                        () -> {
                          stores.applications().add(application);
                          throw new IllegalStateException("the audit event could not be written");
                        }))
        .isInstanceOf(IllegalStateException.class);

    assertThat(stores.applications().findById(application.id())).isEmpty();
  }
}
