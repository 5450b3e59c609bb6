package dev.keygate.adapter.rest;

import dev.keygate.application.port.in.CreateOrganizationCommand;
import dev.keygate.application.port.in.CreateOrganizationUseCase;
import dev.keygate.application.port.in.CreateUserCommand;
import dev.keygate.application.port.in.CreateUserUseCase;
import dev.keygate.application.port.in.DeleteOrganizationUseCase;
import dev.keygate.application.port.in.DeleteUserUseCase;
import dev.keygate.application.port.in.GetOrganizationUseCase;
import dev.keygate.application.port.in.GetUserUseCase;
import dev.keygate.application.port.in.KeygateUseCases;
import dev.keygate.application.port.in.ListOrganizationsUseCase;
import dev.keygate.application.port.in.ListUsersUseCase;
import dev.keygate.application.port.in.UpdateOrganizationUseCase;
import dev.keygate.application.port.in.UpdateUserCommand;
import dev.keygate.application.port.in.UpdateUserUseCase;
import dev.keygate.application.port.query.ListOrder;
import dev.keygate.application.port.query.Page;
import dev.keygate.application.port.query.UserFilter;
import dev.keygate.domain.ValidationException;
import dev.keygate.domain.owner.OrgCode;
import dev.keygate.domain.owner.Organization;
import dev.keygate.domain.owner.UserAccount;
import dev.keygate.domain.owner.UserId;
import dev.keygate.wire.OwnerResponses;
import dev.keygate.wire.SuccessResponse;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code /api/v1/organization(s)} and {@code /api/v1/user(s)}: the owners keys are issued to, on
 * Kinde's paths.
 */
public final class OwnerRoutes implements RouteGroup {

  private static final Route.QueryParameter PAGE_SIZE =
      new Route.QueryParameter("page_size", "integer", "1-500, 50 by default");
  private static final String ORGANIZATION = "/api/v1/organization/{org_code}";
  private static final Route.QueryParameter SORT =
      new Route.QueryParameter("sort", "string", "name_asc or name_desc; code order by default");
  private static final Route.QueryParameter NEXT_TOKEN =
      new Route.QueryParameter(
          "next_token", "string", "the next_token of the page before; not with starting_after");

  private final CreateOrganizationUseCase createOrganization;
  private final ListOrganizationsUseCase listOrganizations;
  private final GetOrganizationUseCase getOrganization;
  private final CreateUserUseCase createUser;
  private final ListUsersUseCase listUsers;
  private final GetUserUseCase getUser;
  private final UpdateOrganizationUseCase updateOrganization;
  private final DeleteOrganizationUseCase deleteOrganization;
  private final UpdateUserUseCase updateUser;
  private final DeleteUserUseCase deleteUser;

  public OwnerRoutes(KeygateUseCases useCases) {
    this.createOrganization = useCases.createOrganization();
    this.listOrganizations = useCases.listOrganizations();
    this.getOrganization = useCases.getOrganization();
    this.createUser = useCases.createUser();
    this.listUsers = useCases.listUsers();
    this.getUser = useCases.getUser();
    this.updateOrganization = useCases.updateOrganization();
    this.deleteOrganization = useCases.deleteOrganization();
    this.updateUser = useCases.updateUser();
    this.deleteUser = useCases.deleteUser();
  }

  @Override
  public List<Route> routes() {
    return List.of(
        Route.of(HandlerType.POST, "/api/v1/organization", "Create an organization")
            .scope("create:organizations")
            .body(CreateOrganizationRequest.class)
            .fails(409, "An organization with this code exists.")
            .answers(OwnerResponses.OrganizationCreated.class, this::createOrganization),
        Route.of(HandlerType.GET, "/api/v1/organization", "Get an organization by its code")
            .scope("read:organizations")
            .query(
                new Route.QueryParameter("code", "string", "the organization's code", true),
                new Route.QueryParameter(
                    "expand", "string", "Kinde's billing: accepted and ignored (no billing)"))
            .fails(404, "No such organization, or it is out of the management key's reach.")
            // Kinde's get_organization_response declares created_on: one answer either way.
            .answers(OwnerResponses.OrganizationView.class, this::getOrganization),
        Route.of(HandlerType.GET, "/api/v1/organizations", "List organizations")
            .scope("read:organizations")
            .query(
                PAGE_SIZE,
                NEXT_TOKEN,
                new Route.QueryParameter(
                    "starting_after", "string", "the last organization code seen (extension)"),
                SORT)
            .extended(OwnerResponses.OrganizationsListed.class)
            .answers(OwnerResponses.KindeOrganizationsListed.class, this::listOrganizations),
        Route.of(HandlerType.PATCH, ORGANIZATION, "Rename an organization")
            .scope("update:organizations")
            .optionalBody(UpdateOrganizationRequest.class)
            .query(
                new Route.QueryParameter(
                    "expand", "string", "Kinde's billing: accepted and ignored (no billing)"))
            .fails(404, "No such organization, or it is out of the management key's reach.")
            .answers(SuccessResponse.class, this::updateOrganization),
        Route.of(HandlerType.DELETE, ORGANIZATION, "Delete an organization with its grants")
            .scope("delete:organizations")
            .fails(404, "No such organization.")
            .fails(
                409,
                "The organization owns live API keys or M2M applications, or it is the operator's.")
            .answers(SuccessResponse.class, this::deleteOrganization),
        Route.of(HandlerType.POST, "/api/v1/user", "Create a user")
            .scope("create:users")
            .body(CreateUserRequest.class)
            .fails(409, "A user with this id exists.")
            .answers(OwnerResponses.UserCreated.class, this::createUser),
        Route.of(HandlerType.GET, "/api/v1/user", "Get a user by id")
            .scope("read:users")
            .query(
                new Route.QueryParameter("id", "string", "the user's id", true),
                unsupported("expand", "string"))
            .fails(404, "No such user, or they are out of the management key's reach.")
            .extended(OwnerResponses.UserDetails.class)
            .answers(OwnerResponses.KindeUser.class, this::getUser),
        Route.of(HandlerType.GET, "/api/v1/users", "List users")
            .scope("read:users")
            .query(
                PAGE_SIZE,
                NEXT_TOKEN,
                new Route.QueryParameter(
                    "starting_after", "string", "the last user id seen (extension)"),
                new Route.QueryParameter(
                    "user_id", "string", "only these users: ids separated by commas"),
                new Route.QueryParameter(
                    "email",
                    "string",
                    "only users with these emails, any case: separated by commas"),
                unsupported("username", "string"),
                unsupported("phone", "string"),
                unsupported("expand", "string"),
                unsupported("has_organization", "boolean"),
                unsupported("active_since", "string"))
            .extended(OwnerResponses.UsersListed.class)
            .answers(OwnerResponses.KindeUsersListed.class, this::listUsers),
        Route.of(HandlerType.PATCH, "/api/v1/user", "Rename a user")
            .scope("update:users")
            .optionalBody(UpdateUserRequest.class)
            .query(new Route.QueryParameter("id", "string", "the user's id", true))
            .fails(404, "No such user, or they are out of the management key's reach.")
            .extended(OwnerResponses.UserDetails.class)
            .answers(OwnerResponses.UserUpdated.class, this::updateUser),
        Route.of(HandlerType.DELETE, "/api/v1/user", "Delete a user with their grants")
            .scope("delete:users")
            .query(
                new Route.QueryParameter("id", "string", "the user's id", true),
                new Route.QueryParameter(
                    "is_delete_profile",
                    "boolean",
                    "Kinde's: accepted; Keygate keeps no profile beyond the user it deletes"))
            .fails(404, "No such user.")
            .fails(409, "The user owns live API keys.")
            .answers(SuccessResponse.class, this::deleteUser));
  }

  private void createOrganization(Context ctx) {
    CreateOrganizationRequest request = Requests.body(ctx, CreateOrganizationRequest.class);
    Organization organization =
        createOrganization.create(
            Principals.of(ctx),
            new CreateOrganizationCommand(
                request.name(), Optional.ofNullable(request.code()).map(OrgCode::new)));
    ctx.json(OwnerResponses.created(organization));
  }

  /** A parameter Kinde declares for the route that Keygate refuses rather than ignores. */
  private static Route.QueryParameter unsupported(String name, String type) {
    return new Route.QueryParameter(
        name, type, "Kinde's; not supported by Keygate: refused with 400, never ignored");
  }

  private void getOrganization(Context ctx) {
    OrgCode code = new OrgCode(Requests.requiredQuery(ctx, "code"));
    expandBillingOnly(ctx);
    Organization organization = getOrganization.get(Principals.of(ctx), code);
    ctx.json(OwnerResponses.organization(organization));
  }

  /** Kinde's {@code expand=billing}, which adds nothing here: Keygate keeps no billing. */
  private static void expandBillingOnly(Context ctx) {
    Requests.query(ctx, "expand")
        .filter(expand -> !expand.equals("billing"))
        .ifPresent(
            expand -> {
              throw new ValidationException("expand must be billing");
            });
  }

  private void getUser(Context ctx) {
    UserId id = new UserId(Requests.requiredQuery(ctx, "id"));
    Requests.refuseUnsupported(
        ctx, "Keygate keeps no memberships, identities or billing of users", "expand");
    UserAccount user = getUser.get(Principals.of(ctx), id);
    Extensions.answer(ctx, OwnerResponses.details(user), OwnerResponses.UserDetails::kinde);
  }

  private void listOrganizations(Context ctx) {
    Requests.query(ctx, "sort")
        .filter(sort -> sort.equals("email_asc") || sort.equals("email_desc"))
        .ifPresent(
            sort -> {
              throw new ValidationException(
                  "sort " + sort + " is not supported: Keygate keeps no email of organizations");
            });
    ListOrder order = Requests.sort(ctx);
    Page<Organization> page =
        listOrganizations.list(Principals.of(ctx), order, Requests.pageWithToken(ctx));
    Extensions.answer(
        ctx, OwnerResponses.organizations(page, order), OwnerResponses.OrganizationsListed::kinde);
  }

  private void updateOrganization(Context ctx) {
    OrgCode code = Requests.orgCode(ctx);
    expandBillingOnly(ctx);
    Optional<UpdateOrganizationRequest> request =
        Requests.optionalBody(ctx, UpdateOrganizationRequest.class);
    request
        .filter(r -> Boolean.TRUE.equals(r.isSuspended()))
        .ifPresent(
            r -> {
              throw new ValidationException(
                  "is_suspended is not supported: Keygate does not suspend organizations;"
                      + " disable or revoke their keys");
            });
    updateOrganization.update(
        Principals.of(ctx), code, request.map(UpdateOrganizationRequest::name));
    ctx.json(SuccessResponse.OK);
  }

  private void deleteOrganization(Context ctx) {
    deleteOrganization.delete(Principals.of(ctx), Requests.orgCode(ctx));
    ctx.json(SuccessResponse.OK);
  }

  private void updateUser(Context ctx) {
    UserId id = new UserId(Requests.requiredQuery(ctx, "id"));
    UpdateUserRequest request =
        Requests.optionalBody(ctx, UpdateUserRequest.class)
            .orElse(new UpdateUserRequest(null, null, null, null));
    if (Boolean.TRUE.equals(request.isSuspended())) {
      throw new ValidationException(
          "is_suspended is not supported: Keygate does not suspend users; disable or revoke"
              + " their keys");
    }
    UserAccount user =
        updateUser.update(
            Principals.of(ctx),
            id,
            new UpdateUserCommand(
                Optional.ofNullable(request.name()),
                Optional.ofNullable(request.givenName()),
                Optional.ofNullable(request.familyName())));
    Extensions.answer(ctx, OwnerResponses.details(user), OwnerResponses.UserDetails::updated);
  }

  private void deleteUser(Context ctx) {
    UserId id = new UserId(Requests.requiredQuery(ctx, "id"));
    Requests.bool(ctx, "is_delete_profile");
    deleteUser.delete(Principals.of(ctx), id);
    ctx.json(SuccessResponse.OK);
  }

  private void createUser(Context ctx) {
    CreateUserRequest request = Requests.body(ctx, CreateUserRequest.class);
    Optional.ofNullable(request.organizationCode()).ifPresent(OrgCode::new);
    UserAccount user =
        createUser.create(
            Principals.of(ctx),
            new CreateUserCommand(
                Optional.ofNullable(request.id()).map(UserId::new),
                userName(request),
                userEmail(request)));
    ctx.json(OwnerResponses.created(user));
  }

  /** {@code name}, or Kinde's profile's given and family names joined by a space. */
  private static String userName(CreateUserRequest request) {
    CreateUserRequest.Profile profile = request.profile();
    if (profile == null || (profile.givenName() == null && profile.familyName() == null)) {
      if (request.name() == null) {
        throw new ValidationException(
            "name is required, or profile.given_name or profile.family_name");
      }
      return request.name();
    }
    if (request.name() != null) {
      throw new ValidationException("give name or profile, not both");
    }
    return java.util.stream.Stream.of(profile.givenName(), profile.familyName())
        .filter(Objects::nonNull)
        .map(String::strip)
        .filter(part -> !part.isEmpty())
        .collect(Collectors.joining(" "));
  }

  /** {@code email}, or the email of Kinde's one {@code email} identity. */
  private static Optional<String> userEmail(CreateUserRequest request) {
    List<CreateUserRequest.Identity> identities =
        request.identities() == null ? List.of() : request.identities();
    Optional<String> identified = Optional.empty();
    for (int i = 0; i < identities.size(); i++) {
      CreateUserRequest.Identity identity = identities.get(i);
      String at = "identities[" + i + "]";
      if (identity == null || identity.type() == null) {
        throw new ValidationException(at + ".type is required");
      }
      switch (identity.type()) {
        case "email" -> {
          if (identity.details() == null || identity.details().email() == null) {
            throw new ValidationException(at + ".details.email is required");
          }
          if (identified.isPresent()) {
            throw new ValidationException("give at most one email identity");
          }
          identified = Optional.of(identity.details().email());
        }
        case "phone", "username" -> {
          // Kinde's; Keygate keeps no phone numbers or usernames.
        }
        default -> throw new ValidationException(at + ".type must be email, phone or username");
      }
    }
    if (identified.isPresent() && request.email() != null) {
      throw new ValidationException("give email or an email identity, not both");
    }
    return identified.or(() -> Optional.ofNullable(request.email()));
  }

  private void listUsers(Context ctx) {
    Requests.refuseUnsupported(
        ctx,
        "Keygate keeps no usernames, phone numbers, sign-ins, memberships, identities or billing"
            + " of users",
        "username",
        "phone",
        "expand",
        "has_organization",
        "active_since");
    UserFilter filter =
        new UserFilter(
            Requests.list(ctx, "user_id").stream().map(UserId::new).collect(Collectors.toSet()),
            Requests.list(ctx, "email").stream().collect(Collectors.toSet()));
    Page<UserAccount> page =
        listUsers.list(Principals.of(ctx), filter, Requests.pageWithToken(ctx));
    Extensions.answer(ctx, OwnerResponses.users(page), OwnerResponses.UsersListed::kinde);
  }
}
