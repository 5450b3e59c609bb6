package dev.keygate.adapter.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class Argon2SecretHasherTest {

  private static final Argon2Parameters CHEAP = new Argon2Parameters(64, 1, 1);

  private final Argon2SecretHasher cheap = new Argon2SecretHasher(CHEAP);

  @Test
  void owasp_isOwaspsMinimumForArgon2id() {
    assertThat(Argon2Parameters.OWASP).isEqualTo(new Argon2Parameters(19_456, 2, 1));
  }

  @Test
  void owaspParameters_hashIsArgon2idWithOwaspParameters() {
    String hash = new Argon2SecretHasher(Argon2Parameters.OWASP).hash("a-secret".toCharArray());

    assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
  }

  @Test
  void configuredParameters_areWrittenIntoTheHash() {
    assertThat(cheap.hash("a-secret".toCharArray())).startsWith("$argon2id$v=19$m=64,t=1,p=1$");
  }

  @Test
  void verify_acceptsTheSecretAndRefusesAnyOther() {
    String hash = cheap.hash("correct horse".toCharArray());

    assertThat(cheap.verify(hash, "correct horse".toCharArray())).isTrue();
    assertThat(cheap.verify(hash, "correct horsE".toCharArray())).isFalse();
    assertThat(cheap.verify(hash, new char[0])).isFalse();
  }

  @Test
  void hash_isSaltedSoTheSameSecretHashesDifferently() {
    assertThat(cheap.hash("same".toCharArray())).isNotEqualTo(cheap.hash("same".toCharArray()));
  }

  @Test
  void verify_answersFalseForMalformedOrForeignHashes() {
    assertThat(cheap.verify("not a hash", "x".toCharArray())).isFalse();
    assertThat(cheap.verify("$argon2id$v=19$m=64,t=1,p=1$broken", "x".toCharArray())).isFalse();
    assertThat(cheap.verify("$argon2i$v=19$m=64,t=1,p=1$c2FsdHNhbHQ$aGFzaA", "x".toCharArray()))
        .isFalse();
    assertThat(cheap.verify(null, "x".toCharArray())).isFalse();
  }

  @Test
  void needsRehash_whenTheHashWasMadeWithWeakerParameters() {
    String weak = cheap.hash("s".toCharArray());
    Argon2SecretHasher stronger = new Argon2SecretHasher(new Argon2Parameters(128, 2, 1));

    assertThat(stronger.needsRehash(weak)).isTrue();
    assertThat(cheap.needsRehash(weak)).isFalse();
    assertThat(stronger.needsRehash(stronger.hash("s".toCharArray()))).isFalse();
  }

  @Test
  void parameters_refuseValuesArgon2CannotUse() {
    assertThatThrownBy(() -> new Argon2Parameters(64, 0, 1))
        .hasMessage("argon2 iterations must be at least 1, was 0");
    assertThatThrownBy(() -> new Argon2Parameters(64, 1, 0))
        .hasMessage("argon2 parallelism must be 1-64, was 0");
    assertThatThrownBy(() -> new Argon2Parameters(15, 1, 2))
        .hasMessage("argon2 memory must be at least 8 KiB per lane (16), was 15");
  }
}
