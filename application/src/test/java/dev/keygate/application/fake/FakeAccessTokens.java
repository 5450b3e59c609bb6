package dev.keygate.application.fake;

import dev.keygate.application.port.out.AccessTokens;
import dev.keygate.domain.application.SigningKey;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * {@link AccessTokens} without cryptography, for the application's tests: a token is a counter
 * shaped as a JWT, remembered with its claims and the key that "signed" it. The real one, on
 * nimbus-jose-jwt, is tested in adapter-crypto and over HTTP.
 */
public final class FakeAccessTokens implements AccessTokens {

  private final AtomicLong counter = new AtomicLong();
  private final Map<String, Signed> signed = new ConcurrentHashMap<>();

  private record Signed(String kid, Claims claims) {}

  @Override
  public SigningKey newSigningKey(String kid, Instant now) {
    return new SigningKey(
        kid, "{\"kid\":\"" + kid + "\"}", "private-" + kid, now, Optional.empty());
  }

  @Override
  public String sign(SigningKey key, Claims claims) {
    String token = "fake." + counter.incrementAndGet() + ".token";
    signed.put(token, new Signed(key.kid(), claims));
    return token;
  }

  @Override
  public Optional<Claims> verify(
      String token, Function<String, Optional<SigningKey>> keys, Instant now) {
    Signed found = signed.get(token);
    if (found == null
        || keys.apply(found.kid()).isEmpty()
        || !now.isBefore(found.claims().expiresAt())) {
      return Optional.empty();
    }
    return Optional.of(found.claims());
  }

  @Override
  public Map<String, Object> publish(List<SigningKey> keys) {
    return Map.of("keys", keys.stream().map(SigningKey::kid).toList());
  }
}
