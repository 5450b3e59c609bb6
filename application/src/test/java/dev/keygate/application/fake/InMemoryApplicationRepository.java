package dev.keygate.application.fake;

import dev.keygate.application.port.out.ApplicationRepository;
import dev.keygate.application.port.out.ChangeFeed;
import dev.keygate.domain.api.Scope;
import dev.keygate.domain.application.Application;
import dev.keygate.domain.application.ApplicationId;
import dev.keygate.domain.owner.OrgCode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * {@link ApplicationRepository} in a sorted map. What the database does by cascade, this does on
 * reading: a deleted API or scope leaves every application.
 */
public final class InMemoryApplicationRepository implements ApplicationRepository {

  private final InMemoryApiRepository apis;
  private final Map<String, Application> applications = new TreeMap<>();

  private final InMemoryChangeFeed feed;

  /** A repository that notes its changes in {@code feed}. */
  public InMemoryApplicationRepository(InMemoryApiRepository apis, InMemoryChangeFeed feed) {
    this.apis = apis;
    this.feed = feed;
  }

  @Override
  public synchronized void add(Application application) {
    InMemoryUnitOfWork.willChange(this, applications, application.id().value());
    applications.put(application.id().value(), application);
    feed.append(ChangeFeed.Kind.APPLICATION, application.id().value());
  }

  @Override
  public synchronized Optional<Application> findById(ApplicationId id) {
    return Optional.ofNullable(applications.get(id.value())).map(this::asStored);
  }

  @Override
  public synchronized List<Application> list(Optional<OrgCode> org) {
    return applications.values().stream()
        .filter(application -> org.isEmpty() || application.org().equals(org))
        .map(this::asStored)
        .toList();
  }

  @Override
  public synchronized void update(Application application) {
    if (applications.containsKey(application.id().value())) {
      InMemoryUnitOfWork.willChange(this, applications, application.id().value());
      applications.put(application.id().value(), application);
      feed.append(ChangeFeed.Kind.APPLICATION, application.id().value());
    }
  }

  @Override
  public synchronized boolean delete(ApplicationId id) {
    if (!applications.containsKey(id.value())) {
      return false;
    }
    InMemoryUnitOfWork.willChange(this, applications, id.value());
    applications.remove(id.value());
    feed.append(ChangeFeed.Kind.APPLICATION, id.value());
    return true;
  }

  private Application asStored(Application application) {
    Set<dev.keygate.domain.api.ApiId> live =
        application.apis().stream()
            .filter(api -> apis.findById(api).isPresent())
            .collect(Collectors.toSet());
    Set<Scope> scopes =
        application.scopes().stream()
            .filter(scope -> live.contains(scope.apiId()))
            .filter(scope -> apis.findScope(scope.apiId(), scope.id()).isPresent())
            .map(scope -> apis.findScope(scope.apiId(), scope.id()).orElseThrow())
            .collect(Collectors.toSet());
    return new Application(
        application.id(),
        application.name(),
        application.org(),
        application.secretHash(),
        application.secretVersion(),
        live,
        scopes,
        application.createdOn(),
        application.createdBy(),
        application.madeBy(),
        application.expiresOn());
  }
}
