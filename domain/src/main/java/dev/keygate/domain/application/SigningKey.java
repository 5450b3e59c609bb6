package dev.keygate.domain.application;

import dev.keygate.domain.Checks;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A key pair that signs access tokens, as JSON Web Keys. The newest key not retired signs; a
 * retired key stays published until the last token it signed has expired. The private half never
 * prints.
 *
 * @param kid the key id every token names in its header
 * @param publicJwk the public half, published at the JWKS endpoint
 * @param privateJwk the whole key pair; read only to sign
 * @param retiredOn when a newer key took over signing; empty while it signs
 */
public record SigningKey(
    String kid,
    String publicJwk,
    String privateJwk,
    Instant createdOn,
    Optional<Instant> retiredOn) {

  public SigningKey {
    Checks.lengthBetween("signing key id", kid, 1, 64);
    Checks.required("public jwk", publicJwk);
    Checks.required("private jwk", privateJwk);
    Checks.required("signing key created on", createdOn);
    Checks.required("signing key retired on", retiredOn);
  }

  /** The same key, retired at {@code now}. */
  public SigningKey retiredAt(Instant now) {
    return new SigningKey(kid, publicJwk, privateJwk, createdOn, Optional.of(now));
  }

  /**
   * Whether tokens it signed may still be alive at {@code now}, given tokens live at most {@code
   * tokenLifetime}.
   */
  public boolean isPublishedAt(Instant now, Duration tokenLifetime) {
    return retiredOn.isEmpty() || retiredOn.get().plus(tokenLifetime).isAfter(now);
  }

  /** Everything but the private key. */
  @Override
  public String toString() {
    return "SigningKey[kid=" + kid + ", createdOn=" + createdOn + ", retiredOn=" + retiredOn + "]";
  }
}
