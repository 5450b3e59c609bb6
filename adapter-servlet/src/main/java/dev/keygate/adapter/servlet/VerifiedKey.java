package dev.keygate.adapter.servlet;

import dev.keygate.domain.owner.Owner;
import java.util.Set;

/**
 * The key behind a request {@link KeygateFilter} let through.
 *
 * @param id the key's id, such as {@code api_key_…}
 * @param owner the organization, user or environment (the deployment itself) it belongs to
 * @param scopes every scope it holds
 */
public record VerifiedKey(String id, Owner owner, Set<String> scopes) {

  public VerifiedKey {
    scopes = Set.copyOf(scopes);
  }
}
