package dev.keygate.application.fake;

import dev.keygate.application.port.out.ChangeFeed;
import dev.keygate.application.port.out.GrantRepository;
import dev.keygate.domain.api.ApiId;
import dev.keygate.domain.api.Scope;
import dev.keygate.domain.grant.Grant;
import dev.keygate.domain.owner.Owner;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@link GrantRepository} in a sorted map. What the database does by cascade, this does on reading:
 * a deleted scope leaves every grant, a deleted API takes its grants along.
 */
public final class InMemoryGrantRepository implements GrantRepository {

  private final InMemoryApiRepository apis;
  private final Map<String, Grant> grants = new TreeMap<>();

  private final InMemoryChangeFeed feed;

  /** A repository that notes its changes in {@code feed}. */
  public InMemoryGrantRepository(InMemoryApiRepository apis, InMemoryChangeFeed feed) {
    this.apis = apis;
    this.feed = feed;
  }

  @Override
  public synchronized List<Grant> of(Owner owner) {
    return grants.values().stream()
        .filter(grant -> grant.owner().equals(owner))
        .map(this::asStored)
        .flatMap(Optional::stream)
        .toList();
  }

  @Override
  public synchronized Optional<Grant> find(Owner owner, ApiId apiId) {
    return Optional.ofNullable(grants.get(key(owner, apiId))).flatMap(this::asStored);
  }

  @Override
  public synchronized void put(Grant grant) {
    InMemoryUnitOfWork.willChange(this, grants, key(grant.owner(), grant.apiId()));
    grants.put(key(grant.owner(), grant.apiId()), grant);
    feed.append(ChangeFeed.Kind.OWNER_GRANTS, subject(grant.owner()));
  }

  /** How the feed names an owner: its type and id. */
  static String subject(Owner owner) {
    return owner.type().name() + ":" + owner.id();
  }

  @Override
  public synchronized boolean remove(Owner owner, ApiId apiId) {
    if (find(owner, apiId).isEmpty()) {
      return false;
    }
    InMemoryUnitOfWork.willChange(this, grants, key(owner, apiId));
    grants.remove(key(owner, apiId));
    feed.append(ChangeFeed.Kind.OWNER_GRANTS, subject(owner));
    return true;
  }

  private Optional<Grant> asStored(Grant grant) {
    if (apis.findById(grant.apiId()).isEmpty()) {
      return Optional.empty();
    }
    Set<Scope> defined = new LinkedHashSet<>(apis.scopes(grant.apiId()));
    defined.retainAll(grant.scopes());
    return Optional.of(
        new Grant(grant.owner(), grant.apiId(), defined, grant.grantedOn(), grant.grantedBy()));
  }

  /** Ordered by owner, then API id, as the database lists them. */
  private static String key(Owner owner, ApiId apiId) {
    return owner.type() + "/" + owner.id() + "/" + apiId.value();
  }
}
