package dev.keygate.application.port.query;

import dev.keygate.domain.api.ApiId;
import dev.keygate.domain.key.ApiKeyStatus;
import dev.keygate.domain.owner.Owner;
import dev.keygate.domain.owner.OwnerType;
import java.util.Objects;
import java.util.Optional;

/** Which keys a listing returns; an empty field does not filter. */
public record ApiKeyFilter(
    Optional<OwnerType> ownerType,
    Optional<Owner> owner,
    Optional<ApiKeyStatus> status,
    Optional<ApiId> apiId) {

  /** Every key. */
  public static final ApiKeyFilter ALL =
      new ApiKeyFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

  public ApiKeyFilter {
    Objects.requireNonNull(ownerType, "key type filter");
    Objects.requireNonNull(owner, "owner filter");
    Objects.requireNonNull(status, "status filter");
    Objects.requireNonNull(apiId, "api filter");
  }

  /** This filter narrowed to keys of {@code newOwner}. */
  public ApiKeyFilter ownedBy(Owner newOwner) {
    return new ApiKeyFilter(ownerType, Optional.of(newOwner), status, apiId);
  }
}
