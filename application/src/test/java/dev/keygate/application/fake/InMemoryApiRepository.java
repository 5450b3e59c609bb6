package dev.keygate.application.fake;

import dev.keygate.application.port.out.ApiRepository;
import dev.keygate.domain.ConflictException;
import dev.keygate.domain.api.Api;
import dev.keygate.domain.api.ApiId;
import dev.keygate.domain.api.Scope;
import dev.keygate.domain.api.ScopeId;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/** {@link ApiRepository} in sorted maps, refusing duplicates as the real one does. */
public final class InMemoryApiRepository implements ApiRepository {

  private final TreeMap<String, Api> apis = new TreeMap<>();
  private final TreeMap<String, Scope> scopes = new TreeMap<>();

  @Override
  public synchronized void add(Api api) {
    if (findByAudience(api.audience()).isPresent()) {
      throw new ConflictException("audience already registered");
    }
    InMemoryUnitOfWork.willChange(this, apis, api.id().value());
    apis.put(api.id().value(), api);
  }

  @Override
  public synchronized Optional<Api> findById(ApiId id) {
    return Optional.ofNullable(apis.get(id.value()));
  }

  @Override
  public synchronized Optional<Api> findByAudience(String audience) {
    return apis.values().stream().filter(api -> api.audience().equals(audience)).findFirst();
  }

  @Override
  public synchronized List<Api> list() {
    return List.copyOf(apis.values());
  }

  @Override
  public synchronized void delete(ApiId id) {
    InMemoryUnitOfWork.willChange(this, apis, id.value());
    apis.remove(id.value());
    for (Scope scope : scopes(id)) {
      deleteScope(scope.id());
    }
  }

  @Override
  public synchronized void addScope(Scope scope) {
    if (scopes(scope.apiId()).stream().anyMatch(s -> s.key().equals(scope.key()))) {
      throw new ConflictException("scope key already defined on this api");
    }
    InMemoryUnitOfWork.willChange(this, scopes, scope.id().value());
    scopes.put(scope.id().value(), scope);
  }

  @Override
  public synchronized Optional<Scope> findScope(ApiId apiId, ScopeId id) {
    return Optional.ofNullable(scopes.get(id.value())).filter(s -> s.apiId().equals(apiId));
  }

  @Override
  public synchronized List<Scope> scopes(ApiId apiId) {
    return scopes.values().stream().filter(scope -> scope.apiId().equals(apiId)).toList();
  }

  @Override
  public synchronized void updateScope(Scope scope) {
    if (scopes.containsKey(scope.id().value())) {
      InMemoryUnitOfWork.willChange(this, scopes, scope.id().value());
      scopes.put(scope.id().value(), scope);
    }
  }

  @Override
  public synchronized void deleteScope(ScopeId id) {
    InMemoryUnitOfWork.willChange(this, scopes, id.value());
    scopes.remove(id.value());
  }
}
