package dev.keygate.adapter.persistence;

import dev.keygate.domain.api.Api;
import dev.keygate.domain.api.ApiId;
import dev.keygate.domain.api.Scope;
import dev.keygate.domain.api.ScopeId;

/** APIs and scopes, to and from their entities. */
final class ApiMapper {

  private ApiMapper() {}

  static ApiEntity toEntity(Api api) {
    ApiEntity entity = new ApiEntity();
    entity.id = api.id().value();
    entity.name = api.name();
    entity.audience = api.audience();
    entity.createdOn = api.createdOn();
    return entity;
  }

  static Api toDomain(ApiEntity entity) {
    return new Api(new ApiId(entity.id), entity.name, entity.audience, entity.createdOn);
  }

  static ScopeEntity toEntity(Scope scope) {
    ScopeEntity entity = new ScopeEntity();
    entity.id = scope.id().value();
    entity.apiId = scope.apiId().value();
    entity.key = scope.key();
    entity.description = scope.description();
    return entity;
  }

  static Scope toDomain(ScopeEntity entity) {
    return new Scope(
        new ScopeId(entity.id), new ApiId(entity.apiId), entity.key, entity.description);
  }
}
