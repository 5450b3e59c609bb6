package dev.keygate.adapter.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keygate.application.fake.InMemoryVerifiedSecretCache;
import dev.keygate.application.fake.TestKeygate;
import dev.keygate.application.port.in.IssuedApiKey;
import dev.keygate.application.port.in.VerifyOutcome;
import dev.keygate.application.port.out.SecretHasher;
import dev.keygate.domain.api.Api;
import dev.keygate.domain.key.ApiKey;
import dev.keygate.domain.token.KeyPrefix;
import dev.keygate.domain.token.SecretLookup;
import dev.keygate.domain.token.TokenFormat;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The verify use case on real Argon2id, counting what Argon2 is asked; the cache is the in-memory
 * fake (the real one is the memory adapter's, proven there).
 */
class VerifyWithArgon2Test {

  private final CountingArgon2 argon2 = new CountingArgon2(new Argon2Parameters(1024, 1, 1));
  private final TestKeygate keygate = new TestKeygate(argon2, new InMemoryVerifiedSecretCache());
  private final Api api = keygate.registerApi("https://users.example.com");

  @Test
  void secondVerifyOfTheSameToken_doesNotCallArgon2() {
    keygate.addScope(api, "read:users");
    IssuedApiKey issued =
        keygate.issueKey(keygate.createOrganization("org_a").asOwner(), api, "read:users");

    assertThat(keygate.verify(issued, "read:users").outcome())
        .isEqualTo(VerifyOutcome.API_KEY_VERIFIED);
    assertThat(argon2.verifications.get()).isEqualTo(1);

    assertThat(keygate.verify(issued, "read:users").outcome())
        .isEqualTo(VerifyOutcome.API_KEY_VERIFIED);
    assertThat(argon2.verifications.get()).isEqualTo(1);
  }

  @Test
  void wrongSecret_isCheckedByArgon2EveryTimeAndNeverCached() {
    IssuedApiKey issued = keygate.issueKey(keygate.createOrganization("org_a").asOwner(), api);
    SecretLookup lookup = TokenFormat.parse(issued.token().reveal()).orElseThrow().lookup();
    String forged =
        TokenFormat.compose(KeyPrefix.DEFAULT, lookup, new SecureRandomKeyGenerator().newSecret())
            .reveal();

    assertThat(keygate.verify(forged).outcome()).isEqualTo(VerifyOutcome.API_KEY_INVALID);
    assertThat(keygate.verify(forged).outcome()).isEqualTo(VerifyOutcome.API_KEY_INVALID);
    assertThat(argon2.verifications.get()).isEqualTo(2);
  }

  @Test
  void typo_isRefusedWithoutCallingArgon2() {
    IssuedApiKey issued = keygate.issueKey(keygate.createOrganization("org_a").asOwner(), api);
    String token = issued.token().reveal();
    char last = token.charAt(token.length() - 1);
    String typo = token.substring(0, token.length() - 1) + (last == 'a' ? 'b' : 'a');

    assertThat(keygate.verify(typo).outcome()).isEqualTo(VerifyOutcome.API_KEY_INVALID);
    assertThat(argon2.verifications.get()).isZero();
  }

  @Test
  void rotation_makesTheOldTokenProveItselfAgain() {
    IssuedApiKey issued = keygate.issueKey(keygate.createOrganization("org_a").asOwner(), api);
    keygate.verify(issued);
    keygate
        .services
        .rotateApiKey()
        .rotate(TestKeygate.OPERATOR, issued.key().id(), Duration.ofHours(1));

    assertThat(keygate.verify(issued).outcome()).isEqualTo(VerifyOutcome.API_KEY_VERIFIED);
    assertThat(argon2.verifications.get()).isEqualTo(2);
  }

  @Test
  void storedHash_isArgon2idOfTheSecretAndNeverTheToken() {
    IssuedApiKey issued = keygate.issueKey(keygate.createOrganization("org_a").asOwner(), api);
    ApiKey stored = keygate.apiKeys.findById(issued.key().id()).orElseThrow();
    String token = issued.token().reveal();
    String hash = stored.currentSecret().hash();

    assertThat(hash).startsWith("$argon2id$v=19$m=1024,t=1,p=1$");
    assertThat(hash).doesNotContain(token.substring(token.length() - 49, token.length() - 6));
    assertThat(stored.toString()).doesNotContain(hash).doesNotContain(token);
  }

  @Test
  void owaspDefaults_areStoredForKeysOfARealDeployment() {
    TestKeygate deployment =
        new TestKeygate(
            new Argon2SecretHasher(Argon2Parameters.OWASP), new InMemoryVerifiedSecretCache());
    Api users = deployment.registerApi("https://users.example.com");
    IssuedApiKey issued =
        deployment.issueKey(deployment.createOrganization("org_a").asOwner(), users);

    assertThat(deployment.apiKeys.findById(issued.key().id()).orElseThrow().currentSecret().hash())
        .startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
    assertThat(deployment.verify(issued).outcome()).isEqualTo(VerifyOutcome.API_KEY_VERIFIED);
  }

  /** Real Argon2id, counting its verifications. */
  private static final class CountingArgon2 implements SecretHasher {
    private final Argon2SecretHasher delegate;
    private final AtomicInteger verifications = new AtomicInteger();

    CountingArgon2(Argon2Parameters parameters) {
      this.delegate = new Argon2SecretHasher(parameters);
    }

    @Override
    public String hash(char[] secret) {
      return delegate.hash(secret);
    }

    @Override
    public boolean verify(String hash, char[] secret) {
      verifications.incrementAndGet();
      return delegate.verify(hash, secret);
    }

    @Override
    public boolean needsRehash(String hash) {
      return delegate.needsRehash(hash);
    }
  }
}
