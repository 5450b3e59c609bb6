package dev.keygate.application.port.query;

import dev.keygate.domain.key.ApiKeyId;
import dev.keygate.domain.owner.Owner;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Verification counts of one key, or of every key of one owner, per {@code granularity}, for the
 * buckets starting in {@code [from, to)}.
 *
 * @param key the key, when the counts are of one key
 * @param owner the owner, when the counts are of all its keys
 */
public record UsageQuery(
    Optional<ApiKeyId> key,
    Optional<Owner> owner,
    Granularity granularity,
    Instant from,
    Instant to) {

  /** How long one bucket is. */
  public enum Granularity {
    HOUR,
    DAY
  }

  public UsageQuery {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(granularity, "granularity");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (key.isPresent() == owner.isPresent()) {
      throw new IllegalArgumentException("usage is read for one key or one owner");
    }
  }
}
