package dev.keygate.application.port.out;

import dev.keygate.domain.api.Api;
import dev.keygate.domain.api.ApiId;
import dev.keygate.domain.api.Scope;
import dev.keygate.domain.api.ScopeId;
import java.util.List;
import java.util.Optional;

/** Stores registered APIs and the scopes defined on them. */
public interface ApiRepository {

  /**
   * Stores a new API.
   *
   * @throws dev.keygate.domain.ConflictException if its audience is taken
   */
  void add(Api api);

  Optional<Api> findById(ApiId id);

  Optional<Api> findByAudience(String audience);

  /** Every API, in id order. */
  List<Api> list();

  /** Removes the API and every scope defined on it. */
  void delete(ApiId id);

  /**
   * Stores a new scope.
   *
   * @throws dev.keygate.domain.ConflictException if its API already has a scope with that key
   */
  void addScope(Scope scope);

  /** The scope {@code id} of {@code apiId}; a scope of another API is not found. */
  Optional<Scope> findScope(ApiId apiId, ScopeId id);

  /** The scopes of {@code apiId}, in id order. */
  List<Scope> scopes(ApiId apiId);

  /** Replaces a stored scope's description. */
  void updateScope(Scope scope);

  void deleteScope(ScopeId id);
}
