package dev.keygate.adapter.rest;

import dev.keygate.application.port.in.AddScopeCommand;
import dev.keygate.application.port.in.AddScopeUseCase;
import dev.keygate.application.port.in.DeleteScopeUseCase;
import dev.keygate.application.port.in.GetScopeUseCase;
import dev.keygate.application.port.in.ListScopesUseCase;
import dev.keygate.application.port.in.UpdateScopeCommand;
import dev.keygate.application.port.in.UpdateScopeUseCase;
import dev.keygate.domain.api.ApiId;
import dev.keygate.domain.api.Scope;
import dev.keygate.domain.api.ScopeId;
import dev.keygate.wire.ApiResponses;
import dev.keygate.wire.SuccessResponse;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.List;

/** {@code /api/v1/apis/{api_id}/scopes}: Kinde's endpoints for the scopes of an API. */
public final class ScopeRoutes implements RouteGroup {

  private static final String SCOPES = "/api/v1/apis/{api_id}/scopes";
  private static final String SCOPE = SCOPES + "/{scope_id}";

  private final AddScopeUseCase add;
  private final ListScopesUseCase list;
  private final GetScopeUseCase get;
  private final UpdateScopeUseCase update;
  private final DeleteScopeUseCase delete;

  public ScopeRoutes(
      AddScopeUseCase add,
      ListScopesUseCase list,
      GetScopeUseCase get,
      UpdateScopeUseCase update,
      DeleteScopeUseCase delete) {
    this.add = add;
    this.list = list;
    this.get = get;
    this.update = update;
    this.delete = delete;
  }

  @Override
  public List<Route> routes() {
    return List.of(
        Route.of(HandlerType.GET, SCOPES, "List the scopes of an API")
            .scope("read:api_scopes")
            .answers(ApiResponses.ScopesListed.class, this::list),
        Route.of(HandlerType.POST, SCOPES, "Define a scope on an API")
            .scope("create:api_scopes")
            .body(AddScopeRequest.class)
            .fails(409, "The API has a scope with this key, or is the management API.")
            .answers(ApiResponses.ScopeCreated.class, this::add),
        Route.of(HandlerType.GET, SCOPE, "Get a scope of an API")
            .scope("read:api_scopes")
            .answers(ApiResponses.OneScope.class, this::get),
        Route.of(HandlerType.PATCH, SCOPE, "Change the description of a scope")
            .scope("update:api_scopes")
            .body(UpdateScopeRequest.class)
            .fails(409, "The scopes of the management API are fixed.")
            .answers(SuccessResponse.class, this::update),
        Route.of(HandlerType.DELETE, SCOPE, "Delete a scope; the keys that held it lose it")
            .scope("delete:api_scopes")
            .fails(409, "The scopes of the management API are fixed.")
            .answers(SuccessResponse.class, this::delete));
  }

  private void list(Context ctx) {
    List<Scope> scopes = list.list(Principals.of(ctx), Requests.apiId(ctx));
    ctx.json(ApiResponses.scopesListed(scopes));
  }

  private void add(Context ctx) {
    ApiId apiId = Requests.apiId(ctx);
    AddScopeRequest request = Requests.body(ctx, AddScopeRequest.class);
    Scope scope =
        add.add(
            Principals.of(ctx), new AddScopeCommand(apiId, request.key(), request.description()));
    ctx.json(ApiResponses.scopeCreated(scope));
  }

  private void get(Context ctx) {
    Scope scope = get.get(Principals.of(ctx), Requests.apiId(ctx), Requests.scopeId(ctx));
    ctx.json(ApiResponses.oneScope(scope));
  }

  private void update(Context ctx) {
    ApiId apiId = Requests.apiId(ctx);
    ScopeId scopeId = Requests.scopeId(ctx);
    UpdateScopeRequest request = Requests.body(ctx, UpdateScopeRequest.class);
    update.update(
        Principals.of(ctx), new UpdateScopeCommand(apiId, scopeId, request.description()));
    ctx.json(SuccessResponse.OK);
  }

  private void delete(Context ctx) {
    delete.delete(Principals.of(ctx), Requests.apiId(ctx), Requests.scopeId(ctx));
    ctx.json(SuccessResponse.OK);
  }
}
