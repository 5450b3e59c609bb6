package dev.keygate.adapter.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keygate.application.fake.FakeKeyGenerator;
import dev.keygate.domain.token.SecretLookup;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class Bucket4jFailedAttemptsTest {

  private final AtomicLong nanos = new AtomicLong(1);
  private final FakeKeyGenerator generator = new FakeKeyGenerator(7);
  private final Bucket4jFailedAttempts attempts =
      new Bucket4jFailedAttempts(10, Duration.ofMinutes(1), 1_000, clock(), nanos::get);

  private TimeMeter clock() {
    return new TimeMeter() {
      @Override
      public long currentTimeNanos() {
        return nanos.get();
      }

      @Override
      public boolean isWallClockBased() {
        return false;
      }
    };
  }

  private void advance(Duration duration) {
    nanos.addAndGet(duration.toNanos());
  }

  private static final String CLIENT = "203.0.113.7";

  private void fail(SecretLookup lookup, int times) {
    fail(lookup, CLIENT, times);
  }

  private void fail(SecretLookup lookup, String client, int times) {
    for (int i = 0; i < times; i++) {
      attempts.failed(lookup, client);
    }
  }

  @Test
  void givenNineFailures_lookupIsNotLockedOut() {
    SecretLookup lookup = generator.newLookup();

    fail(lookup, 9);

    assertThat(attempts.lockedOutFor(lookup, CLIENT)).isEmpty();
  }

  @Test
  void givenTenFailuresWithinAMinute_lookupIsLockedOutUntilOneTryRefills() {
    SecretLookup lookup = generator.newLookup();

    fail(lookup, 10);

    // Ten a minute refill one every six seconds.
    assertThat(attempts.lockedOutFor(lookup, CLIENT)).hasValue(Duration.ofSeconds(6));
    advance(Duration.ofSeconds(4));
    assertThat(attempts.lockedOutFor(lookup, CLIENT)).hasValue(Duration.ofSeconds(2));
  }

  @Test
  void givenLockout_aRefilledTryIsOneTryOnly() {
    SecretLookup lookup = generator.newLookup();
    fail(lookup, 10);

    advance(Duration.ofSeconds(6));
    assertThat(attempts.lockedOutFor(lookup, CLIENT)).isEmpty();
    attempts.failed(lookup, CLIENT);

    assertThat(attempts.lockedOutFor(lookup, CLIENT)).isPresent();
  }

  @Test
  void givenFailuresSpreadOverMoreThanTheWindow_lookupIsNeverLockedOut() {
    SecretLookup lookup = generator.newLookup();

    for (int i = 0; i < 30; i++) {
      attempts.failed(lookup, CLIENT);
      assertThat(attempts.lockedOutFor(lookup, CLIENT)).isEmpty();
      advance(Duration.ofSeconds(7));
    }
  }

  @Test
  void lockoutOfOneLookup_leavesEveryOtherLookupAlone() {
    SecretLookup attacked = generator.newLookup();
    SecretLookup other = generator.newLookup();

    fail(attacked, 50);
    fail(other, 3);

    assertThat(attempts.lockedOutFor(attacked, CLIENT)).isPresent();
    assertThat(attempts.lockedOutFor(other, CLIENT)).isEmpty();
  }

  @Test
  void lockoutOfALookupFromOneClient_leavesTheSameLookupFromAnotherClientAlone() {
    SecretLookup lookup = generator.newLookup();

    fail(lookup, "203.0.113.7", 50);

    assertThat(attempts.lockedOutFor(lookup, "203.0.113.7")).isPresent();
    assertThat(attempts.lockedOutFor(lookup, "198.51.100.2")).isEmpty();
    assertThat(attempts.lockedOutFor(lookup, "unknown")).isEmpty();
  }

  @Test
  void lookupNeverFailed_isNotFollowed() {
    assertThat(attempts.lockedOutFor(generator.newLookup(), CLIENT)).isEmpty();
  }

  @Test
  void nonsensicalLimits_areRefused() {
    assertThatThrownBy(() -> new Bucket4jFailedAttempts(0, Duration.ofMinutes(1), 10))
        .hasMessageContaining("at least 1");
    assertThatThrownBy(() -> new Bucket4jFailedAttempts(10, Duration.ZERO, 10))
        .hasMessageContaining("positive");
  }
}
