package dev.keygate.application.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keygate.application.port.out.UsageRecorder;
import dev.keygate.domain.api.Api;
import dev.keygate.domain.key.ApiKey;
import dev.keygate.domain.key.Usage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What every {@code UsageRecorder} must do: after a flush, a key's stored usage counts every
 * recorded verification and shows the latest one's time and address.
 */
public abstract class UsageRecorderContract extends StoreContract {

  /** The recorder under test, writing into {@link #stores}. */
  protected abstract UsageRecorder recorder();

  /** Makes everything recorded so far visible in the stores. */
  protected abstract void flush();

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
