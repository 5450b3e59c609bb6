package dev.keygate.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.keygate.application.fake.CountingSecretHasher;
import dev.keygate.application.fake.InMemoryFailedAttempts;
import dev.keygate.application.fake.InMemoryVerifiedSecretCache;
import dev.keygate.application.fake.TestKeygate;
import dev.keygate.application.port.in.IssuedApiKey;
import dev.keygate.application.port.in.Verification;
import dev.keygate.application.port.in.VerifyApiKeyCommand;
import dev.keygate.application.port.in.VerifyOutcome;
import dev.keygate.application.port.out.SecretHasher;
import dev.keygate.domain.LimitReachedException;
import dev.keygate.domain.api.Api;
import dev.keygate.domain.owner.OrgCode;
import dev.keygate.domain.owner.Owner;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The limits that keep verification cheap under attack: failed attempts, hashing slots, rehash. */
class VerifyLimitsTest {

  private static final Owner ORG_A = new Owner.Org(new OrgCode("org_a"));

  private static IssuedApiKey issueIn(TestKeygate t) {
    t.createOrganization("org_a");
    Api api = t.registerApi("https://users.example.com");
    t.addScope(api, "read:users");
    return t.issueKey(ORG_A, api, "read:users");
  }

  @Nested
  class FailedAttemptLimit {

    private final TestKeygate t = new TestKeygate();
    private final IssuedApiKey issued = issueIn(t);
    private final String token = issued.token().reveal();
    private final String wrong = TestKeygate.withWrongSecret(token);

    private void failUpToTheLimit(String presented) {
      for (int i = 0; i < TestKeygate.FAILED_ATTEMPTS_LIMIT; i++) {
        assertThat(t.verify(presented)).isEqualTo(Verification.invalid());
      }
    }

    @Test
    void givenLookupFailedTenTimes_verify_refusesWithRetryAfterWithoutReadingOrHashing() {
      failUpToTheLimit(wrong);
      int reads = t.apiKeys.reads();
      int hashes = t.countingHasher().verifications();

      LimitReachedException refused =
          catchThrowableOfType(LimitReachedException.class, () -> t.verify(wrong));

      assertThat(refused.retryAfter()).isEqualTo(InMemoryFailedAttempts.LOCKOUT);
      assertThat(refused.getMessage()).contains("too many failed verifications").contains("60 s");
      assertThat(t.apiKeys.reads()).isEqualTo(reads);
      assertThat(t.countingHasher().verifications()).isEqualTo(hashes);
      assertThat(t.verificationMetrics.answered(VerifyApiKeyService.TOO_MANY_REQUESTS)).isOne();
    }

    @Test
    void givenTokenVerifiedBefore_lockoutOfItsLookup_doesNotAffectIt() {
      assertThat(t.verify(token).outcome()).isEqualTo(VerifyOutcome.API_KEY_VERIFIED);
      failUpToTheLimit(wrong);

      assertThatThrownBy(() -> t.verify(wrong)).isInstanceOf(LimitReachedException.class);
      for (int i = 0; i < 3; i++) {
        assertThat(t.verify(token).outcome()).isEqualTo(VerifyOutcome.API_KEY_VERIFIED);
      }
    }

    @Test
    void givenLockedLookup_rightSecretNotYetProven_isRefusedUntilTheLockoutPasses() {
      failUpToTheLimit(wrong);

      assertThatThrownBy(() -> t.verify(token)).isInstanceOf(LimitReachedException.class);

      t.failedAttempts.forgive();
      assertThat(t.verify(token).outcome()).isEqualTo(VerifyOutcome.API_KEY_VERIFIED);
    }

    @Test
    void givenUnknownLookup_failuresLockItOutExactlyLikeAKnownOne_soNothingLeaks() {
      String unknown = TestKeygate.unknownToken();
      failUpToTheLimit(unknown);
      failUpToTheLimit(wrong);

      LimitReachedException forUnknown =
          catchThrowableOfType(LimitReachedException.class, () -> t.verify(unknown));
      LimitReachedException forKnown =
          catchThrowableOfType(LimitReachedException.class, () -> t.verify(wrong));

      assertThat(forUnknown.getMessage()).isEqualTo(forKnown.getMessage());
      assertThat(forUnknown.retryAfter()).isEqualTo(forKnown.retryAfter());
    }

    private Verification verifyFrom(String presented, String address) {
      return t.services
          .verifyApiKey()
          .verify(
              TestKeygate.OPERATOR,
              new VerifyApiKeyCommand(presented, Set.of(), Optional.empty(), Optional.of(address)));
    }

    @Test
    void givenFloodOfWrongSecretsFromOneAddress_theHolderCallingFromAnother_keepsVerifying() {
      for (int i = 0; i < 3 * TestKeygate.FAILED_ATTEMPTS_LIMIT; i++) {
        try {
          verifyFrom(wrong, "203.0.113.7");
        } catch (LimitReachedException lockedOut) {
          // the flood's own address is locked out, as it should be
        }
      }

      assertThatThrownBy(() -> verifyFrom(wrong, "203.0.113.7"))
          .isInstanceOf(LimitReachedException.class);
      assertThat(verifyFrom(token, "198.51.100.2").outcome())
          .isEqualTo(VerifyOutcome.API_KEY_VERIFIED);
    }

    @Test
    void givenFloodFromOneAddress_theRightSecretNotYetProvenFromThatAddress_waitsLikeAGuess() {
      for (int i = 0; i < TestKeygate.FAILED_ATTEMPTS_LIMIT; i++) {
        verifyFrom(wrong, "203.0.113.7");
      }

      assertThatThrownBy(() -> verifyFrom(token, "203.0.113.7"))
          .isInstanceOf(LimitReachedException.class);
    }

    @Test
    void givenFloodSpreadOverOneIpv6Slash64_itIsCountedAsOneClient_anotherNetworkIsNot() {
      for (int i = 1; i <= TestKeygate.FAILED_ATTEMPTS_LIMIT; i++) {
        verifyFrom(wrong, "2001:db8:1:2::" + Integer.toHexString(i));
      }

      assertThatThrownBy(() -> verifyFrom(wrong, "2001:db8:1:2:ffff:ffff:ffff:ffff"))
          .isInstanceOf(LimitReachedException.class);
      assertThat(verifyFrom(wrong, "2001:db8:1:3::1")).isEqualTo(Verification.invalid());
      assertThat(verifyFrom(token, "2001:db8:1:3::1").outcome())
          .isEqualTo(VerifyOutcome.API_KEY_VERIFIED);
    }

    @Test
    void givenBadChecksums_verify_countsNoFailureSinceNoLookupWasTried() {
      for (int i = 0; i < 3 * TestKeygate.FAILED_ATTEMPTS_LIMIT; i++) {
        assertThat(t.verify(TestKeygate.withTypo(token))).isEqualTo(Verification.invalid());
      }

      assertThat(t.failedAttempts.failures(TestKeygate.lookupOf(token))).isZero();
      assertThat(t.verify(token).outcome()).isEqualTo(VerifyOutcome.API_KEY_VERIFIED);
    }

    @Test
    void givenRightSecret_verify_countsNoFailure() {
      t.verify(wrong);
      t.verify(token);
      t.verifiedSecrets.forget(issued.key().id());
      t.verify(token);

      assertThat(t.failedAttempts.failures(TestKeygate.lookupOf(token))).isEqualTo(1);
    }
  }

  @Nested
  class HashingSlots {

    private final GatedHasher hasher = new GatedHasher();
    private final ExecutorService callers = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
      hasher.open();
      callers.shutdownNow();
    }

    private TestKeygate withSlots(int slots, Duration wait) {
      return new TestKeygate(
          hasher,
          new InMemoryVerifiedSecretCache(),
          new VerificationSettings(
              VerifyMode.STRICT, VerificationSettings.DEFAULT_FOLLOW_BOUND, slots, wait));
    }

    @Test
    void givenEverySlotBusyPastTheWait_verify_isRefusedWithRetryAfter_andServedOnceFree()
        throws Exception {
      TestKeygate t = withSlots(1, Duration.ofMillis(50));
      String first = issueIn(t).token().reveal();
      String second =
          t.issueKey(ORG_A, t.apis.findByAudience("https://users.example.com").orElseThrow())
              .token()
              .reveal();
      hasher.close();
      Future<Verification> holding = callers.submit(() -> t.verify(first));
      hasher.awaitInFlight(1);

      LimitReachedException refused =
          catchThrowableOfType(LimitReachedException.class, () -> t.verify(second));

      assertThat(refused.retryAfter()).isEqualTo(HashBulkhead.RETRY_AFTER);
      assertThat(refused.getMessage()).contains("hashing slot");
      hasher.open();
      assertThat(holding.get(10, TimeUnit.SECONDS).outcome())
          .isEqualTo(VerifyOutcome.API_KEY_VERIFIED);
      assertThat(t.verify(second).outcome()).isEqualTo(VerifyOutcome.API_KEY_VERIFIED);
      // Being refused for want of a slot is not a failed attempt.
      assertThat(t.failedAttempts.failures(TestKeygate.lookupOf(second))).isZero();
    }

    @Test
    void givenMoreCallersThanSlots_atMostThatManyHashesRunAtOnce_andEveryCallerIsServed()
        throws Exception {
      TestKeygate t = withSlots(2, Duration.ofSeconds(30));
      issueIn(t);
      Api api = t.apis.findByAudience("https://users.example.com").orElseThrow();
      List<String> tokens = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        tokens.add(t.issueKey(ORG_A, api).token().reveal());
      }
      hasher.close();
      List<Future<Verification>> answers = new ArrayList<>();
      for (String token : tokens) {
        answers.add(callers.submit(() -> t.verify(token)));
      }
      hasher.awaitInFlight(2);
      hasher.open();

      for (Future<Verification> answer : answers) {
        assertThat(answer.get(30, TimeUnit.SECONDS).outcome())
            .isEqualTo(VerifyOutcome.API_KEY_VERIFIED);
      }
      assertThat(hasher.mostInFlight()).isEqualTo(2);
    }
  }

  @Nested
  class Rehash {

    private final TestKeygate t = new TestKeygate();
    private final IssuedApiKey issued = issueIn(t);
    private final String token = issued.token().reveal();

    @Test
    void givenParametersRaised_verify_storesANewHashOnce_andTheKeyStillVerifies() {
      String oldHash = issued.key().currentSecret().hash();
      long oldVersion = t.stored(issued.key().id()).version();
      t.countingHasher().raiseParameters();

      assertThat(t.verify(token).outcome()).isEqualTo(VerifyOutcome.API_KEY_VERIFIED);

      String newHash = t.stored(issued.key().id()).currentSecret().hash();
      assertThat(newHash).isNotEqualTo(oldHash).endsWith("$raised");
      assertThat(t.stored(issued.key().id()).version()).isGreaterThan(oldVersion);
      int hashes = t.countingHasher().hashes();
      t.verifiedSecrets.forget(issued.key().id());

      assertThat(t.verify(token).outcome()).isEqualTo(VerifyOutcome.API_KEY_VERIFIED);
      assertThat(t.countingHasher().hashes()).isEqualTo(hashes);
      assertThat(t.stored(issued.key().id()).currentSecret().hash()).isEqualTo(newHash);
    }

    @Test
    void givenParametersUnchanged_verify_neverRehashes() {
      int hashes = t.countingHasher().hashes();

      t.verify(token);
      t.verifiedSecrets.forget(issued.key().id());
      t.verify(token);

      assertThat(t.countingHasher().hashes()).isEqualTo(hashes);
      assertThat(t.stored(issued.key().id()).currentSecret().hash())
          .isEqualTo(issued.key().currentSecret().hash());
    }

    @Test
    void givenWrongSecret_verify_neverRehashes() {
      t.countingHasher().raiseParameters();
      String oldHash = issued.key().currentSecret().hash();

      t.verify(TestKeygate.withWrongSecret(token));

      assertThat(t.stored(issued.key().id()).currentSecret().hash()).isEqualTo(oldHash);
    }
  }

  /** A counting hasher whose hash checks wait at a gate while it is closed. */
  private static final class GatedHasher implements SecretHasher {
    private final CountingSecretHasher hasher = new CountingSecretHasher();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger mostInFlight = new AtomicInteger();
    private volatile CountDownLatch gate = new CountDownLatch(0);

    void close() {
      gate = new CountDownLatch(1);
    }

    void open() {
      gate.countDown();
    }

    void awaitInFlight(int count) throws InterruptedException {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (inFlight.get() < count) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError("only " + inFlight.get() + " hash checks started");
        }
        Thread.sleep(5);
      }
    }

    int mostInFlight() {
      return mostInFlight.get();
    }

    @Override
    public String hash(char[] secret) {
      return hasher.hash(secret);
    }

    @Override
    public boolean verify(String hash, char[] secret) {
      mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
      try {
        gate.await();
        return hasher.verify(hash, secret);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      } finally {
        inFlight.decrementAndGet();
      }
    }

    @Override
    public boolean needsRehash(String hash) {
      return hasher.needsRehash(hash);
    }
  }
}
