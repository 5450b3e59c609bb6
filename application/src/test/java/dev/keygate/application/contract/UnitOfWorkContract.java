package dev.keygate.application.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keygate.application.fake.TestQueries;
import dev.keygate.application.port.query.ApiKeyFilter;
import dev.keygate.application.port.query.PageRequest;
import dev.keygate.domain.ConflictException;
import dev.keygate.domain.api.Api;
import dev.keygate.domain.api.Scope;
import dev.keygate.domain.audit.AuditAction;
import dev.keygate.domain.audit.AuditEvent;
import dev.keygate.domain.audit.AuditOutcome;
import dev.keygate.domain.grant.Grant;
import dev.keygate.domain.key.ApiKey;
import dev.keygate.domain.owner.OrgCode;
import dev.keygate.domain.owner.Organization;
import dev.keygate.domain.owner.Owner;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What every {@code UnitOfWork} must do: what its work wrote through any port is kept together when
 * the work returns, and none of it is when the work throws, a failing audit write included.
 */
public abstract class UnitOfWorkContract extends StoreContract {

  @Test
  void givenAFailingAuditWrite_inTransaction_keepsNeitherTheKeyNorTheEvent() {
    Api api = storedApi("orders");
    Owner org = storedOrganization("org_a");
    AuditEvent earlier = event("earlier", org);
    stores.auditLog().record(earlier);
    ApiKey key = newKey(org, api, storedScope(api, "read"));
    // The same id as an event already stored: the audit log refuses it.
    AuditEvent clashing = withId(earlier.id(), event(key.id().value(), org));

    assertThatThrownBy(
            () ->
                stores
                    .unitOfWork()
                    .inTransaction(
                        () -> {
                          stores.apiKeys().add(key);
                          stores.auditLog().record(clashing);
                          return null;
                        }))
        .isInstanceOf(ConflictException.class);

    assertThat(stores.apiKeys().findById(key.id())).isEmpty();
    assertThat(stores.auditLog().list(TestQueries.allEvents(PageRequest.first())).items())
        .containsExactly(earlier);
  }

  @Test
  void givenAFailingAuditWrite_inTransaction_leavesAnUpdatedKeyAsItWas() {
    Api api = storedApi("orders");
    Owner org = storedOrganization("org_a");
    ApiKey key = newKey(org, api, storedScope(api, "read"));
    stores.apiKeys().add(key);
    ApiKey stored = stores.apiKeys().findById(key.id()).orElseThrow();
    AuditEvent earlier = event("earlier", org);
    stores.auditLog().record(earlier);

    assertThatThrownBy(
            () ->
                stores
                    .unitOfWork()
                    .inTransaction(
                        () -> {
                          stores.apiKeys().update(stored.disable());
                          stores
                              .auditLog()
                              .record(withId(earlier.id(), event(key.id().value(), org)));
                          return null;
                        }))
        .isInstanceOf(ConflictException.class);

    ApiKey after = stores.apiKeys().findById(key.id()).orElseThrow();
    assertThat(after).isEqualTo(stored);
    assertThat(stores.apiKeys().update(stored.rename("still at its version")).version())
        .isEqualTo(stored.version() + 1);
  }

  @Test
  void givenWorkThatThrows_inTransaction_undoesEveryPortsWrites() {
    Api api = storedApi("orders");
    Scope read = storedScope(api, "read");
    Owner org = storedOrganization("org_a");
    ApiKey key = newKey(org, api, read);
    stores.apiKeys().add(key);
    ApiKey stored = stores.apiKeys().findById(key.id()).orElseThrow();
    IllegalStateException failure = new IllegalStateException("the work failed");

    assertThatThrownBy(
            () ->
                stores
                    .unitOfWork()
                    .inTransaction(
                        () -> {
                          Api other = Api.register("API billing", "billing", CLOCK);
                          stores.apis().add(other);
                          stores.apis().addScope(Scope.define(other.id(), "pay", "", CLOCK));
                          stores
                              .owners()
                              .addOrganization(
                                  new Organization(new OrgCode("org_b"), "Org org_b", NOW));
                          stores
                              .grants()
                              .put(new Grant(org, api.id(), Set.of(read), NOW, "test:contract"));
                          stores.apiKeys().withdrawScope(read.id());
                          stores.apis().deleteScope(read.id());
                          stores.auditLog().record(event(key.id().value(), org));
                          throw failure;
                        }))
        .isSameAs(failure);

    assertThat(stores.apis().list()).containsExactly(api);
    assertThat(stores.apis().scopes(api.id())).containsExactly(read);
    assertThat(stores.owners().findOrganization(new OrgCode("org_b"))).isEmpty();
    assertThat(stores.grants().of(org)).isEmpty();
    assertThat(stores.apiKeys().findById(key.id())).contains(stored);
    assertThat(stores.auditLog().list(TestQueries.allEvents(PageRequest.first())).items())
        .isEmpty();
  }

  @Test
  void givenWorkThatReturns_inTransaction_keepsAllItWroteAndAnswersWhatItReturned() {
    Api api = storedApi("orders");
    Owner org = storedOrganization("org_a");
    ApiKey key = newKey(org, api, storedScope(api, "read"));
    AuditEvent created = event(key.id().value(), org);

    ApiKey disabled =
        stores
            .unitOfWork()
            .inTransaction(
                () -> {
                  stores.apiKeys().add(key);
                  // What the unit wrote, it reads back before it is kept.
                  ApiKey added = stores.apiKeys().findById(key.id()).orElseThrow();
                  stores.auditLog().record(created);
                  return stores.apiKeys().update(added.disable());
                });

    assertThat(stores.apiKeys().findById(key.id())).contains(disabled);
    assertThat(disabled.version()).isEqualTo(key.version() + 1);
    assertThat(stores.auditLog().list(TestQueries.allEvents(PageRequest.first())).items())
        .containsExactly(created);
  }

  @Test
  void givenAUnitInsideAnother_whenTheOuterThrows_neitherIsKept() {
    Owner org = storedOrganization("org_a");
    AuditEvent inner = event("inner", org);

    assertThatThrownBy(
            () ->
                stores
                    .unitOfWork()
                    .inTransaction(
                        () -> {
                          stores
                              .unitOfWork()
                              .inTransaction(
                                  () -> {
                                    stores.auditLog().record(inner);
                                    return null;
                                  });
                          throw new IllegalStateException("the outer work failed");
                        }))
        .isInstanceOf(IllegalStateException.class);

    assertThat(stores.auditLog().list(TestQueries.allEvents(PageRequest.first())).items())
        .isEmpty();
  }

  private static AuditEvent event(String target, Owner owner) {
    return AuditEvent.now(
        CLOCK,
        "test:actor",
        AuditAction.API_KEY_CREATE,
        target,
        Optional.of(owner),
        AuditOutcome.SUCCEEDED,
        "");
  }

  private static AuditEvent withId(String id, AuditEvent event) {
    return new AuditEvent(
        id,
        event.occurredOn(),
        event.actor(),
        event.action(),
        event.target(),
        event.targetOwner(),
        event.outcome(),
        event.detail());
  }

  @Test
  void insideAUnit_readsSeeItsOwnChangesBeforeTheyAreKept() {
    Api api = storedApi("orders");
    Owner org = storedOrganization("org_a");
    ApiKey key = newKey(org, api, storedScope(api, "read"));
    OrgCode code = new OrgCode("org_b");
    List<Object> seenInside = new ArrayList<>();

    assertThatThrownBy(
            () ->
                stores
                    .unitOfWork()
                    .inTransaction(
                        () -> {
                          stores.apiKeys().add(key);
                          stores.owners().addOrganization(new Organization(code, "B", NOW));
                          seenInside.add(stores.apiKeys().findById(key.id()).map(ApiKey::id));
                          seenInside.add(
                              stores
                                  .apiKeys()
                                  .list(ApiKeyFilter.ALL, PageRequest.first())
                                  .items()
                                  .stream()
                                  .map(ApiKey::id)
                                  .toList());
                          seenInside.add(
                              stores.owners().findOrganization(code).map(Organization::code));
                          throw new IllegalStateException("not kept");
                        }))
        .hasMessage("not kept");

    assertThat(seenInside)
        .containsExactly(Optional.of(key.id()), List.of(key.id()), Optional.of(code));
    assertThat(stores.apiKeys().findById(key.id())).isEmpty();
    assertThat(stores.owners().findOrganization(code)).isEmpty();
  }
}
