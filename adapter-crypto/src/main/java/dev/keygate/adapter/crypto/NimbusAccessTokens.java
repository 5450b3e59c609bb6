package dev.keygate.adapter.crypto;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.DirectDecrypter;
import com.nimbusds.jose.crypto.DirectEncrypter;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.keygate.application.port.out.AccessTokens;
import dev.keygate.domain.application.SigningKey;
import java.text.ParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@link AccessTokens} on nimbus-jose-jwt: 2048-bit RSA signing keys as JSON Web Keys, tokens
 * signed RS256 with the key's id in the header. A token is accepted only when its header names
 * RS256 and a published key, its signature verifies with that key, and it has not expired. Nothing
 * here logs or prints a key or a token.
 *
 * <p>Given a key-encryption key, the private half of every new signing key is stored encrypted
 * under it (a JWE, direct A256GCM), so that whoever reads the database cannot sign with it; without
 * one, it is stored as a plain JWK.
 */
public final class NimbusAccessTokens implements AccessTokens {

  /** The length of a key-encryption key: 256 bits. */
  public static final int KEY_ENCRYPTION_KEY_BYTES = 32;

  private final Optional<SecretKey> keyEncryptionKey;

  /** Private halves stored as plain JWKs. */
  public NimbusAccessTokens() {
    this.keyEncryptionKey = Optional.empty();
  }

  /**
   * Private halves stored encrypted under {@code keyEncryptionKey}.
   *
   * @param keyEncryptionKey {@value #KEY_ENCRYPTION_KEY_BYTES} random bytes
   */
  public NimbusAccessTokens(byte[] keyEncryptionKey) {
    if (keyEncryptionKey.length != KEY_ENCRYPTION_KEY_BYTES) {
      throw new IllegalArgumentException(
          "a key-encryption key must be " + KEY_ENCRYPTION_KEY_BYTES + " bytes");
    }
    this.keyEncryptionKey = Optional.of(new SecretKeySpec(keyEncryptionKey.clone(), "AES"));
  }

  /** The claim that carries the version of the application's secret the token was issued under. */
  static final String SECRET_VERSION = "sv";

  private static final int KEY_BITS = 2048;

  @Override
  public SigningKey newSigningKey(String kid, Instant now) {
    try {
      RSAKey pair =
          new RSAKeyGenerator(KEY_BITS)
              .keyID(kid)
              .keyUse(KeyUse.SIGNATURE)
              .algorithm(JWSAlgorithm.RS256)
              .generate();
      return new SigningKey(
          kid, pair.toPublicJWK().toJSONString(), seal(pair.toJSONString()), now, Optional.empty());
    } catch (JOSEException e) {
      throw new IllegalStateException("could not make an RSA signing key", e);
    }
  }

  @Override
  public String sign(SigningKey key, Claims claims) {
    try {
      RSAKey pair = RSAKey.parse(open(key));
      JWTClaimsSet.Builder builder =
          new JWTClaimsSet.Builder()
              .issuer(claims.issuer())
              .audience(claims.audience())
              .subject(claims.subject())
              .issueTime(Date.from(claims.issuedAt()))
              .expirationTime(Date.from(claims.expiresAt()))
              .jwtID(claims.id())
              .claim("azp", claims.subject())
              .claim("client_id", claims.subject())
              .claim("scope", String.join(" ", claims.scopes()))
              .claim("scp", claims.scopes())
              .claim("gty", List.of("client_credentials"))
              .claim(SECRET_VERSION, claims.secretVersion());
      claims.orgCode().ifPresent(org -> builder.claim("org_code", org));
      JWTClaimsSet set = builder.build();
      SignedJWT jwt =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.RS256)
                  .keyID(key.kid())
                  .type(JOSEObjectType.JWT)
                  .build(),
              set);
      jwt.sign(new RSASSASigner(pair));
      return jwt.serialize();
    } catch (JOSEException | ParseException e) {
      // The message names the key, never its content.
      throw new IllegalStateException(
          "could not sign with signing key "
              + key.kid()
              + " (a wrong key-encryption key, or a damaged key)");
    }
  }

  /** The private JWK as stored: encrypted when there is a key-encryption key. */
  private String seal(String privateJwk) throws JOSEException {
    if (keyEncryptionKey.isEmpty()) {
      return privateJwk;
    }
    JWEObject sealed =
        new JWEObject(
            new JWEHeader(JWEAlgorithm.DIR, EncryptionMethod.A256GCM), new Payload(privateJwk));
    sealed.encrypt(new DirectEncrypter(keyEncryptionKey.get()));
    return sealed.serialize();
  }

  /** The private JWK of {@code key}, decrypted when it was stored encrypted. */
  private String open(SigningKey key) throws JOSEException, ParseException {
    String stored = key.privateJwk();
    if (stored.startsWith("{")) {
      return stored;
    }
    if (keyEncryptionKey.isEmpty()) {
      throw new IllegalStateException(
          "signing key "
              + key.kid()
              + " is stored encrypted: the key-encryption key it was made under is needed");
    }
    JWEObject sealed = JWEObject.parse(stored);
    sealed.decrypt(new DirectDecrypter(keyEncryptionKey.get()));
    return sealed.getPayload().toString();
  }

  @Override
  public Optional<Claims> verify(
      String token, Function<String, Optional<SigningKey>> keys, Instant now) {
    try {
      SignedJWT jwt = SignedJWT.parse(token);
      if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())
          || jwt.getHeader().getKeyID() == null) {
        return Optional.empty();
      }
      Optional<SigningKey> key = keys.apply(jwt.getHeader().getKeyID());
      if (key.isEmpty()) {
        return Optional.empty();
      }
      RSAKey publicKey = RSAKey.parse(key.get().publicJwk());
      if (!jwt.verify(new RSASSAVerifier(publicKey))) {
        return Optional.empty();
      }
      JWTClaimsSet set = jwt.getJWTClaimsSet();
      Date expires = set.getExpirationTime();
      Date issued = set.getIssueTime();
      Long version = set.getLongClaim(SECRET_VERSION);
      if (expires == null
          || issued == null
          || version == null
          || set.getIssuer() == null
          || set.getSubject() == null
          || set.getJWTID() == null
          || set.getAudience().size() != 1
          || !now.isBefore(expires.toInstant())) {
        return Optional.empty();
      }
      String scope = set.getStringClaim("scope");
      List<String> scopes =
          scope == null || scope.isBlank()
              ? List.of()
              : new ArrayList<>(Arrays.asList(scope.strip().split("\\s+")));
      return Optional.of(
          new Claims(
              set.getIssuer(),
              set.getAudience().get(0),
              set.getSubject(),
              scopes,
              issued.toInstant(),
              expires.toInstant(),
              set.getJWTID(),
              version,
              Optional.ofNullable(set.getStringClaim("org_code"))));
    } catch (ParseException | JOSEException | RuntimeException malformed) {
      return Optional.empty();
    }
  }

  @Override
  public Map<String, Object> publish(List<SigningKey> keys) {
    List<JWK> published = new ArrayList<>();
    for (SigningKey key : keys) {
      try {
        published.add(RSAKey.parse(key.publicJwk()).toPublicJWK());
      } catch (ParseException e) {
        throw new IllegalStateException("signing key " + key.kid() + " is not a JWK");
      }
    }
    return new JWKSet(published).toJSONObject(true);
  }
}
