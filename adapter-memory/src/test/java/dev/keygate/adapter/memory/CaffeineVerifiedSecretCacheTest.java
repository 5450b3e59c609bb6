package dev.keygate.adapter.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keygate.application.fake.FakeKeyGenerator;
import dev.keygate.application.port.out.SecretRef;
import dev.keygate.domain.key.ApiKeyId;
import dev.keygate.domain.token.KeyPrefix;
import dev.keygate.domain.token.ParsedToken;
import dev.keygate.domain.token.SecretLookup;
import dev.keygate.domain.token.TokenFormat;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CaffeineVerifiedSecretCacheTest {

  private final FakeKeyGenerator generator = new FakeKeyGenerator(7);
  private final AtomicLong nanos = new AtomicLong();
  private final CaffeineVerifiedSecretCache cache =
      new CaffeineVerifiedSecretCache(Duration.ofMinutes(5), 1_000, nanos::get);

  @Test
  void rememberedToken_isFoundAgain() {
    ParsedToken token = newToken();
    SecretRef ref = refFor(token);

    cache.remember(token, ref);

    assertThat(cache.find(reparse(token))).contains(ref);
  }

  @Test
  void anotherSecretUnderTheSameLookup_isNotFound() {
    ParsedToken token = newToken();
    cache.remember(token, refFor(token));

    ParsedToken forged =
        TokenFormat.parse(
                TokenFormat.compose(KeyPrefix.DEFAULT, token.lookup(), generator.newSecret())
                    .reveal())
            .orElseThrow();

    assertThat(cache.find(forged)).isEmpty();
  }

  @Test
  void forget_dropsEveryTokenOfThatKeyAndNoOther() {
    ApiKeyId rotated = ApiKeyId.generate(Clock.systemUTC());
    ParsedToken old = newToken();
    ParsedToken current = newToken();
    ParsedToken other = newToken();
    cache.remember(old, new SecretRef(rotated, old.lookup()));
    cache.remember(current, new SecretRef(rotated, current.lookup()));
    cache.remember(other, refFor(other));

    cache.forget(rotated);

    assertThat(cache.find(old)).isEmpty();
    assertThat(cache.find(current)).isEmpty();
    assertThat(cache.find(other)).isPresent();
  }

  @Test
  void entries_expireAfterTheirTimeToLive() {
    ParsedToken token = newToken();
    cache.remember(token, refFor(token));

    nanos.addAndGet(Duration.ofMinutes(5).minusSeconds(1).toNanos());
    assertThat(cache.find(token)).isPresent();
    nanos.addAndGet(Duration.ofSeconds(2).toNanos());
    assertThat(cache.find(token)).isEmpty();
  }

  @Test
  void size_isBounded() {
    CaffeineVerifiedSecretCache small =
        new CaffeineVerifiedSecretCache(Duration.ofMinutes(5), 10, nanos::get);
    for (int i = 0; i < 500; i++) {
      ParsedToken token = newToken();
      small.remember(token, refFor(token));
    }

    assertThat(small.digests()).hasSizeLessThanOrEqualTo(10);
  }

  @Test
  void cache_holdsDigestsNeverTheToken() {
    ParsedToken token = newToken();
    cache.remember(token, refFor(token));
    String text = new String(token.token());
    String secret = new String(token.secret());

    assertThat(cache.digests())
        .singleElement()
        .satisfies(
            digest -> {
              assertThat(digest).matches("[0-9a-f]{64}");
              assertThat(digest).doesNotContain(text).doesNotContain(secret);
            });
  }

  @Test
  void digests_areKeyedPerProcess() {
    ParsedToken token = newToken();
    CaffeineVerifiedSecretCache another =
        new CaffeineVerifiedSecretCache(Duration.ofMinutes(5), 1_000, nanos::get);
    cache.remember(token, refFor(token));
    another.remember(token, refFor(token));

    assertThat(cache.digests()).doesNotContainAnyElementsOf(another.digests());
  }

  private ParsedToken newToken() {
    SecretLookup lookup = generator.newLookup();
    return TokenFormat.parse(
            TokenFormat.compose(KeyPrefix.DEFAULT, lookup, generator.newSecret()).reveal())
        .orElseThrow();
  }

  private static ParsedToken reparse(ParsedToken token) {
    return TokenFormat.parse(new String(token.token())).orElseThrow();
  }

  private static SecretRef refFor(ParsedToken token) {
    return new SecretRef(ApiKeyId.generate(Clock.systemUTC()), token.lookup());
  }
}
