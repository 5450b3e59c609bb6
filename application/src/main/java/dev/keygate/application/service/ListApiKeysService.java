package dev.keygate.application.service;

import static dev.keygate.application.port.in.ManagementScope.READ_API_KEYS;
import static dev.keygate.domain.audit.AuditAction.API_KEY_READ;

import dev.keygate.application.port.in.ListApiKeysUseCase;
import dev.keygate.application.port.in.Principal;
import dev.keygate.application.port.out.ApiKeyRepository;
import dev.keygate.application.port.query.ApiKeyFilter;
import dev.keygate.application.port.query.Page;
import dev.keygate.application.port.query.PageRequest;
import dev.keygate.domain.key.ApiKey;
import dev.keygate.domain.key.ApiKeyKind;
import dev.keygate.domain.owner.Owner;
import java.util.Optional;

/**
 * Lists keys, portal links' keys left out; a confined caller sees only its own, whatever the filter
 * asks, its search included.
 */
public final class ListApiKeysService implements ListApiKeysUseCase {

  private final ApiKeyRepository apiKeys;
  private final Authorization authorization;

  ListApiKeysService(ApiKeyRepository apiKeys, Authorization authorization) {
    this.apiKeys = apiKeys;
    this.authorization = authorization;
  }

  @Override
  public Page<ApiKey> list(Principal principal, ApiKeyFilter filter, PageRequest page) {
    authorization.requireScope(principal, READ_API_KEYS, API_KEY_READ, "api_keys");
    // A portal link's key is the portal's session, not a key anyone hands out: never listed.
    ApiKeyFilter listed = filter.ofKind(ApiKeyKind.STANDARD);
    Optional<Owner> confinement = principal.confinement();
    if (confinement.isEmpty()) {
      return apiKeys.list(listed, page);
    }
    Owner own = confinement.get();
    Optional<Owner> asked = filter.owner();
    if (asked.isPresent() && !asked.get().equals(own)) {
      authorization.outOfReach(principal, API_KEY_READ, Echo.plain(asked.get().id()));
      return Page.empty();
    }
    return apiKeys.list(listed.ownedBy(own), page);
  }
}
