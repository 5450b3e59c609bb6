package dev.keygate.adapter.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keygate.application.port.out.AccessTokens.Claims;
import dev.keygate.domain.application.SigningKey;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NimbusAccessTokensTest {

  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

  private final NimbusAccessTokens tokens = new NimbusAccessTokens();
  private final SigningKey key = tokens.newSigningKey("kg_one", NOW);

  private static Claims claims() {
    return new Claims(
        "https://keygate.example.com",
        "https://keygate.example.com/api",
        "0190a1b2c3d4e5f60718293a4b5c6d7e",
        List.of("read:applications", "read:api_keys"),
        NOW,
        NOW.plusSeconds(3600),
        "jti-1",
        3,
        Optional.of("org_acme"));
  }

  private Optional<SigningKey> only(String kid) {
    return kid.equals(key.kid()) ? Optional.of(key) : Optional.empty();
  }

  @Test
  void signedToken_verifiesWithItsKey_andSaysWhatWasSigned() {
    String token = tokens.sign(key, claims());

    assertThat(tokens.verify(token, this::only, NOW.plusSeconds(10))).contains(claims());
  }

  @Test
  void expiredToken_isRefused() {
    String token = tokens.sign(key, claims());

    assertThat(tokens.verify(token, this::only, NOW.plusSeconds(3600))).isEmpty();
  }

  @Test
  void tokenOfAnotherKeyUnderTheSameKid_isRefused() {
    SigningKey impostor = tokens.newSigningKey("kg_one", NOW);
    String token = tokens.sign(impostor, claims());

    assertThat(tokens.verify(token, this::only, NOW)).isEmpty();
  }

  @Test
  void unknownKid_isRefused() {
    String token = tokens.sign(tokens.newSigningKey("kg_other", NOW), claims());

    assertThat(tokens.verify(token, this::only, NOW)).isEmpty();
  }

  @Test
  void changedClaims_orAlgNone_areRefused() {
    String token = tokens.sign(key, claims());
    String[] parts = token.split("\\.");
    String payload =
        new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
            .replace("\"sv\":3", "\"sv\":4");
    String forged =
        parts[0]
            + "."
            + Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8))
            + "."
            + parts[2];
    String none =
        Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(
                    "{\"alg\":\"none\",\"kid\":\"kg_one\"}".getBytes(StandardCharsets.UTF_8))
            + "."
            + parts[1]
            + ".";

    assertThat(tokens.verify(forged, this::only, NOW)).isEmpty();
    assertThat(tokens.verify(none, this::only, NOW)).isEmpty();
    assertThat(tokens.verify("not.a.jwt", this::only, NOW)).isEmpty();
  }

  @Test
  void published_holdsOnlyPublicHalves() {
    Map<String, Object> jwks = tokens.publish(List.of(key));

    assertThat(jwks.toString()).contains("kg_one").contains("\"n\"".replace("\"", ""));
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> keys = (List<Map<String, Object>>) jwks.get("keys");
    assertThat(keys)
        .singleElement()
        .satisfies(
            jwk -> {
              assertThat(jwk).containsKeys("kty", "n", "e", "kid", "alg", "use");
              assertThat(jwk).doesNotContainKeys("d", "p", "q", "dp", "dq", "qi");
            });
    assertThat(key.toString()).doesNotContain(key.privateJwk());
  }

  @Test
  void givenAKeyEncryptionKey_thePrivateHalfIsStoredEncrypted_andStillSigns() {
    byte[] kek = new byte[32];
    new java.security.SecureRandom().nextBytes(kek);
    NimbusAccessTokens sealed = new NimbusAccessTokens(kek);
    SigningKey stored = sealed.newSigningKey("kg_sealed", NOW);

    assertThat(stored.privateJwk())
        .doesNotContain("\"d\"")
        .doesNotContain("\"p\"")
        .startsWith("ey");
    String token = sealed.sign(stored, claims());
    assertThat(
            sealed.verify(token, kid -> Optional.of(stored).filter(k -> k.kid().equals(kid)), NOW))
        .contains(claims());

    byte[] other = kek.clone();
    other[0] ^= 1;
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> new NimbusAccessTokens(other).sign(stored, claims()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageNotContaining(stored.privateJwk());
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> tokens.sign(stored, claims()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("stored encrypted");
  }
}
