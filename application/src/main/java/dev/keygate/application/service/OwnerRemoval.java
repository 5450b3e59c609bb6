package dev.keygate.application.service;

import dev.keygate.application.port.out.ApiKeyRepository;
import dev.keygate.application.port.out.GrantRepository;
import dev.keygate.application.port.query.ApiKeyFilter;
import dev.keygate.application.port.query.PageRequest;
import dev.keygate.domain.ConflictException;
import dev.keygate.domain.grant.Grant;
import dev.keygate.domain.key.ApiKeyKind;
import dev.keygate.domain.key.ApiKeyStatus;
import dev.keygate.domain.owner.Owner;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * What deleting an organization or a user takes with it, and what keeps it. A deleted owner's
 * grants go with it; its revoked and expired keys stay on record for the audit trail, so its code
 * or id is not given to a new owner while they do: a newcomer under the old name would inherit
 * them.
 */
final class OwnerRemoval {

  private final ApiKeyRepository apiKeys;
  private final GrantRepository grants;
  private final Clock clock;

  OwnerRemoval(ApiKeyRepository apiKeys, GrantRepository grants, Clock clock) {
    this.apiKeys = apiKeys;
    this.grants = grants;
    this.clock = clock;
  }

  /** Refuses (409) to delete an owner of keys that still work or could again. */
  void requireNoLiveKeys(Owner owner) {
    Instant now = clock.instant();
    long live = apiKeys.countLive(owner, now);
    if (live > 0) {
      throw new ConflictException(
          Authorization.describe(owner)
              + " owns "
              + live
              + (live == 1 ? " live api key" : " live api keys")
              + " and cannot be deleted until they are revoked"
              + portalSessions(owner, now));
    }
  }

  /**
   * Which of the live keys are portal links' sessions, which no key list shows: when the last of
   * them ends, so that the refusal can be acted on.
   */
  private String portalSessions(Owner owner, Instant now) {
    List<Instant> ends =
        apiKeys
            .list(
                ApiKeyFilter.ALL.ownedBy(owner).ofKind(ApiKeyKind.PORTAL_LINK),
                PageRequest.first(PageRequest.MAX_SIZE))
            .items()
            .stream()
            .filter(key -> key.status() != ApiKeyStatus.REVOKED && !key.isExpiredAt(now))
            .map(key -> key.expiresOn().orElseThrow())
            .sorted()
            .toList();
    if (ends.isEmpty()) {
      return "";
    }
    return " ("
        + ends.size()
        + (ends.size() == 1
            ? " of them a portal link's session"
            : " of them portal links' sessions")
        + ", which ends by "
        + ends.get(ends.size() - 1)
        + ")";
  }

  /** Takes every grant of the owner away; inside the deletion's unit of work. */
  void withdrawGrants(Owner owner) {
    for (Grant grant : grants.of(owner)) {
      grants.remove(owner, grant.apiId());
    }
  }

  /** Refuses (409) a new owner whose code or id still names keys of a deleted one. */
  void requireNoKeysOnRecord(Owner owner) {
    if (!apiKeys.list(ApiKeyFilter.ALL.ownedBy(owner), PageRequest.first(1)).items().isEmpty()) {
      throw new ConflictException(
          Authorization.describe(owner)
              + " was deleted and its api keys remain on record: choose another");
    }
  }
}
