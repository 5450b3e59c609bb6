package dev.keygate.application.port.out;

import dev.keygate.domain.owner.Owner;
import java.time.Duration;
import java.util.Optional;

/**
 * How fast keys may be made for one owner by callers confined to it, so that a tenant (or a leaked
 * portal link) cannot fill the database.
 */
public interface CreationQuota {

  /**
   * Takes one creation from {@code owner}'s quota.
   *
   * @return empty when the creation may go ahead; otherwise how long until the quota allows one
   */
  Optional<Duration> take(Owner owner);
}
