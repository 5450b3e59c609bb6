package dev.keygate.adapter.memory;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.keygate.application.port.out.SecretRef;
import dev.keygate.application.port.out.VerifiedSecretCache;
import dev.keygate.domain.key.ApiKeyId;
import dev.keygate.domain.token.ParsedToken;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The positive verification cache: tokens already proven, keyed by HMAC-SHA-256 of the token under
 * a random key that lives only in this process, so neither the token nor a reusable digest of it is
 * ever held. Bounded in size and time.
 */
public final class CaffeineVerifiedSecretCache implements VerifiedSecretCache {

  private static final String HMAC = "HmacSHA256";

  private final Cache<String, SecretRef> proven;
  private final ThreadLocal<Mac> macs;

  /**
   * @param timeToLive how long a proven token skips the hash check
   * @param maximumSize how many proven tokens are remembered at most
   */
  public CaffeineVerifiedSecretCache(Duration timeToLive, long maximumSize) {
    this(timeToLive, maximumSize, Ticker.systemTicker());
  }

  CaffeineVerifiedSecretCache(Duration timeToLive, long maximumSize, Ticker ticker) {
    this.proven =
        Caffeine.newBuilder()
            .ticker(ticker)
            .executor(Runnable::run)
            .expireAfterWrite(timeToLive)
            .maximumSize(maximumSize)
            .build();
    SecretKeySpec key = new SecretKeySpec(randomKey(), HMAC);
    this.macs = ThreadLocal.withInitial(() -> newMac(key));
  }

  @Override
  public Optional<SecretRef> find(ParsedToken token) {
    return Optional.ofNullable(proven.getIfPresent(digest(token)));
  }

  @Override
  public void remember(ParsedToken token, SecretRef secret) {
    proven.put(digest(token), secret);
  }

  @Override
  public void forget(ApiKeyId keyId) {
    proven.asMap().values().removeIf(ref -> ref.keyId().equals(keyId));
  }

  /** The digests held, for tests that prove no token is. */
  Set<String> digests() {
    proven.cleanUp();
    return Set.copyOf(proven.asMap().keySet());
  }

  private String digest(ParsedToken token) {
    char[] chars = token.token();
    byte[] ascii = new byte[chars.length];
    for (int i = 0; i < chars.length; i++) {
      ascii[i] = (byte) chars[i];
    }
    Arrays.fill(chars, '\0');
    try {
      return HexFormat.of().formatHex(macs.get().doFinal(ascii));
    } finally {
      Arrays.fill(ascii, (byte) 0);
    }
  }

  private static byte[] randomKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return key;
  }

  private static Mac newMac(SecretKeySpec key) {
    try {
      Mac mac = Mac.getInstance(HMAC);
      mac.init(key);
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
    }
  }
}
