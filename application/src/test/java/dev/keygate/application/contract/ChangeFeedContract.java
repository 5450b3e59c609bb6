package dev.keygate.application.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keygate.application.port.out.ChangeFeed;
import dev.keygate.application.port.out.ChangeFeed.Change;
import dev.keygate.domain.api.Api;
import dev.keygate.domain.api.Scope;
import dev.keygate.domain.application.Application;
import dev.keygate.domain.application.ApplicationId;
import dev.keygate.domain.application.SigningKey;
import dev.keygate.domain.grant.Grant;
import dev.keygate.domain.key.ApiKey;
import dev.keygate.domain.owner.OrgCode;
import dev.keygate.domain.owner.Owner;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * What every store's change feed must hold: each change a verification depends on, written through
 * any repository, numbered in commit order without gaps, and nothing of a unit that threw.
 */
public abstract class ChangeFeedContract extends StoreContract {

  private ChangeFeed feed() {
    return stores.changeFeed();
  }

  /** What the feed holds after {@code since}: kinds and subjects, in order. */
  private List<String> changesAfter(long since) {
    List<Change> changes = feed().after(since, 1_000);
    assertThat(changes)
        .extracting(Change::number)
        .containsExactlyElementsOf(
            LongStream.rangeClosed(since + 1, since + changes.size()).boxed().toList());
    assertThat(feed().latest()).isEqualTo(since + changes.size());
    return changes.stream().map(change -> change.kind() + " " + change.subject()).toList();
  }

  @Test
  void keyAddedThenChanged_areTwoChanges_numberedOnFromTheLatest() {
    Api api = storedApi("orders");
    Owner org = storedOrganization("org_a");
    ApiKey key = newKey(org, api, storedScope(api, "read"));
    long before = feed().latest();

    stores.apiKeys().add(key);
    stores.apiKeys().update(key.disable());

    assertThat(changesAfter(before)).containsExactly("API_KEY " + key.id(), "API_KEY " + key.id());
  }

  @Test
  void unitThatThrows_leavesNoChangeAndTakesNoNumber() {
    Api api = storedApi("orders");
    Owner org = storedOrganization("org_a");
    ApiKey key = newKey(org, api, storedScope(api, "read"));
    long before = feed().latest();

    assertThatThrownBy(
            () ->
                stores
                    .unitOfWork()
                    .inTransaction(
                        () -> {
                          stores.apiKeys().add(key);
                          throw new IllegalStateException("the unit fails after the change");
                        }))
        .isInstanceOf(IllegalStateException.class);
    ApiKey other = newKey(org, api);
    stores.apiKeys().add(other);

    assertThat(changesAfter(before)).containsExactly("API_KEY " + other.id());
  }

  @Test
  void scopeWithdrawn_isAChangeOfEveryKeyThatHeldIt() {
    Api api = storedApi("orders");
    Owner org = storedOrganization("org_a");
    Scope read = storedScope(api, "read");
    ApiKey holder = newKey(org, api, read);
    ApiKey other = newKey(org, api);
    stores.apiKeys().add(holder);
    stores.apiKeys().add(other);
    long before = feed().latest();

    stores.apiKeys().withdrawScope(read.id());

    assertThat(changesAfter(before)).containsExactly("API_KEY " + holder.id());
  }

  @Test
  void applicationsSigningKeysAndGrants_areChangesOfTheirKind() {
    Api api = storedApi("orders");
    Owner org = storedOrganization("org_a");
    Scope read = storedScope(api, "read");
    Application application =
        Application.create(
            ApplicationId.generate(CLOCK),
            "Billing sync",
            Optional.of(new OrgCode("org_a")),
            "$argon2id$v=19$m=64,t=1,p=1$c2FsdA$aGFzaA",
            NOW,
            "test:contract",
            Optional.empty(),
            Optional.empty());
    SigningKey signingKey =
        new SigningKey("kg_1", "{\"kty\":\"RSA\"}", "{\"kty\":\"RSA\"}", NOW, Optional.empty());
    long before = feed().latest();

    stores.applications().add(application);
    stores.applications().update(application.renamed("Billing"));
    stores.applications().delete(application.id());
    stores.signingKeys().add(signingKey);
    stores.grants().put(new Grant(org, api.id(), Set.of(read), NOW, "test:contract"));
    stores.grants().remove(org, api.id());

    String owner = org.type().name() + ":" + org.id();
    assertThat(changesAfter(before))
        .containsExactly(
            "APPLICATION " + application.id(),
            "APPLICATION " + application.id(),
            "APPLICATION " + application.id(),
            "SIGNING_KEY kg_1",
            "OWNER_GRANTS " + owner,
            "OWNER_GRANTS " + owner);
  }

  @Test
  void oneUnitsChanges_areNumberedTogether() {
    Api api = storedApi("orders");
    Owner org = storedOrganization("org_a");
    ApiKey first = newKey(org, api);
    ApiKey second = newKey(org, api);
    long before = feed().latest();

    stores
        .unitOfWork()
        .inTransaction(
            () -> {
              stores.apiKeys().add(first);
              stores.apiKeys().add(second);
              stores.apiKeys().update(first.disable());
              return null;
            });

    // A store may note a thing changed twice in one unit once or twice; numbers stay gapless.
    assertThat(changesAfter(before))
        .containsOnly("API_KEY " + first.id(), "API_KEY " + second.id());
  }

  @Test
  void after_givesAtMostTheLimit_fromTheNumberOn() {
    Api api = storedApi("orders");
    Owner org = storedOrganization("org_a");
    long before = feed().latest();
    for (int i = 0; i < 5; i++) {
      stores.apiKeys().add(newKey(org, api));
    }

    assertThat(feed().after(before + 1, 2))
        .extracting(Change::number)
        .containsExactly(before + 2, before + 3);
    assertThat(feed().after(before + 5, 10)).isEmpty();
  }

  @Test
  void pruned_changesAreGone_theirNumbersStayTaken() {
    Api api = storedApi("orders");
    Owner org = storedOrganization("org_a");
    long before = feed().latest();
    stores.apiKeys().add(newKey(org, api));

    feed().prune(Instant.now().plusSeconds(60));

    assertThat(feed().after(before, 10)).isEmpty();
    assertThat(feed().latest()).isEqualTo(before + 1);
  }
}
