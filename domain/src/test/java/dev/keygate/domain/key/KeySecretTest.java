package dev.keygate.domain.key;

import static dev.keygate.domain.key.TestKeys.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keygate.domain.ValidationException;
import dev.keygate.domain.token.KeyPrefix;
import dev.keygate.domain.token.SecretLookup;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KeySecretTest {

  private static final KeyPrefix PREFIX = KeyPrefix.DEFAULT;
  private static final SecretLookup LOOKUP = new SecretLookup("AbC123dEf456");
  private static final String HASH = "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2g";

  private static KeySecret expiringAt(Optional<Instant> expiresOn) {
    return new KeySecret(PREFIX, LOOKUP, "Wxyz", HASH, T0, expiresOn);
  }

  @Test
  void givenIssuedSecret_itsFields_areWhatWasGivenAndItNeverExpires() {
    KeySecret secret = KeySecret.issued(PREFIX, LOOKUP, "Wxyz", HASH, T0);

    assertThat(secret.prefix()).isEqualTo(PREFIX);
    assertThat(secret.lookup()).isEqualTo(LOOKUP);
    assertThat(secret.suffix()).isEqualTo("Wxyz");
    assertThat(secret.hash()).isEqualTo(HASH);
    assertThat(secret.createdOn()).isEqualTo(T0);
    assertThat(secret.expiresOn()).isEmpty();
    assertThat(secret.isExpiredAt(Instant.MAX)).isFalse();
  }

  @Test
  void givenSecret_toString_neverContainsTheHash() {
    KeySecret secret = expiringAt(Optional.of(T0.plusSeconds(60)));

    assertThat(secret.toString())
        .doesNotContain(HASH)
        .doesNotContain("aGFzaGhhc2g")
        .doesNotContain("argon2")
        .contains("AbC123dEf456")
        .contains("2025-03-01T10:01:00Z");
  }

  @Test
  void givenSecretWithoutExpiry_toString_saysNever() {
    assertThat(expiringAt(Optional.empty()).toString())
        .isEqualTo(
            "KeySecret[lookup=AbC123dEf456, createdOn=2025-03-01T10:00:00Z, expiresOn=never]");
  }

  @Test
  void givenSecret_displayPrefix_isPrefixUnderscoreAndSixLookupCharacters() {
    assertThat(expiringAt(Optional.empty()).displayPrefix()).isEqualTo("k_live_AbC123");
  }

  @Test
  void givenOtherPrefix_displayPrefix_usesIt() {
    KeySecret secret = KeySecret.issued(new KeyPrefix("acme_test"), LOOKUP, "Wxyz", HASH, T0);

    assertThat(secret.displayPrefix()).isEqualTo("acme_test_AbC123");
  }

  @Test
  void givenExpiry_isExpiredAt_isFalseBeforeAndTrueFromIt() {
    Instant expiry = T0.plusSeconds(30);
    KeySecret secret = expiringAt(Optional.of(expiry));

    assertThat(secret.isExpiredAt(expiry.minusNanos(1))).isFalse();
    assertThat(secret.isExpiredAt(expiry)).isTrue();
    assertThat(secret.isExpiredAt(expiry.plusSeconds(1))).isTrue();
  }

  @Test
  void givenNoExpiry_expiringBy_takesTheDeadline() {
    Instant deadline = T0.plus(Duration.ofHours(1));

    KeySecret expiring = expiringAt(Optional.empty()).expiringBy(deadline);

    assertThat(expiring.expiresOn()).contains(deadline);
    assertThat(expiring.lookup()).isEqualTo(LOOKUP);
    assertThat(expiring.hash()).isEqualTo(HASH);
    assertThat(expiring.suffix()).isEqualTo("Wxyz");
    assertThat(expiring.prefix()).isEqualTo(PREFIX);
    assertThat(expiring.createdOn()).isEqualTo(T0);
  }

  @Test
  void givenEarlierExpiry_expiringBy_keepsTheEarlierOne() {
    Instant earlier = T0.plus(Duration.ofMinutes(10));

    KeySecret expiring = expiringAt(Optional.of(earlier)).expiringBy(T0.plus(Duration.ofHours(1)));

    assertThat(expiring.expiresOn()).contains(earlier);
  }

  @Test
  void givenLaterExpiry_expiringBy_bringsItForwardToTheDeadline() {
    Instant deadline = T0.plus(Duration.ofMinutes(10));

    KeySecret expiring = expiringAt(Optional.of(T0.plus(Duration.ofDays(1)))).expiringBy(deadline);

    assertThat(expiring.expiresOn()).contains(deadline);
  }

  @Test
  void givenSameExpiry_expiringBy_keepsIt() {
    Instant deadline = T0.plus(Duration.ofMinutes(10));

    assertThat(expiringAt(Optional.of(deadline)).expiringBy(deadline).expiresOn())
        .contains(deadline);
  }

  @Test
  void givenSecret_expiringBy_leavesTheOriginalUnchanged() {
    KeySecret secret = expiringAt(Optional.empty());

    secret.expiringBy(T0);

    assertThat(secret.expiresOn()).isEmpty();
  }

  @Test
  void givenThreeCharacterSuffix_newSecret_isRefused() {
    assertThatThrownBy(() -> new KeySecret(PREFIX, LOOKUP, "xyz", HASH, T0, Optional.empty()))
        .isInstanceOf(ValidationException.class)
        .hasMessage("key suffix must be 4 characters, was 3");
  }

  @Test
  void givenFiveCharacterSuffix_newSecret_isRefused() {
    assertThatThrownBy(() -> new KeySecret(PREFIX, LOOKUP, "VWxyz", HASH, T0, Optional.empty()))
        .isInstanceOf(ValidationException.class)
        .hasMessage("key suffix must be 4 characters, was 5");
  }

  @Test
  void givenBlankHash_newSecret_isRefused() {
    assertThatThrownBy(() -> new KeySecret(PREFIX, LOOKUP, "Wxyz", " \t", T0, Optional.empty()))
        .isInstanceOf(ValidationException.class)
        .hasMessage("secret hash must not be blank");
  }

  @Test
  void givenMissingHash_newSecret_isRefused() {
    assertThatThrownBy(() -> new KeySecret(PREFIX, LOOKUP, "Wxyz", null, T0, Optional.empty()))
        .isInstanceOf(ValidationException.class)
        .hasMessage("secret hash is required");
  }

  @Test
  void givenMissingPrefix_newSecret_isRefused() {
    assertThatThrownBy(() -> new KeySecret(null, LOOKUP, "Wxyz", HASH, T0, Optional.empty()))
        .isInstanceOf(ValidationException.class)
        .hasMessage("key prefix is required");
  }

  @Test
  void givenMissingLookup_newSecret_isRefused() {
    assertThatThrownBy(() -> new KeySecret(PREFIX, null, "Wxyz", HASH, T0, Optional.empty()))
        .isInstanceOf(ValidationException.class)
        .hasMessage("secret lookup is required");
  }

  @Test
  void givenMissingSuffix_newSecret_isRefused() {
    assertThatThrownBy(() -> new KeySecret(PREFIX, LOOKUP, null, HASH, T0, Optional.empty()))
        .isInstanceOf(ValidationException.class)
        .hasMessage("key suffix is required");
  }

  @Test
  void givenMissingCreationTime_newSecret_isRefused() {
    assertThatThrownBy(() -> new KeySecret(PREFIX, LOOKUP, "Wxyz", HASH, null, Optional.empty()))
        .isInstanceOf(ValidationException.class)
        .hasMessage("secret creation time is required");
  }

  @Test
  void givenMissingExpiryOptional_newSecret_isRefused() {
    assertThatThrownBy(() -> new KeySecret(PREFIX, LOOKUP, "Wxyz", HASH, T0, null))
        .isInstanceOf(ValidationException.class)
        .hasMessage("secret expiry is required");
  }
}
