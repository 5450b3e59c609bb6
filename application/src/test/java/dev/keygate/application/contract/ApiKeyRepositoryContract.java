package dev.keygate.application.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keygate.application.fake.TestQueries;
import dev.keygate.application.port.query.ApiKeyFilter;
import dev.keygate.application.port.query.Page;
import dev.keygate.application.port.query.PageRequest;
import dev.keygate.domain.ConflictException;
import dev.keygate.domain.NotFoundException;
import dev.keygate.domain.api.Api;
import dev.keygate.domain.api.Scope;
import dev.keygate.domain.key.ApiKey;
import dev.keygate.domain.key.ApiKeyId;
import dev.keygate.domain.key.ApiKeyKind;
import dev.keygate.domain.key.ApiKeyStatus;
import dev.keygate.domain.key.KeySecret;
import dev.keygate.domain.owner.Owner;
import dev.keygate.domain.owner.OwnerType;
import dev.keygate.domain.policy.Credits;
import dev.keygate.domain.policy.IpAllowlist;
import dev.keygate.domain.policy.RateLimit;
import dev.keygate.domain.policy.Refill;
import dev.keygate.domain.policy.RefillMode;
import dev.keygate.domain.policy.UsagePolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@code ApiKeyRepository} must do, whatever stores the keys. */
public abstract class ApiKeyRepositoryContract extends StoreContract {

  private Api api;
  private Scope read;
  private Scope write;
  private Owner orgA;

  @BeforeEach
  void storeOwnersAndApi() {
    api = storedApi("https://users.example.com");
    read = storedScope(api, "read:users");
    write = storedScope(api, "write:users");
    orgA = storedOrganization("org_a");
  }

  @Test
  void addedKey_isFoundByIdExactlyAsItWasStored() {
    ApiKey key = newKey(orgA, api, read, write);

    stores.apiKeys().add(key);

    assertThat(stores.apiKeys().findById(key.id())).contains(key);
  }

  @Test
  void aKeysPolicy_isStoredAndReadBack_andReplacedByAnUpdate() {
    UsagePolicy policy =
        new UsagePolicy(
            List.of(RateLimit.of("burst", 100, 1), RateLimit.of("team.daily:v2", 10_000, 86_400)),
            Optional.of(new Credits(40, Optional.of(Refill.monthly(500, 31, RefillMode.ADD)))),
            IpAllowlist.parse(List.of("203.0.113.0/24", "2001:db8::/32", "198.51.100.7/32")));
    ApiKey key = newKey(orgA, api, read).withPolicy(policy);

    stores
        .unitOfWork()
        .inTransaction(
            () -> {
              stores.apiKeys().add(key);
              stores.credits().set(key.id(), 40, NOW);
              return null;
            });

    ApiKey stored = stores.apiKeys().findById(key.id()).orElseThrow();
    assertThat(stored).isEqualTo(key);
    UsagePolicy periodic =
        new UsagePolicy(
            List.of(),
            Optional.of(
                new Credits(
                    40, Optional.of(Refill.every(Duration.ofHours(12), 7, RefillMode.SET)))),
            IpAllowlist.ANYWHERE);
    ApiKey updated = stores.apiKeys().update(stored.withPolicy(periodic));
    assertThat(updated.policy()).isEqualTo(periodic);
    assertThat(stores.apiKeys().findById(key.id()).orElseThrow().policy()).isEqualTo(periodic);
    stores.credits().remove(key.id());
    ApiKey unmetered = stores.apiKeys().update(updated.withPolicy(UsagePolicy.NONE));
    assertThat(unmetered.policy()).isEqualTo(UsagePolicy.NONE);
    assertThat(stores.apiKeys().findById(key.id()).orElseThrow().policy())
        .isEqualTo(UsagePolicy.NONE);
  }

  @Test
  void addedKey_isFoundByEachOfItsSecretLookups() {
    ApiKey key = newKey(orgA, api, read);
    stores.apiKeys().add(key);
    ApiKey rotated = stores.apiKeys().update(key.rotate(newSecret(NOW), Duration.ofHours(1), NOW));

    for (KeySecret secret : rotated.secrets()) {
      assertThat(stores.apiKeys().findBySecretLookup(secret.lookup()))
          .map(ApiKey::id)
          .contains(key.id());
    }
    assertThat(rotated.secrets()).hasSize(2);
  }

  @Test
  void unknownIdOrLookup_isNotFound() {
    stores.apiKeys().add(newKey(orgA, api));

    assertThat(stores.apiKeys().findById(ApiKeyId.generate(CLOCK))).isEmpty();
    assertThat(stores.apiKeys().findBySecretLookup(newSecret(NOW).lookup())).isEmpty();
  }

  @Test
  void addingTheSameIdTwice_isAConflict() {
    ApiKey key = newKey(orgA, api);
    stores.apiKeys().add(key);

    assertThatThrownBy(() -> stores.apiKeys().add(key)).isInstanceOf(ConflictException.class);
  }

  @Test
  void aLookupAlreadyInUse_isAConflict() {
    ApiKey first = newKey(orgA, api);
    stores.apiKeys().add(first);
    ApiKey second = newKey(orgA, api);
    ApiKey sameLookup =
        new ApiKey(
            second.id(),
            second.name(),
            second.owner(),
            second.apiId(),
            second.scopes(),
            second.status(),
            second.createdOn(),
            second.createdBy(),
            second.madeBy(),
            second.kind(),
            second.expiresOn(),
            first.secrets(),
            second.usage(),
            second.revokedOn(),
            second.policy(),
            second.ownerLimits(),
            second.version());

    assertThatThrownBy(() -> stores.apiKeys().add(sameLookup))
        .isInstanceOf(ConflictException.class);
    assertThat(stores.apiKeys().findById(second.id())).isEmpty();
  }

  @Test
  void update_storesTheTransitionAndBumpsTheVersion() {
    ApiKey key = newKey(orgA, api, read);
    stores.apiKeys().add(key);

    ApiKey disabled = stores.apiKeys().update(key.disable());

    assertThat(disabled.status()).isEqualTo(ApiKeyStatus.INACTIVE);
    assertThat(disabled.version()).isGreaterThan(key.version());
    assertThat(stores.apiKeys().findById(key.id())).contains(disabled);
  }

  @Test
  void findVersion_isTheStoredVersion_movesWithEveryChangeAndIsEmptyForAnUnknownKey() {
    ApiKey key = newKey(orgA, api, read, write);
    stores.apiKeys().add(key);
    long created = stores.apiKeys().findVersion(key.id()).orElseThrow();

    ApiKey disabled = stores.apiKeys().update(key.disable());
    assertThat(stores.apiKeys().findVersion(key.id())).hasValue(disabled.version());
    assertThat(disabled.version()).isNotEqualTo(created);

    ApiKey rotated = stores.apiKeys().update(disabled.rotate(newSecret(NOW), Duration.ZERO, NOW));
    assertThat(stores.apiKeys().findVersion(key.id())).hasValue(rotated.version());
    assertThat(rotated.version()).isNotEqualTo(disabled.version());

    stores.apiKeys().withdrawScope(write.id());
    assertThat(stores.apiKeys().findVersion(key.id()).orElseThrow())
        .isNotEqualTo(rotated.version())
        .isEqualTo(stores.apiKeys().findById(key.id()).orElseThrow().version());

    assertThat(stores.apiKeys().findVersion(ApiKeyId.generate(CLOCK))).isEmpty();
  }

  @Test
  void update_storesASecretsNewHashUnderTheSameLookup() {
    ApiKey key = newKey(orgA, api, read);
    stores.apiKeys().add(key);
    KeySecret secret = key.currentSecret();

    ApiKey rehashed = stores.apiKeys().update(key.rehash(secret.lookup(), "$argon2id$v=19$new"));

    ApiKey stored = stores.apiKeys().findBySecretLookup(secret.lookup()).orElseThrow();
    assertThat(stored.currentSecret().hash()).isEqualTo("$argon2id$v=19$new");
    assertThat(stored.currentSecret().lookup()).isEqualTo(secret.lookup());
    assertThat(stored.secrets()).hasSize(1);
    assertThat(stored.version()).isEqualTo(rehashed.version()).isGreaterThan(key.version());
  }

  @Test
  void update_storesRevocationTime() {
    ApiKey key = newKey(orgA, api);
    stores.apiKeys().add(key);

    ApiKey revoked = stores.apiKeys().update(key.revoke(NOW.plusSeconds(5)));

    assertThat(stores.apiKeys().findById(key.id()).orElseThrow().revokedOn())
        .contains(NOW.plusSeconds(5));
    assertThat(revoked.status()).isEqualTo(ApiKeyStatus.REVOKED);
  }

  @Test
  void updateFromAStaleVersion_isAConflictAndChangesNothing() {
    ApiKey key = newKey(orgA, api);
    stores.apiKeys().add(key);
    ApiKey disabled = stores.apiKeys().update(key.disable());

    assertThatThrownBy(() -> stores.apiKeys().update(key.revoke(NOW)))
        .isInstanceOf(ConflictException.class);
    assertThat(stores.apiKeys().findById(key.id())).contains(disabled);
  }

  @Test
  void concurrentUpdatesFromOneVersion_exactlyOneWinsAndTheRestConflict() throws Exception {
    ApiKey key = newKey(orgA, api);
    stores.apiKeys().add(key);
    int writers = 8;
    ExecutorService threads = Executors.newFixedThreadPool(writers);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Boolean>> outcomes = new ArrayList<>();
    for (int i = 0; i < writers; i++) {
      outcomes.add(
          threads.submit(
              () -> {
                start.await();
                try {
                  stores.apiKeys().update(key.disable());
                  return true;
                } catch (ConflictException lost) {
                  return false;
                }
              }));
    }
    start.countDown();
    int won = 0;
    for (Future<Boolean> outcome : outcomes) {
      won += outcome.get(30, TimeUnit.SECONDS) ? 1 : 0;
    }
    threads.shutdown();

    assertThat(won).isEqualTo(1);
    assertThat(stores.apiKeys().findById(key.id()).orElseThrow().status())
        .isEqualTo(ApiKeyStatus.INACTIVE);
  }

  @Test
  void updateOfAnUnknownKey_isNotFound() {
    ApiKey key = newKey(orgA, api);

    assertThatThrownBy(() -> stores.apiKeys().update(key.disable()))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void rotationWithoutGrace_dropsTheOldSecret() {
    ApiKey key = newKey(orgA, api);
    stores.apiKeys().add(key);
    KeySecret old = key.currentSecret();
    KeySecret fresh = newSecret(NOW.plusSeconds(1));

    ApiKey rotated = stores.apiKeys().update(key.rotate(fresh, Duration.ZERO, NOW.plusSeconds(1)));

    assertThat(rotated.secrets()).containsExactly(fresh);
    assertThat(stores.apiKeys().findBySecretLookup(old.lookup())).isEmpty();
    assertThat(stores.apiKeys().findBySecretLookup(fresh.lookup())).contains(rotated);
  }

  @Test
  void rotationWithGrace_keepsTheOldSecretWithItsDeadlineAndTheNewOneLast() {
    ApiKey key = newKey(orgA, api);
    stores.apiKeys().add(key);
    KeySecret fresh = newSecret(NOW);

    stores.apiKeys().update(key.rotate(fresh, Duration.ofHours(1), NOW));

    ApiKey stored = stores.apiKeys().findById(key.id()).orElseThrow();
    assertThat(stored.currentSecret()).isEqualTo(fresh);
    assertThat(stored.secrets().get(0).expiresOn()).contains(NOW.plus(Duration.ofHours(1)));
  }

  @Test
  void list_filtersByOwnerTypeOwnerStatusAndApi() {
    Owner orgB = storedOrganization("org_b");
    Owner alice = storedUser("kp_alice");
    Api other = storedApi("https://billing.example.com");
    ApiKey ofA = newKey(orgA, api);
    ApiKey ofB = newKey(orgB, api);
    ApiKey ofAlice = newKey(alice, api);
    ApiKey onOther = newKey(orgA, other);
    List.of(ofA, ofB, ofAlice, onOther).forEach(stores.apiKeys()::add);
    ApiKey disabledB = stores.apiKeys().update(ofB.disable());

    assertThat(
            ids(
                listAll(
                    new ApiKeyFilter(
                        Optional.of(OwnerType.USER),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty()))))
        .containsExactly(ofAlice.id());
    assertThat(ids(listAll(ApiKeyFilter.ALL.ownedBy(orgA))))
        .containsExactlyElementsOf(sortedIds(ofA, onOther));
    assertThat(ids(listAll(TestQueries.keysIn(ApiKeyStatus.INACTIVE))))
        .containsExactly(disabledB.id());
    assertThat(
            ids(
                listAll(
                    new ApiKeyFilter(
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.of(other.id())))))
        .containsExactly(onOther.id());
    assertThat(ids(listAll(ApiKeyFilter.ALL))).hasSize(4);
  }

  @Test
  void anEnvironmentKey_roundTripsAndIsListedAndCountedAsTheEnvironments() {
    Owner environment = new Owner.Environment();
    ApiKey ofEnvironment = newKey(environment, api, read);
    ApiKey ofA = newKey(orgA, api);
    // An organization whose code is the environment's id is still not the environment.
    ApiKey ofLookalike = newKey(storedOrganization("environment"), api);
    List.of(ofEnvironment, ofA, ofLookalike).forEach(stores.apiKeys()::add);

    ApiKey found = stores.apiKeys().findById(ofEnvironment.id()).orElseThrow();
    assertThat(found).isEqualTo(ofEnvironment);
    assertThat(found.owner()).isEqualTo(environment);
    assertThat(
            ids(
                listAll(
                    new ApiKeyFilter(
                        Optional.of(OwnerType.ENVIRONMENT),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty()))))
        .containsExactly(ofEnvironment.id());
    assertThat(ids(listAll(ApiKeyFilter.ALL.ownedBy(environment))))
        .containsExactly(ofEnvironment.id());
    assertThat(
            ids(
                listAll(
                    new ApiKeyFilter(
                        Optional.of(OwnerType.ORGANIZATION),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty()))))
        .containsExactlyElementsOf(sortedIds(ofA, ofLookalike));
    assertThat(stores.apiKeys().countLive(environment, NOW)).isEqualTo(1);

    ApiKey revoked = stores.apiKeys().update(found.revoke(NOW));
    assertThat(stores.apiKeys().findById(ofEnvironment.id())).contains(revoked);
    assertThat(stores.apiKeys().countLive(environment, NOW)).isZero();
  }

  @Test
  void list_pagesInIdOrderAfterTheCursor() {
    List<ApiKey> keys = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      ApiKey key = newKey(orgA, api);
      stores.apiKeys().add(key);
      keys.add(key);
    }
    List<ApiKeyId> expected = sortedIds(keys.toArray(ApiKey[]::new));

    Page<ApiKey> first = stores.apiKeys().list(ApiKeyFilter.ALL, PageRequest.first(2));
    Page<ApiKey> second =
        stores
            .apiKeys()
            .list(ApiKeyFilter.ALL, new PageRequest(2, Optional.of(expected.get(1).value())));
    Page<ApiKey> last =
        stores
            .apiKeys()
            .list(ApiKeyFilter.ALL, new PageRequest(2, Optional.of(expected.get(3).value())));

    assertThat(ids(first.items())).containsExactlyElementsOf(expected.subList(0, 2));
    assertThat(first.hasMore()).isTrue();
    assertThat(ids(second.items())).containsExactlyElementsOf(expected.subList(2, 4));
    assertThat(second.hasMore()).isTrue();
    assertThat(ids(last.items())).containsExactly(expected.get(4));
    assertThat(last.hasMore()).isFalse();
  }

  @Test
  void list_searchMatchesANamePartOrAnIdStartEitherCase() {
    ApiKey billing = named(newKey(orgA, api), "Billing Export");
    ApiKey reporting = named(newKey(orgA, api), "reporting");
    ApiKey wildcard = named(newKey(orgA, api), "100%_sure");
    List.of(billing, reporting, wildcard).forEach(stores.apiKeys()::add);
    String idStart = reporting.id().value();

    assertThat(ids(listAll(ApiKeyFilter.ALL.searching("LING EX")))).containsExactly(billing.id());
    assertThat(ids(listAll(ApiKeyFilter.ALL.searching(idStart.toUpperCase(Locale.ROOT)))))
        .containsExactly(reporting.id());
    assertThat(listAll(ApiKeyFilter.ALL.searching("API_KEY_"))).hasSize(3);
    assertThat(ids(listAll(ApiKeyFilter.ALL.searching("0%_s")))).containsExactly(wildcard.id());
    assertThat(listAll(ApiKeyFilter.ALL.searching("%")))
        .extracting(ApiKey::id)
        .containsExactly(wildcard.id());
    assertThat(listAll(ApiKeyFilter.ALL.searching("_")))
        .extracting(ApiKey::id)
        .containsExactly(wildcard.id());
    assertThat(listAll(ApiKeyFilter.ALL.searching("porting").ownedBy(orgA)))
        .extracting(ApiKey::id)
        .containsExactly(reporting.id());
    assertThat(listAll(ApiKeyFilter.ALL.searching(reporting.id().value().substring(4)))).isEmpty();
  }

  @Test
  void list_searchPagesByKeyset() {
    List<ApiKey> matching = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      ApiKey key = named(newKey(orgA, api), "match " + i);
      stores.apiKeys().add(key);
      matching.add(key);
      stores.apiKeys().add(named(newKey(orgA, api), "other " + i));
    }
    List<ApiKeyId> expected = sortedIds(matching.toArray(ApiKey[]::new));
    ApiKeyFilter filter = ApiKeyFilter.ALL.searching("MATCH");

    Page<ApiKey> first = stores.apiKeys().list(filter, PageRequest.first(2));
    Page<ApiKey> rest =
        stores.apiKeys().list(filter, new PageRequest(2, Optional.of(expected.get(1).value())));

    assertThat(ids(first.items())).containsExactlyElementsOf(expected.subList(0, 2));
    assertThat(first.hasMore()).isTrue();
    assertThat(ids(rest.items())).containsExactly(expected.get(2));
    assertThat(rest.hasMore()).isFalse();
  }

  @Test
  void portalLinkKey_keepsItsKindAndIsLeftOutOfAListOfStandardKeys() {
    ApiKey standard = newKey(orgA, api);
    ApiKey portal = portalLinkKey(NOW.plus(Duration.ofHours(1)));
    stores.apiKeys().add(standard);
    stores.apiKeys().add(portal);

    assertThat(stores.apiKeys().findById(portal.id())).contains(portal);
    assertThat(stores.apiKeys().findById(portal.id()).orElseThrow().kind())
        .isEqualTo(ApiKeyKind.PORTAL_LINK);
    assertThat(ids(listAll(ApiKeyFilter.ALL.ofKind(ApiKeyKind.STANDARD))))
        .containsExactly(standard.id());
    assertThat(ids(listAll(ApiKeyFilter.ALL.ofKind(ApiKeyKind.PORTAL_LINK))))
        .containsExactly(portal.id());
    assertThat(ids(listAll(ApiKeyFilter.ALL)))
        .containsExactlyInAnyOrder(standard.id(), portal.id());
  }

  @Test
  void removeExpiredPortalLinks_removesOnlyPortalLinksExpiredBeforeTheTimeGiven() {
    ApiKey expired = portalLinkKey(NOW.minus(Duration.ofHours(1)));
    ApiKey expiredLater = portalLinkKey(NOW.minus(Duration.ofMinutes(30)));
    ApiKey live = portalLinkKey(NOW.plus(Duration.ofHours(1)));
    ApiKey standardExpired =
        ApiKey.create(
            ApiKeyId.generate(CLOCK),
            "expired standard key",
            orgA,
            api.id(),
            Set.of(read),
            newSecret(NOW.minus(Duration.ofDays(1))),
            "test:contract",
            Optional.empty(),
            Optional.of(NOW.minus(Duration.ofHours(2))),
            NOW.minus(Duration.ofDays(1)));
    stores
        .unitOfWork()
        .inTransaction(
            () -> {
              List.of(expired, expiredLater, live, standardExpired).forEach(stores.apiKeys()::add);
              stores.credits().set(expired.id(), 40, NOW);
              return null;
            });

    List<ApiKey> first = stores.apiKeys().removeExpiredPortalLinks(NOW, 1);
    List<ApiKey> second = stores.apiKeys().removeExpiredPortalLinks(NOW, 10);

    assertThat(ids(first)).containsExactly(expired.id());
    assertThat(ids(second)).containsExactly(expiredLater.id());
    assertThat(stores.apiKeys().removeExpiredPortalLinks(NOW, 10)).isEmpty();
    assertThat(stores.apiKeys().findById(expired.id())).isEmpty();
    assertThat(stores.apiKeys().findBySecretLookup(expired.currentSecret().lookup())).isEmpty();
    assertThat(stores.apiKeys().findById(live.id())).contains(live);
    assertThat(stores.apiKeys().findById(standardExpired.id())).contains(standardExpired);
  }

  @Test
  void removeExpiredPortalLinks_inAUnitThatFails_removesNothing() {
    ApiKey expired = portalLinkKey(NOW.minus(Duration.ofHours(1)));
    stores.apiKeys().add(expired);

    assertThatThrownBy(
            () ->
                stores
                    .unitOfWork()
                    .inTransaction(
                        () -> {
                          stores.apiKeys().removeExpiredPortalLinks(NOW, 10);
                          throw new IllegalStateException("the audit event failed");
                        }))
        .isInstanceOf(IllegalStateException.class);

    assertThat(stores.apiKeys().findById(expired.id())).contains(expired);
  }

  /** A portal link's key of {@code orgA} on the test API, made an hour before it expires. */
  private ApiKey portalLinkKey(Instant expiresOn) {
    Instant made = expiresOn.minus(Duration.ofHours(1));
    return ApiKey.createPortalLink(
        ApiKeyId.generate(CLOCK),
        "Portal link",
        orgA,
        api.id(),
        Set.of(read),
        newSecret(made),
        "test:contract",
        Optional.empty(),
        expiresOn,
        made);
  }

  private static ApiKey named(ApiKey key, String name) {
    return key.rename(name);
  }

  @Test
  void list_aPageExactlyFullHasNoMore() {
    stores.apiKeys().add(newKey(orgA, api));
    stores.apiKeys().add(newKey(orgA, api));

    Page<ApiKey> page = stores.apiKeys().list(ApiKeyFilter.ALL, PageRequest.first(2));

    assertThat(page.items()).hasSize(2);
    assertThat(page.hasMore()).isFalse();
  }

  @Test
  void countByApi_countsKeysOfEveryStatus() {
    Api other = storedApi("https://billing.example.com");
    ApiKey revoked = newKey(orgA, api);
    stores.apiKeys().add(revoked);
    stores.apiKeys().update(revoked.revoke(NOW));
    stores.apiKeys().add(newKey(orgA, api));
    stores.apiKeys().add(newKey(orgA, other));

    assertThat(stores.apiKeys().countByApi(api.id())).isEqualTo(2);
    assertThat(stores.apiKeys().countByApi(other.id())).isEqualTo(1);
  }

  @Test
  void keyMadeByAnotherKey_isFoundWithItsMaker() {
    ApiKey maker = newKey(orgA, api);
    stores.apiKeys().add(maker);
    ApiKey made =
        ApiKey.create(
            ApiKeyId.generate(CLOCK),
            "made",
            orgA,
            api.id(),
            Set.of(read),
            newSecret(NOW),
            "api_key:" + maker.id(),
            Optional.of(maker.id()),
            Optional.empty(),
            NOW);

    stores.apiKeys().add(made);

    assertThat(stores.apiKeys().findById(made.id()).orElseThrow().madeBy()).contains(maker.id());
    assertThat(stores.apiKeys().findById(maker.id()).orElseThrow().madeBy()).isEmpty();
  }

  @Test
  void countLive_countsTheOwnersKeysNeitherRevokedNorExpired() {
    Owner orgB = storedOrganization("org_b");
    ApiKey revoked = newKey(orgA, api);
    stores.apiKeys().add(revoked);
    stores.apiKeys().update(revoked.revoke(NOW));
    ApiKey disabled = newKey(orgA, api);
    stores.apiKeys().add(disabled);
    stores.apiKeys().update(disabled.disable());
    stores.apiKeys().add(newKey(orgA, api));
    ApiKey expiring =
        ApiKey.create(
            ApiKeyId.generate(CLOCK),
            "expiring",
            orgA,
            api.id(),
            Set.of(),
            newSecret(NOW),
            "test:contract",
            Optional.empty(),
            Optional.of(NOW.plusSeconds(60)),
            NOW);
    stores.apiKeys().add(expiring);
    stores.apiKeys().add(newKey(orgB, api));

    assertThat(stores.apiKeys().countLive(orgA, NOW)).isEqualTo(3);
    assertThat(stores.apiKeys().countLive(orgA, NOW.plusSeconds(60))).isEqualTo(2);
    assertThat(stores.apiKeys().countLive(orgB, NOW)).isEqualTo(1);
    assertThat(stores.apiKeys().countLive(storedUser("kp_nobody"), NOW)).isZero();
  }

  @Test
  void expiringBetween_givesTheKeysNotRevokedExpiringInTheRange_earliestFirst_fullyLoaded() {
    ApiKey last = expiringAt(orgA, NOW.plusSeconds(300), read, write);
    ApiKey first = expiringAt(orgA, NOW.plusSeconds(100), read);
    ApiKey disabled = expiringAt(storedUser("kp_alice"), NOW.plusSeconds(200));
    stores.apiKeys().update(disabled.disable());
    ApiKey revoked = expiringAt(orgA, NOW.plusSeconds(150));
    stores.apiKeys().update(revoked.revoke(NOW));
    ApiKey atTheStart = expiringAt(orgA, NOW.plusSeconds(50));
    ApiKey afterTheEnd = expiringAt(orgA, NOW.plusSeconds(301));
    stores.apiKeys().add(newKey(orgA, api));

    List<ApiKey> expiring =
        stores.apiKeys().expiringBetween(NOW.plusSeconds(50), NOW.plusSeconds(300), 10);

    assertThat(ids(expiring)).containsExactly(first.id(), disabled.id(), last.id());
    // loaded as findById loads them: scopes, secrets and status included
    assertThat(expiring.get(0)).isEqualTo(first);
    assertThat(expiring.get(1).status()).isEqualTo(ApiKeyStatus.INACTIVE);
    assertThat(expiring.get(2)).isEqualTo(stores.apiKeys().findById(last.id()).orElseThrow());
    assertThat(expiring.get(2).scopes()).containsExactlyInAnyOrder(read, write);
    assertThat(ids(expiring)).doesNotContain(atTheStart.id(), afterTheEnd.id(), revoked.id());
  }

  @Test
  void expiringBetween_givesAtMostTheLimit_theEarliest() {
    ApiKey third = expiringAt(orgA, NOW.plusSeconds(30));
    ApiKey first = expiringAt(orgA, NOW.plusSeconds(10));
    ApiKey second = expiringAt(orgA, NOW.plusSeconds(20));

    assertThat(ids(stores.apiKeys().expiringBetween(NOW, NOW.plusSeconds(60), 2)))
        .containsExactly(first.id(), second.id());
    assertThat(ids(stores.apiKeys().expiringBetween(NOW.plusSeconds(20), NOW.plusSeconds(60), 5)))
        .containsExactly(third.id());
    assertThat(stores.apiKeys().expiringBetween(NOW.plusSeconds(30), NOW.plusSeconds(60), 5))
        .isEmpty();
  }

  /** A stored, active key of {@code owner} that expires at {@code expiresOn}. */
  private ApiKey expiringAt(Owner owner, Instant expiresOn, Scope... scopes) {
    ApiKey key =
        ApiKey.create(
            ApiKeyId.generate(CLOCK),
            "expiring",
            owner,
            api.id(),
            Set.of(scopes),
            newSecret(NOW),
            "test:contract",
            Optional.empty(),
            Optional.of(expiresOn),
            NOW);
    stores.apiKeys().add(key);
    return key;
  }

  @Test
  void withdrawScope_takesItFromEveryHolderAndGuardsAgainstStaleWrites() {
    ApiKey both = newKey(orgA, api, read, write);
    ApiKey readOnly = newKey(orgA, api, read);
    ApiKey writeOnly = newKey(orgA, api, write);
    List.of(both, readOnly, writeOnly).forEach(stores.apiKeys()::add);

    stores.apiKeys().withdrawScope(read.id());

    assertThat(stores.apiKeys().findById(both.id()).orElseThrow().scopes()).containsExactly(write);
    assertThat(stores.apiKeys().findById(readOnly.id()).orElseThrow().scopes()).isEmpty();
    assertThat(stores.apiKeys().findById(writeOnly.id())).contains(writeOnly);
    assertThatThrownBy(() -> stores.apiKeys().update(both.disable()))
        .isInstanceOf(ConflictException.class);
  }

  private List<ApiKey> listAll(ApiKeyFilter filter) {
    return stores
        .apiKeys()
        .list(filter, new PageRequest(PageRequest.MAX_SIZE, Optional.empty()))
        .items();
  }

  private static List<ApiKeyId> ids(List<ApiKey> keys) {
    return keys.stream().map(ApiKey::id).toList();
  }

  private static List<ApiKeyId> sortedIds(ApiKey... keys) {
    return Set.of(keys).stream()
        .map(ApiKey::id)
        .sorted(Comparator.comparing(ApiKeyId::value))
        .toList();
  }
}
