package dev.keygate.application.port.out;

import dev.keygate.domain.key.ApiKeyId;
import java.time.Instant;
import java.util.Optional;

/**
 * Counts successful verifications. Implementations aggregate in memory and write behind, so the hot
 * path never waits for a database write.
 */
public interface UsageRecorder {

  void record(ApiKeyId keyId, Instant verifiedOn, Optional<String> clientIp);
}
