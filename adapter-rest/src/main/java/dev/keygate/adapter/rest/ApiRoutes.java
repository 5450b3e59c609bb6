package dev.keygate.adapter.rest;

import dev.keygate.application.port.in.ApiDetails;
import dev.keygate.application.port.in.DeleteApiUseCase;
import dev.keygate.application.port.in.GetApiUseCase;
import dev.keygate.application.port.in.ListApisUseCase;
import dev.keygate.application.port.in.ListScopesUseCase;
import dev.keygate.application.port.in.Principal;
import dev.keygate.application.port.in.RegisterApiCommand;
import dev.keygate.application.port.in.RegisterApiUseCase;
import dev.keygate.domain.ValidationException;
import dev.keygate.domain.api.Api;
import dev.keygate.domain.api.Scope;
import dev.keygate.wire.ApiResponses;
import dev.keygate.wire.SuccessResponse;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** {@code /api/v1/apis}: Kinde's endpoints to register, list, read and delete APIs. */
public final class ApiRoutes implements RouteGroup {

  private static final String APIS = "/api/v1/apis";
  private static final String API = APIS + "/{api_id}";

  private final RegisterApiUseCase register;
  private final ListApisUseCase list;
  private final GetApiUseCase get;
  private final DeleteApiUseCase delete;
  private final ListScopesUseCase listScopes;

  /**
   * @param listScopes answers {@code expand=scopes} on the list
   */
  public ApiRoutes(
      RegisterApiUseCase register,
      ListApisUseCase list,
      GetApiUseCase get,
      DeleteApiUseCase delete,
      ListScopesUseCase listScopes) {
    this.register = register;
    this.list = list;
    this.get = get;
    this.delete = delete;
    this.listScopes = listScopes;
  }

  @Override
  public List<Route> routes() {
    return List.of(
        Route.of(HandlerType.GET, APIS, "List APIs")
            .scope("read:apis")
            .query(
                new Route.QueryParameter(
                    "expand",
                    "string",
                    "scopes: include each API's scopes (needs read:api_scopes)"))
            .extended(ApiResponses.ApisListed.class)
            .answers(ApiResponses.KindeApisListed.class, this::list),
        Route.of(HandlerType.POST, APIS, "Register an API under a unique audience")
            .scope("create:apis")
            .body(RegisterApiRequest.class)
            .fails(409, "An API with this audience exists.")
            .answers(ApiResponses.ApiCreated.class, this::register),
        Route.of(HandlerType.GET, API, "Get an API with its scopes")
            .scope("read:apis")
            .extended(ApiResponses.OneApi.class)
            .answers(ApiResponses.KindeOneApi.class, this::get),
        Route.of(HandlerType.DELETE, API, "Delete an API that no key was issued for")
            .scope("delete:apis")
            .fails(409, "Keys were issued for the API, or it is the management API.")
            .answers(SuccessResponse.class, this::delete));
  }

  private void list(Context ctx) {
    boolean expandScopes = Requests.query(ctx, "expand").map(ApiRoutes::expand).orElse(false);
    Principal principal = Principals.of(ctx);
    List<Api> apis =
        list.list(principal).stream()
            // Sorted by name, as Kinde lists them.
            .sorted(Comparator.comparing(Api::name).thenComparing(api -> api.id().value()))
            .toList();
    Extensions.answer(
        ctx,
        ApiResponses.listed(
            apis,
            api ->
                expandScopes
                    ? Optional.of(listScopes.list(principal, api.id()))
                    : Optional.<List<Scope>>empty()),
        ApiResponses.ApisListed::kinde);
  }

  private static boolean expand(String value) {
    if (!value.equals("scopes")) {
      throw new ValidationException("expand must be scopes");
    }
    return true;
  }

  private void register(Context ctx) {
    RegisterApiRequest request = Requests.body(ctx, RegisterApiRequest.class);
    Api api =
        register.register(
            Principals.of(ctx), new RegisterApiCommand(request.name(), request.audience()));
    ctx.json(ApiResponses.created(api));
  }

  private void get(Context ctx) {
    ApiDetails details = get.get(Principals.of(ctx), Requests.apiId(ctx));
    Extensions.answer(
        ctx, ApiResponses.one(details.api(), details.scopes()), ApiResponses.OneApi::kinde);
  }

  private void delete(Context ctx) {
    delete.delete(Principals.of(ctx), Requests.apiId(ctx));
    ctx.json(ApiResponses.DELETED);
  }
}
