package dev.keygate.adapter.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keygate.domain.api.ApiId;
import dev.keygate.domain.key.ApiKey;
import dev.keygate.domain.key.ApiKeyId;
import dev.keygate.domain.key.KeySecret;
import dev.keygate.domain.owner.OrgCode;
import dev.keygate.domain.owner.Owner;
import dev.keygate.domain.token.KeyPrefix;
import dev.keygate.domain.token.SecretLookup;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CaffeineKeyStateCacheTest {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

  private final AtomicLong nanos = new AtomicLong();

  private static ApiKey newKey(String lookup) {
    KeySecret secret =
        KeySecret.issued(
            KeyPrefix.DEFAULT, new SecretLookup(lookup), "abcd", "$argon2id$x", CLOCK.instant());
    return ApiKey.create(
        ApiKeyId.generate(CLOCK),
        "key",
        new Owner.Org(new OrgCode("org_a")),
        ApiId.generate(CLOCK),
        Set.of(),
        secret,
        "test",
        Optional.empty(),
        Optional.empty(),
        CLOCK.instant());
  }

  @Test
  void withTimeToLive_aKeyIsLetGoOnceItHasPassed() {
    CaffeineKeyStateCache cache =
        new CaffeineKeyStateCache(Optional.of(Duration.ofSeconds(5)), 100, nanos::get);
    ApiKey key = newKey("AbCdEfGh1234");
    cache.remember(key);

    nanos.addAndGet(Duration.ofMillis(4_999).toNanos());
    assertThat(cache.find(key.id())).contains(key);

    nanos.addAndGet(Duration.ofMillis(1).toNanos());
    assertThat(cache.find(key.id())).isEmpty();
  }

  @Test
  void withoutTimeToLive_aKeyStaysUntilForgotten() {
    CaffeineKeyStateCache cache = new CaffeineKeyStateCache(Optional.empty(), 100, nanos::get);
    ApiKey key = newKey("AbCdEfGh1234");
    ApiKey other = newKey("ZyXwVuTs9876");
    cache.remember(key);
    cache.remember(other);

    nanos.addAndGet(Duration.ofDays(30).toNanos());
    assertThat(cache.find(key.id())).contains(key);

    cache.forget(key.id());
    assertThat(cache.find(key.id())).isEmpty();
    assertThat(cache.find(other.id())).contains(other);
  }

  @Test
  void rememberingAKeyAgain_replacesItsState() {
    CaffeineKeyStateCache cache = new CaffeineKeyStateCache(Optional.empty(), 100, nanos::get);
    ApiKey key = newKey("AbCdEfGh1234");
    cache.remember(key);

    cache.remember(key.disable());

    assertThat(cache.find(key.id()).orElseThrow().status()).isEqualTo(key.disable().status());
  }

  @Test
  void theCacheIsBoundedInSize() {
    CaffeineKeyStateCache cache = new CaffeineKeyStateCache(Optional.empty(), 10, nanos::get);
    List<ApiKey> keys = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      ApiKey key = newKey(String.format("AbCdEfGh%04d", i));
      keys.add(key);
      cache.remember(key);
    }

    long remembered = keys.stream().filter(key -> cache.find(key.id()).isPresent()).count();
    assertThat(remembered).isLessThanOrEqualTo(10);
  }
}
