package dev.keygate.application.port.query;

import dev.keygate.domain.Checks;
import dev.keygate.domain.api.ApiId;
import dev.keygate.domain.key.ApiKey;
import dev.keygate.domain.key.ApiKeyKind;
import dev.keygate.domain.key.ApiKeyStatus;
import dev.keygate.domain.owner.Owner;
import dev.keygate.domain.owner.OwnerType;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Which keys a listing returns; an empty field does not filter.
 *
 * @param search text a key's name contains or its id starts with, either case; trimmed
 * @param kind keys of this kind only: the key lists people read ask for {@link
 *     ApiKeyKind#STANDARD}, so portal links' keys never show there
 */
public record ApiKeyFilter(
    Optional<OwnerType> ownerType,
    Optional<Owner> owner,
    Optional<ApiKeyStatus> status,
    Optional<ApiId> apiId,
    Optional<String> search,
    Optional<ApiKeyKind> kind) {

  /** Every key, of every kind. */
  public static final ApiKeyFilter ALL =
      new ApiKeyFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

  public ApiKeyFilter {
    Objects.requireNonNull(ownerType, "key type filter");
    Objects.requireNonNull(owner, "owner filter");
    Objects.requireNonNull(status, "status filter");
    Objects.requireNonNull(apiId, "api filter");
    Objects.requireNonNull(search, "search");
    Objects.requireNonNull(kind, "kind filter");
    // As a key's name reads: trimmed, 1-128 characters, no control characters.
    search = search.map(text -> Checks.name("search", text, ApiKey.MAX_NAME_LENGTH));
  }

  /** Keys of any kind matching no search. */
  public ApiKeyFilter(
      Optional<OwnerType> ownerType,
      Optional<Owner> owner,
      Optional<ApiKeyStatus> status,
      Optional<ApiId> apiId) {
    this(ownerType, owner, status, apiId, Optional.empty(), Optional.empty());
  }

  /** This filter narrowed to keys of {@code newOwner}. */
  public ApiKeyFilter ownedBy(Owner newOwner) {
    return new ApiKeyFilter(ownerType, Optional.of(newOwner), status, apiId, search, kind);
  }

  /** This filter narrowed to keys of {@code newKind}. */
  public ApiKeyFilter ofKind(ApiKeyKind newKind) {
    return new ApiKeyFilter(ownerType, owner, status, apiId, search, Optional.of(newKind));
  }

  /** This filter narrowed to keys whose name contains {@code text} or whose id starts with it. */
  public ApiKeyFilter searching(String text) {
    return new ApiKeyFilter(ownerType, owner, status, apiId, Optional.of(text), kind);
  }

  /** Whether {@code key} matches the search, as every repository decides it. */
  public boolean matchesSearch(ApiKey key) {
    if (search.isEmpty()) {
      return true;
    }
    String text = search.get().toLowerCase(Locale.ROOT);
    return key.name().toLowerCase(Locale.ROOT).contains(text) || key.id().value().startsWith(text);
  }
}
