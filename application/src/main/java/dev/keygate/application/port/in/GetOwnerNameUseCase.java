package dev.keygate.application.port.in;

import dev.keygate.domain.owner.Owner;
import java.util.Optional;

/**
 * Reads the name of an organization or user within the caller's reach, for whoever reads that
 * owner's keys: what the portal greets its customer with.
 */
public interface GetOwnerNameUseCase {

  /**
   * @return the name; empty for the environment, which has none, and for an owner since deleted
   * @throws dev.keygate.domain.NotFoundException if the owner lies out of the caller's reach
   */
  Optional<String> get(Principal principal, Owner owner);
}
