package dev.keygate.application.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keygate.application.port.out.UsageHistory;
import dev.keygate.application.port.out.UsageRecorder;
import dev.keygate.application.port.query.UsageQuery;
import dev.keygate.application.port.query.UsageQuery.Granularity;
import dev.keygate.domain.api.Api;
import dev.keygate.domain.key.ApiKey;
import dev.keygate.domain.key.Usage;
import dev.keygate.domain.owner.Owner;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What every {@code UsageRecorder} must do: after a flush, a key's stored usage counts every valid
 * verification and shows the latest one's time and address, and its history counts every
 * verification by outcome, per hour and per day, for the key and for its owner.
 */
public abstract class UsageRecorderContract extends StoreContract {

  /** The recorder under test, writing into {@link #stores}. */
  protected abstract UsageRecorder recorder();

  /** Makes everything recorded so far visible in the stores. */
  protected abstract void flush();

  /** The history the recorder's counts are read back from. */
  protected abstract UsageHistory history();

  private static final String LIMITED = "API_KEY_RATE_LIMITED";
  private static final String EXCEEDED = "API_KEY_USAGE_EXCEEDED";
  private static final Instant HOUR = Instant.parse("2026-03-01T12:00:00Z");

  private void record(ApiKey key, String outcome, Instant at) {
    recorder().record(key.id(), outcome, at, Optional.of("10.0.0.9"));
  }

  private static UsageQuery ofKey(ApiKey key, Granularity granularity, Instant from, Instant to) {
    return new UsageQuery(Optional.of(key.id()), Optional.empty(), granularity, from, to);
  }

  @Test
  void everyOutcome_isCountedPerHour_inTheRangeAsked() {
    ApiKey key = storedKey();
    record(key, UsageRecorder.VERIFIED, HOUR.plusSeconds(60));
    record(key, LIMITED, HOUR.plusSeconds(120));
    record(key, UsageRecorder.VERIFIED, HOUR.plusSeconds(3_599));
    record(key, UsageRecorder.VERIFIED, HOUR.plusSeconds(3_600));
    record(key, EXCEEDED, HOUR.plusSeconds(7_200));
    record(key, LIMITED, HOUR.minusSeconds(1));
    flush();

    assertThat(history().counts(ofKey(key, Granularity.HOUR, HOUR, HOUR.plusSeconds(7_200))))
        .containsExactlyInAnyOrder(
            new UsageHistory.Count(HOUR, UsageRecorder.VERIFIED, 2),
            new UsageHistory.Count(HOUR, LIMITED, 1),
            new UsageHistory.Count(HOUR.plusSeconds(3_600), UsageRecorder.VERIFIED, 1));
  }

  @Test
  void everyOutcome_isCountedPerDay_acrossFlushes() {
    ApiKey key = storedKey();
    Instant day = Instant.parse("2026-03-01T00:00:00Z");
    record(key, UsageRecorder.VERIFIED, day.plusSeconds(1));
    record(key, LIMITED, day.plusSeconds(50_000));
    flush();
    record(key, UsageRecorder.VERIFIED, day.plusSeconds(86_399));
    record(key, UsageRecorder.VERIFIED, day.plusSeconds(86_400));
    flush();

    assertThat(
            history()
                .counts(
                    ofKey(
                        key,
                        Granularity.DAY,
                        day.minusSeconds(86_400),
                        day.plusSeconds(2 * 86_400))))
        .containsExactlyInAnyOrder(
            new UsageHistory.Count(day, UsageRecorder.VERIFIED, 2),
            new UsageHistory.Count(day, LIMITED, 1),
            new UsageHistory.Count(day.plusSeconds(86_400), UsageRecorder.VERIFIED, 1));
  }

  @Test
  void anOwnersHistory_sumsItsKeysAndNoOneElses() {
    Api api = storedApi("https://orders.example.com");
    Owner acme = storedOrganization("org_acme");
    ApiKey first = newKey(acme, api);
    ApiKey second = newKey(acme, api);
    ApiKey others = newKey(storedOrganization("org_other"), api);
    stores.apiKeys().add(first);
    stores.apiKeys().add(second);
    stores.apiKeys().add(others);
    record(first, UsageRecorder.VERIFIED, HOUR.plusSeconds(1));
    record(second, UsageRecorder.VERIFIED, HOUR.plusSeconds(2));
    record(second, LIMITED, HOUR.plusSeconds(3));
    record(others, UsageRecorder.VERIFIED, HOUR.plusSeconds(4));
    flush();

    UsageQuery query =
        new UsageQuery(
            Optional.empty(), Optional.of(acme), Granularity.HOUR, HOUR, HOUR.plusSeconds(3_600));
    assertThat(history().counts(query))
        .containsExactlyInAnyOrder(
            new UsageHistory.Count(HOUR, UsageRecorder.VERIFIED, 2),
            new UsageHistory.Count(HOUR, LIMITED, 1));
  }

  @Test
  void aRefusedVerification_isCounted_butIsNotTheKeysLastVerification() {
    ApiKey key = storedKey();
    record(key, LIMITED, HOUR.plusSeconds(5));
    flush();

    assertThat(stores.apiKeys().findById(key.id()).orElseThrow().usage())
        .isEqualTo(new Usage(Optional.empty(), Optional.empty(), 0));
    assertThat(history().counts(ofKey(key, Granularity.HOUR, HOUR, HOUR.plusSeconds(3_600))))
        .containsExactly(new UsageHistory.Count(HOUR, LIMITED, 1));
  }

  @Test
  void flushedUsage_countsEveryVerificationAndKeepsTheLatest() {
    ApiKey key = storedKey();

    recorder()
        .record(key.id(), UsageRecorder.VERIFIED, NOW.plusSeconds(2), Optional.of("10.0.0.2"));
    recorder()
        .record(key.id(), UsageRecorder.VERIFIED, NOW.plusSeconds(5), Optional.of("10.0.0.5"));
    recorder()
        .record(key.id(), UsageRecorder.VERIFIED, NOW.plusSeconds(3), Optional.of("10.0.0.3"));
    flush();

    assertThat(stores.apiKeys().findById(key.id()).orElseThrow().usage())
        .isEqualTo(new Usage(Optional.of(NOW.plusSeconds(5)), Optional.of("10.0.0.5"), 3));
  }

  @Test
  void laterFlushes_addToTheCount() {
    ApiKey key = storedKey();
    recorder()
        .record(key.id(), UsageRecorder.VERIFIED, NOW.plusSeconds(1), Optional.of("10.0.0.1"));
    flush();
    recorder().record(key.id(), UsageRecorder.VERIFIED, NOW.plusSeconds(2), Optional.empty());
    flush();

    Usage usage = stores.apiKeys().findById(key.id()).orElseThrow().usage();
    assertThat(usage.verificationCount()).isEqualTo(2);
    assertThat(usage.lastVerifiedOn()).contains(NOW.plusSeconds(2));
  }

  @Test
  void usage_neitherChangesTheVersionNorIsLostByAKeyUpdate() {
    ApiKey key = storedKey();
    recorder()
        .record(key.id(), UsageRecorder.VERIFIED, NOW.plusSeconds(1), Optional.of("10.0.0.1"));
    flush();

    ApiKey disabled = stores.apiKeys().update(key.disable());

    ApiKey stored = stores.apiKeys().findById(key.id()).orElseThrow();
    assertThat(stored.usage().verificationCount()).isEqualTo(1);
    assertThat(disabled.version()).isGreaterThan(key.version());
  }

  @Test
  void concurrentVerifications_areAllCounted() throws Exception {
    ApiKey key = storedKey();
    ExecutorService threads = Executors.newFixedThreadPool(8);
    List<Future<?>> done = new ArrayList<>();
    for (int thread = 0; thread < 8; thread++) {
      done.add(
          threads.submit(
              () -> {
                for (int i = 0; i < 250; i++) {
                  recorder()
                      .record(
                          key.id(), UsageRecorder.VERIFIED, NOW.plusMillis(i), Optional.empty());
                }
              }));
    }
    for (Future<?> future : done) {
      future.get(30, TimeUnit.SECONDS);
    }
    threads.shutdown();
    flush();

    assertThat(stores.apiKeys().findById(key.id()).orElseThrow().usage().verificationCount())
        .isEqualTo(2_000);
  }

  private ApiKey storedKey() {
    Api api = storedApi("https://users.example.com");
    ApiKey key = newKey(storedOrganization("org_a"), api);
    stores.apiKeys().add(key);
    return key;
  }
}
