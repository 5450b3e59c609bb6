package dev.keygate.domain.key;

import dev.keygate.domain.Checks;
import dev.keygate.domain.ValidationException;
import java.time.Instant;
import java.util.Optional;

/** How often and how recently a key was verified, as recorded write-behind. */
public record Usage(
    Optional<Instant> lastVerifiedOn, Optional<String> lastVerifiedIp, long verificationCount) {

  /** A key never verified. */
  public static final Usage NONE = new Usage(Optional.empty(), Optional.empty(), 0);

  public Usage {
    Checks.required("last verification time", lastVerifiedOn);
    Checks.required("last verification address", lastVerifiedIp);
    if (verificationCount < 0) {
      throw new ValidationException("verification count must not be negative");
    }
  }
}
