package dev.keygate.adapter.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keygate.application.fake.CountingSecretHasher;
import dev.keygate.application.fake.TestKeygate;
import dev.keygate.application.port.in.IssuedApiKey;
import dev.keygate.application.port.in.VerifyOutcome;
import dev.keygate.domain.api.Api;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The verify use case on the real verification cache, counting the hash checks it saves. */
class VerifyWithCaffeineCacheTest {

  private final TestKeygate keygate =
      new TestKeygate(
          new CountingSecretHasher(), new CaffeineVerifiedSecretCache(Duration.ofMinutes(5), 100));
  private final Api api = keygate.registerApi("https://users.example.com");
  private final IssuedApiKey issued =
      keygate.issueKey(keygate.createOrganization("org_a").asOwner(), api);

  @Test
  void secondVerifyOfTheSameToken_isNotHashedAgain() {
    assertThat(keygate.verify(issued).outcome()).isEqualTo(VerifyOutcome.API_KEY_VERIFIED);
    assertThat(keygate.verify(issued).outcome()).isEqualTo(VerifyOutcome.API_KEY_VERIFIED);

    assertThat(keygate.countingHasher().verifications()).isEqualTo(1);
    assertThat(keygate.verificationMetrics.cacheMisses()).isEqualTo(1);
    assertThat(keygate.verificationMetrics.cacheHits()).isEqualTo(1);
  }

  @Test
  void wrongSecret_isHashedEveryTimeAndNeverRemembered() {
    String forged = TestKeygate.withWrongSecret(issued.token().reveal());

    assertThat(keygate.verify(forged).outcome()).isEqualTo(VerifyOutcome.API_KEY_INVALID);
    assertThat(keygate.verify(forged).outcome()).isEqualTo(VerifyOutcome.API_KEY_INVALID);

    assertThat(keygate.countingHasher().verifications()).isEqualTo(2);
    assertThat(keygate.verificationMetrics.cacheHits()).isZero();
  }

  @Test
  void rotation_makesTheOldTokenProveItselfAgain() {
    keygate.verify(issued);
    keygate
        .services
        .rotateApiKey()
        .rotate(TestKeygate.OPERATOR, issued.key().id(), Duration.ofHours(1));

    assertThat(keygate.verify(issued).outcome()).isEqualTo(VerifyOutcome.API_KEY_VERIFIED);
    assertThat(keygate.countingHasher().verifications()).isEqualTo(2);
  }

  @Test
  void revocation_isSeenAtOnce_thoughTheTokenWasProven() {
    keygate.verify(issued);
    keygate.services.revokeApiKey().revoke(TestKeygate.OPERATOR, issued.key().id());

    assertThat(keygate.verify(issued).outcome()).isEqualTo(VerifyOutcome.API_KEY_REVOKED);
  }
}
