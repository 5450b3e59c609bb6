package dev.keygate.application.port.out;

import dev.keygate.domain.api.ApiId;
import dev.keygate.domain.grant.Grant;
import dev.keygate.domain.owner.Owner;
import java.util.List;
import java.util.Optional;

/**
 * Stores what each organization and user may hold: one grant per owner and API. Deleting a scope
 * takes it out of every grant; deleting an API, every grant of it.
 */
public interface GrantRepository {

  /** The grants of {@code owner}, in API id order. */
  List<Grant> of(Owner owner);

  Optional<Grant> find(Owner owner, ApiId apiId);

  /** Stores {@code grant}, replacing the owner's grant of that API if it had one. */
  void put(Grant grant);

  /**
   * Removes the owner's grant of that API.
   *
   * @return whether there was one
   */
  boolean remove(Owner owner, ApiId apiId);
}
