package dev.keygate.adapter.rest;

import dev.keygate.application.port.in.AddApplicationScopeUseCase;
import dev.keygate.application.port.in.ApplicationScopeCommand;
import dev.keygate.application.port.in.AuthorizeApplicationsCommand;
import dev.keygate.application.port.in.AuthorizeApplicationsUseCase;
import dev.keygate.application.port.in.CreateApplicationCommand;
import dev.keygate.application.port.in.CreateApplicationUseCase;
import dev.keygate.application.port.in.CreatedApplication;
import dev.keygate.application.port.in.DeleteApplicationUseCase;
import dev.keygate.application.port.in.GetApplicationUseCase;
import dev.keygate.application.port.in.ListApplicationsUseCase;
import dev.keygate.application.port.in.RemoveApplicationScopeUseCase;
import dev.keygate.application.port.in.RotateApplicationSecretUseCase;
import dev.keygate.application.port.in.UpdateApplicationUseCase;
import dev.keygate.application.port.query.ListOrder;
import dev.keygate.domain.NotFoundException;
import dev.keygate.domain.ValidationException;
import dev.keygate.domain.application.ApplicationId;
import dev.keygate.domain.owner.OrgCode;
import dev.keygate.wire.ApplicationResponses;
import dev.keygate.wire.SuccessResponse;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code /api/v1/applications}: Kinde's endpoints for M2M applications, the authorization of
 * applications for an API and the scopes granted to them there; rotating a client secret is
 * Keygate's extension.
 */
public final class ApplicationRoutes implements RouteGroup {

  private static final String APPLICATIONS = "/api/v1/applications";
  private static final String APPLICATION = APPLICATIONS + "/{application_id}";
  private static final String API_APPLICATIONS = "/api/v1/apis/{api_id}/applications";
  private static final String APPLICATION_SCOPE =
      API_APPLICATIONS + "/{application_id}/scopes/{scope_id}";

  private final CreateApplicationUseCase create;
  private final ListApplicationsUseCase list;
  private final GetApplicationUseCase get;
  private final UpdateApplicationUseCase update;
  private final DeleteApplicationUseCase delete;
  private final RotateApplicationSecretUseCase rotateSecret;
  private final AuthorizeApplicationsUseCase authorize;
  private final AddApplicationScopeUseCase addScope;
  private final RemoveApplicationScopeUseCase removeScope;

  public ApplicationRoutes(
      CreateApplicationUseCase create,
      ListApplicationsUseCase list,
      GetApplicationUseCase get,
      UpdateApplicationUseCase update,
      DeleteApplicationUseCase delete,
      RotateApplicationSecretUseCase rotateSecret,
      AuthorizeApplicationsUseCase authorize,
      AddApplicationScopeUseCase addScope,
      RemoveApplicationScopeUseCase removeScope) {
    this.create = create;
    this.list = list;
    this.get = get;
    this.update = update;
    this.delete = delete;
    this.rotateSecret = rotateSecret;
    this.authorize = authorize;
    this.addScope = addScope;
    this.removeScope = removeScope;
  }

  @Override
  public List<Route> routes() {
    return List.of(
        Route.of(HandlerType.GET, APPLICATIONS, "List M2M applications")
            .scope("read:applications")
            .query(
                new Route.QueryParameter(
                    "sort", "string", "name_asc or name_desc; id order by default"),
                new Route.QueryParameter("page_size", "integer", "1-500, 50 by default"),
                new Route.QueryParameter(
                    "next_token", "string", "the next_token of the page before"))
            .extended(ApplicationResponses.ApplicationsListed.class)
            .answers(ApplicationResponses.KindeApplicationsListed.class, this::list),
        Route.of(
                HandlerType.POST,
                APPLICATIONS,
                "Create an M2M application; its client secret is shown once")
            .scope("create:applications")
            .body(CreateApplicationRequest.class)
            .status(201)
            .fails(404, "The organization does not exist, or is out of reach.")
            .answers(ApplicationResponses.Created.class, this::create),
        Route.of(HandlerType.GET, APPLICATION, "Get an M2M application")
            .scope("read:applications")
            .extended(ApplicationResponses.OneApplication.class)
            .answers(ApplicationResponses.KindeOne.class, this::get),
        Route.of(HandlerType.PATCH, APPLICATION, "Rename an M2M application")
            .scope("update:applications")
            .optionalBody(UpdateApplicationRequest.class)
            .answers(SuccessResponse.class, this::update),
        Route.of(
                HandlerType.DELETE,
                APPLICATION,
                "Delete an M2M application; its tokens stop working at once")
            .scope("delete:applications")
            .answers(SuccessResponse.class, this::delete),
        Route.of(
                HandlerType.POST,
                APPLICATION + "/rotate_secret",
                "Give an M2M application a new client secret, shown once; the old one and its"
                    + " tokens stop working at once (extension)")
            .scope("update:applications")
            .answers(ApplicationResponses.Created.class, this::rotateSecret),
        Route.of(HandlerType.PATCH, API_APPLICATIONS, "Authorize applications for an API")
            .scope("update:applications")
            .body(AuthorizeApplicationsRequest.class)
            .answers(ApplicationResponses.Authorized.class, this::authorize),
        Route.of(HandlerType.POST, APPLICATION_SCOPE, "Grant an application a scope of an API")
            .scope("update:applications")
            .fails(400, "The application is not authorized for the API.")
            .answers(SuccessResponse.class, this::addScope),
        Route.of(HandlerType.DELETE, APPLICATION_SCOPE, "Take a scope from an application")
            .scope("update:applications")
            .answers(SuccessResponse.class, this::removeScope));
  }

  private void list(Context ctx) {
    ListOrder order = Requests.sort(ctx);
    Extensions.answer(
        ctx,
        ApplicationResponses.listed(
            list.list(Principals.of(ctx), order, Requests.pageWithToken(ctx)), order),
        ApplicationResponses.ApplicationsListed::kinde);
  }

  private void create(Context ctx) {
    CreateApplicationRequest request = Requests.body(ctx, CreateApplicationRequest.class);
    Optional<OrgCode> org = Optional.ofNullable(request.orgCode()).map(OrgCode::new);
    CreatedApplication created =
        create.create(
            Principals.of(ctx), new CreateApplicationCommand(request.name(), request.type(), org));
    try {
      ctx.status(201).json(ApplicationResponses.created(created));
    } finally {
      created.clientSecret().wipe();
    }
  }

  private void get(Context ctx) {
    Extensions.answer(
        ctx,
        ApplicationResponses.one(get.get(Principals.of(ctx), Requests.applicationId(ctx))),
        ApplicationResponses.OneApplication::kinde);
  }

  private void update(Context ctx) {
    Optional<UpdateApplicationRequest> request =
        Requests.optionalBody(ctx, UpdateApplicationRequest.class);
    update.update(
        Principals.of(ctx),
        Requests.applicationId(ctx),
        request.map(UpdateApplicationRequest::name));
    ctx.json(SuccessResponse.OK);
  }

  private void delete(Context ctx) {
    delete.delete(Principals.of(ctx), Requests.applicationId(ctx));
    ctx.json(SuccessResponse.OK);
  }

  private void rotateSecret(Context ctx) {
    CreatedApplication rotated =
        rotateSecret.rotate(Principals.of(ctx), Requests.applicationId(ctx));
    try {
      ctx.json(ApplicationResponses.rotated(rotated));
    } finally {
      rotated.clientSecret().wipe();
    }
  }

  private void authorize(Context ctx) {
    AuthorizeApplicationsRequest request = Requests.body(ctx, AuthorizeApplicationsRequest.class);
    List<AuthorizeApplicationsCommand.Change> changes = new ArrayList<>();
    for (int i = 0; i < request.applications().size(); i++) {
      AuthorizeApplicationsRequest.Change change = request.applications().get(i);
      if (change == null) {
        throw new ValidationException("applications[" + i + "] must not be null");
      }
      if (change.operation() != null && !change.operation().equals("delete")) {
        throw new ValidationException("applications[" + i + "].operation must be delete");
      }
      if (change.id() == null) {
        throw new ValidationException("applications[" + i + "].id is required");
      }
      if (!ApplicationId.isWellFormed(change.id())) {
        throw new NotFoundException("application not found");
      }
      changes.add(
          new AuthorizeApplicationsCommand.Change(
              new ApplicationId(change.id()), change.operation() != null));
    }
    ctx.json(
        ApplicationResponses.authorized(
            authorize.authorize(
                Principals.of(ctx),
                new AuthorizeApplicationsCommand(Requests.apiId(ctx), changes))));
  }

  private void addScope(Context ctx) {
    addScope.add(Principals.of(ctx), scopeCommand(ctx));
    ctx.json(SuccessResponse.OK);
  }

  private void removeScope(Context ctx) {
    removeScope.remove(Principals.of(ctx), scopeCommand(ctx));
    ctx.json(SuccessResponse.OK);
  }

  private static ApplicationScopeCommand scopeCommand(Context ctx) {
    return new ApplicationScopeCommand(
        Requests.apiId(ctx), Requests.applicationId(ctx), Requests.scopeId(ctx));
  }
}
