package dev.keygate.application.port.out;

import dev.keygate.domain.application.SigningKey;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Signed access tokens (JWTs, RS256) and the keys that sign them: made, signed, checked and
 * published here, so that no other part of Keygate handles a JWT's bytes.
 */
public interface AccessTokens {

  /** A fresh RSA key pair named {@code kid}, created at {@code now}. */
  SigningKey newSigningKey(String kid, Instant now);

  /** {@code claims} signed with {@code key}, whose id the token's header names. */
  String sign(SigningKey key, Claims claims);

  /**
   * The claims of {@code token} when its signature verifies with the key its header names and it
   * has not expired at {@code now}; empty for anything else.
   *
   * @param keys finds a key by its id
   */
  Optional<Claims> verify(String token, Function<String, Optional<SigningKey>> keys, Instant now);

  /** The public halves of {@code keys} as a JSON Web Key Set. */
  Map<String, Object> publish(List<SigningKey> keys);

  /**
   * What a token says.
   *
   * @param subject the application's client id
   * @param scopes the scopes granted, in order
   * @param secretVersion the version of the application's secret the token was issued under
   * @param orgCode the organization the application acts for, as Kinde's tokens name it
   */
  record Claims(
      String issuer,
      String audience,
      String subject,
      List<String> scopes,
      Instant issuedAt,
      Instant expiresAt,
      String id,
      long secretVersion,
      Optional<String> orgCode) {

    public Claims {
      Objects.requireNonNull(issuer, "issuer");
      Objects.requireNonNull(audience, "audience");
      Objects.requireNonNull(subject, "subject");
      scopes = List.copyOf(scopes);
      Objects.requireNonNull(issuedAt, "issued at");
      Objects.requireNonNull(expiresAt, "expires at");
      Objects.requireNonNull(id, "token id");
      Objects.requireNonNull(orgCode, "org code");
    }
  }
}
