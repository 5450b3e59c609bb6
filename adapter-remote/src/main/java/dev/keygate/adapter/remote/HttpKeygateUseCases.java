package dev.keygate.adapter.remote;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keygate.application.port.in.AddApplicationScopeUseCase;
import dev.keygate.application.port.in.AddScopeUseCase;
import dev.keygate.application.port.in.ApiDetails;
import dev.keygate.application.port.in.ApplicationScopeCommand;
import dev.keygate.application.port.in.AuthenticateUseCase;
import dev.keygate.application.port.in.AuthorizeApplicationsCommand;
import dev.keygate.application.port.in.AuthorizeApplicationsUseCase;
import dev.keygate.application.port.in.AuthorizedApplications;
import dev.keygate.application.port.in.CreateApiKeyCommand;
import dev.keygate.application.port.in.CreateApiKeyUseCase;
import dev.keygate.application.port.in.CreateApplicationUseCase;
import dev.keygate.application.port.in.CreateOrganizationUseCase;
import dev.keygate.application.port.in.CreatePortalLinkUseCase;
import dev.keygate.application.port.in.CreateRootKeyUseCase;
import dev.keygate.application.port.in.CreateUserUseCase;
import dev.keygate.application.port.in.CreateWebhookUseCase;
import dev.keygate.application.port.in.CreatedApplication;
import dev.keygate.application.port.in.CreatedWebhook;
import dev.keygate.application.port.in.DeleteApiUseCase;
import dev.keygate.application.port.in.DeleteApplicationUseCase;
import dev.keygate.application.port.in.DeleteOrganizationUseCase;
import dev.keygate.application.port.in.DeleteScopeUseCase;
import dev.keygate.application.port.in.DeleteUserUseCase;
import dev.keygate.application.port.in.DeleteWebhookUseCase;
import dev.keygate.application.port.in.DisableApiKeyUseCase;
import dev.keygate.application.port.in.EnableApiKeyUseCase;
import dev.keygate.application.port.in.GetApiKeyUseCase;
import dev.keygate.application.port.in.GetApiUseCase;
import dev.keygate.application.port.in.GetApplicationUseCase;
import dev.keygate.application.port.in.GetOrganizationUseCase;
import dev.keygate.application.port.in.GetOwnerNameUseCase;
import dev.keygate.application.port.in.GetScopeUseCase;
import dev.keygate.application.port.in.GetUsageUseCase;
import dev.keygate.application.port.in.GetUserUseCase;
import dev.keygate.application.port.in.GetWebhookUseCase;
import dev.keygate.application.port.in.InitializeDeploymentUseCase;
import dev.keygate.application.port.in.IssueAccessTokenUseCase;
import dev.keygate.application.port.in.IssuedApiKey;
import dev.keygate.application.port.in.KeygateUseCases;
import dev.keygate.application.port.in.ListApiKeysUseCase;
import dev.keygate.application.port.in.ListApisUseCase;
import dev.keygate.application.port.in.ListApplicationsUseCase;
import dev.keygate.application.port.in.ListAuditEventsUseCase;
import dev.keygate.application.port.in.ListDeliveriesUseCase;
import dev.keygate.application.port.in.ListGrantsUseCase;
import dev.keygate.application.port.in.ListOrganizationsUseCase;
import dev.keygate.application.port.in.ListScopesUseCase;
import dev.keygate.application.port.in.ListUsersUseCase;
import dev.keygate.application.port.in.ListWebhooksUseCase;
import dev.keygate.application.port.in.ManagementScope;
import dev.keygate.application.port.in.OwnerRateLimitsUseCase;
import dev.keygate.application.port.in.PortalLink;
import dev.keygate.application.port.in.Principal;
import dev.keygate.application.port.in.PublishSigningKeysUseCase;
import dev.keygate.application.port.in.RedeliverUseCase;
import dev.keygate.application.port.in.RegisterApiUseCase;
import dev.keygate.application.port.in.RemoveApplicationScopeUseCase;
import dev.keygate.application.port.in.RemoveGrantUseCase;
import dev.keygate.application.port.in.ReportLeakedTokensUseCase;
import dev.keygate.application.port.in.RevokeApiKeyUseCase;
import dev.keygate.application.port.in.RevokeLeakedTokensUseCase;
import dev.keygate.application.port.in.RollSigningKeyUseCase;
import dev.keygate.application.port.in.RotateApiKeyUseCase;
import dev.keygate.application.port.in.RotateApplicationSecretUseCase;
import dev.keygate.application.port.in.RotateWebhookSecretUseCase;
import dev.keygate.application.port.in.Secret;
import dev.keygate.application.port.in.SetGrantUseCase;
import dev.keygate.application.port.in.UpdateApiKeyCommand;
import dev.keygate.application.port.in.UpdateApiKeyUseCase;
import dev.keygate.application.port.in.UpdateApplicationUseCase;
import dev.keygate.application.port.in.UpdateOrganizationUseCase;
import dev.keygate.application.port.in.UpdateScopeUseCase;
import dev.keygate.application.port.in.UpdateUserUseCase;
import dev.keygate.application.port.in.UpdateWebhookUseCase;
import dev.keygate.application.port.in.UsagePeriod;
import dev.keygate.application.port.in.UsageReport;
import dev.keygate.application.port.in.Verification;
import dev.keygate.application.port.in.VerifyApiKeyUseCase;
import dev.keygate.application.port.in.VerifyOutcome;
import dev.keygate.application.port.query.ApiKeyFilter;
import dev.keygate.application.port.query.AuditQuery;
import dev.keygate.application.port.query.ListOrder;
import dev.keygate.application.port.query.Page;
import dev.keygate.application.port.query.PageRequest;
import dev.keygate.domain.ForbiddenException;
import dev.keygate.domain.NotFoundException;
import dev.keygate.domain.api.ApiId;
import dev.keygate.domain.api.Scope;
import dev.keygate.domain.application.Application;
import dev.keygate.domain.application.ApplicationId;
import dev.keygate.domain.event.Webhook;
import dev.keygate.domain.event.WebhookId;
import dev.keygate.domain.key.ApiKey;
import dev.keygate.domain.key.ApiKeyId;
import dev.keygate.domain.key.ApiKeyStatus;
import dev.keygate.domain.owner.OrgCode;
import dev.keygate.domain.owner.Organization;
import dev.keygate.domain.owner.Owner;
import dev.keygate.domain.owner.UserAccount;
import dev.keygate.domain.owner.UserId;
import dev.keygate.domain.policy.RateLimit;
import dev.keygate.domain.policy.UsagePolicy;
import dev.keygate.domain.token.PlaintextKey;
import dev.keygate.wire.ApiKeyResponses;
import dev.keygate.wire.ApiResponses;
import dev.keygate.wire.ApplicationResponses;
import dev.keygate.wire.AuditResponses;
import dev.keygate.wire.GrantResponses;
import dev.keygate.wire.OwnerResponses;
import dev.keygate.wire.PolicyResponses;
import dev.keygate.wire.PortalLinkCreated;
import dev.keygate.wire.SuccessResponse;
import dev.keygate.wire.WebhookResponses;
import dev.keygate.wire.WireJson;
import dev.keygate.wire.WireNames;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Keygate's use cases answered by a running server over its REST management API: what the command
 * line runs on when it is given {@code --server}. Whoever holds the credential is the caller, and
 * the server decides what it may do; the {@link Principal} each use case is handed is the local
 * command line's and is never sent. Operations the REST API has no route for (initializing a
 * deployment, rolling the signing key, the server's own token and leak endpoints) answer a {@link
 * RemoteException} of kind {@link RemoteException.Kind#LOCAL_ONLY}.
 */
public final class HttpKeygateUseCases implements KeygateUseCases {

  /**
   * The lifetime a portal link is asked for to mean the server's own {@code
   * KEYGATE_PORTAL_LINK_TTL}; any other is asked for, and the server judges it.
   */
  public static final Duration SERVERS_PORTAL_LINK_TTL = Duration.ZERO;

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final ManagementClient client;

  /**
   * @param server the server's base URL, such as {@code https://keygate.example.com}
   */
  public HttpKeygateUseCases(URI server, Credentials credentials) {
    this.client = new ManagementClient(server, credentials);
  }

  // APIs and scopes

  @Override
  public RegisterApiUseCase registerApi() {
    return (principal, command) -> {
      ObjectNode body = NODES.objectNode();
      body.put("name", command.name());
      body.put("audience", command.audience());
      ApiResponses.ApiCreated created =
          client.post("/api/v1/apis", body, ApiResponses.ApiCreated.class);
      return apiDetails(new ApiId(created.api().id())).api();
    };
  }

  @Override
  public ListApisUseCase listApis() {
    return principal ->
        client.get("/api/v1/apis", ApiResponses.ApisListed.class).apis().stream()
            .map(DomainOf::api)
            .toList();
  }

  @Override
  public GetApiUseCase getApi() {
    return (principal, apiId) -> apiDetails(apiId);
  }

  private ApiDetails apiDetails(ApiId apiId) {
    ApiResponses.ApiView view = client.get(api(apiId), ApiResponses.OneApi.class).api();
    return new ApiDetails(
        DomainOf.api(view),
        view.scopes().stream().map(scope -> DomainOf.scope(apiId, scope)).toList());
  }

  @Override
  public DeleteApiUseCase deleteApi() {
    return (principal, apiId) -> client.delete(api(apiId));
  }

  @Override
  public AddScopeUseCase addScope() {
    return (principal, command) -> {
      ObjectNode body = NODES.objectNode();
      body.put("key", command.key());
      if (command.description() != null) {
        body.put("description", command.description());
      }
      ApiResponses.ScopeCreated created =
          client.post(api(command.apiId()) + "/scopes", body, ApiResponses.ScopeCreated.class);
      return scope(command.apiId(), created.scope().id());
    };
  }

  @Override
  public ListScopesUseCase listScopes() {
    return (principal, apiId) ->
        client.get(api(apiId) + "/scopes", ApiResponses.ScopesListed.class).scopes().stream()
            .map(scope -> DomainOf.scope(apiId, scope))
            .toList();
  }

  @Override
  public GetScopeUseCase getScope() {
    return (principal, apiId, scopeId) -> scope(apiId, scopeId.value());
  }

  private Scope scope(ApiId apiId, String scopeId) {
    return DomainOf.scope(
        apiId,
        client
            .get(
                api(apiId) + "/scopes/" + ManagementClient.encode(scopeId),
                ApiResponses.OneScope.class)
            .scope());
  }

  @Override
  public UpdateScopeUseCase updateScope() {
    return (principal, command) -> {
      ObjectNode body = NODES.objectNode();
      body.put("description", command.description());
      client.patch(
          api(command.apiId()) + "/scopes/" + ManagementClient.encode(command.scopeId().value()),
          body,
          SuccessResponse.class);
      return scope(command.apiId(), command.scopeId().value());
    };
  }

  @Override
  public DeleteScopeUseCase deleteScope() {
    return (principal, apiId, scopeId) ->
        client.delete(api(apiId) + "/scopes/" + ManagementClient.encode(scopeId.value()));
  }

  private static String api(ApiId apiId) {
    return "/api/v1/apis/" + ManagementClient.encode(apiId.value());
  }

  // Organizations and users

  @Override
  public CreateOrganizationUseCase createOrganization() {
    return (principal, command) -> {
      ObjectNode body = NODES.objectNode();
      body.put("name", command.name());
      command.code().ifPresent(code -> body.put("code", code.value()));
      OwnerResponses.OrganizationCreated created =
          client.post("/api/v1/organization", body, OwnerResponses.OrganizationCreated.class);
      return organization(new OrgCode(created.organization().code()));
    };
  }

  @Override
  public ListOrganizationsUseCase listOrganizations() {
    return (principal, order, page) -> {
      Map<String, Optional<String>> query = pageQuery(page);
      query.put("sort", sort(order));
      OwnerResponses.OrganizationsListed listed =
          client.get(
              ManagementClient.query("/api/v1/organizations", query),
              OwnerResponses.OrganizationsListed.class);
      return new Page<>(
          listed.organizations().stream().map(DomainOf::organization).toList(), listed.hasMore());
    };
  }

  @Override
  public GetOrganizationUseCase getOrganization() {
    return (principal, code) -> organization(code);
  }

  private Organization organization(OrgCode code) {
    return DomainOf.organization(
        client.get(
            ManagementClient.query(
                "/api/v1/organization", Map.of("code", Optional.of(code.value()))),
            OwnerResponses.OrganizationView.class));
  }

  @Override
  public UpdateOrganizationUseCase updateOrganization() {
    return (principal, code, name) -> {
      ObjectNode body = NODES.objectNode();
      name.ifPresent(text -> body.put("name", text));
      client.patch(organizationPath(code), body, SuccessResponse.class);
      return organization(code);
    };
  }

  @Override
  public DeleteOrganizationUseCase deleteOrganization() {
    return (principal, code) -> client.delete(organizationPath(code));
  }

  private static String organizationPath(OrgCode code) {
    return "/api/v1/organization/" + ManagementClient.encode(code.value());
  }

  @Override
  public CreateUserUseCase createUser() {
    return (principal, command) -> {
      ObjectNode body = NODES.objectNode();
      command.id().ifPresent(id -> body.put("id", id.value()));
      body.put("name", command.name());
      command.email().ifPresent(email -> body.put("email", email));
      OwnerResponses.UserCreated created =
          client.post("/api/v1/user", body, OwnerResponses.UserCreated.class);
      return user(new UserId(created.id()));
    };
  }

  @Override
  public ListUsersUseCase listUsers() {
    return (principal, filter, page) -> {
      Map<String, Optional<String>> query = pageQuery(page);
      query.put("user_id", joined(filter.ids().stream().map(UserId::value).sorted().toList()));
      query.put("email", joined(filter.emails().stream().sorted().toList()));
      OwnerResponses.UsersListed listed =
          client.get(
              ManagementClient.query("/api/v1/users", query), OwnerResponses.UsersListed.class);
      return new Page<>(listed.users().stream().map(DomainOf::user).toList(), listed.hasMore());
    };
  }

  @Override
  public GetUserUseCase getUser() {
    return (principal, id) -> user(id);
  }

  private UserAccount user(UserId id) {
    return DomainOf.user(client.get(userPath(id), OwnerResponses.UserDetails.class));
  }

  @Override
  public UpdateUserUseCase updateUser() {
    return (principal, id, command) -> {
      ObjectNode body = NODES.objectNode();
      command.name().ifPresent(name -> body.put("name", name));
      command.givenName().ifPresent(name -> body.put("given_name", name));
      command.familyName().ifPresent(name -> body.put("family_name", name));
      return DomainOf.user(client.patch(userPath(id), body, OwnerResponses.UserDetails.class));
    };
  }

  @Override
  public DeleteUserUseCase deleteUser() {
    return (principal, id) -> client.delete(userPath(id));
  }

  private static String userPath(UserId id) {
    return ManagementClient.query("/api/v1/user", Map.of("id", Optional.of(id.value())));
  }

  @Override
  public OwnerRateLimitsUseCase ownerRateLimits() {
    return new OwnerRateLimitsUseCase() {
      @Override
      public List<RateLimit> get(Principal principal, Owner owner) {
        return DomainOf.rateLimits(
            client
                .get(ownerPath(owner) + "/rate_limits", PolicyResponses.RateLimitsAnswer.class)
                .rateLimits());
      }

      @Override
      public List<RateLimit> set(Principal principal, Owner owner, List<RateLimit> limits) {
        ObjectNode body = NODES.objectNode();
        body.set("rate_limits", json(PolicyResponses.rateLimits(limits)));
        return DomainOf.rateLimits(
            client
                .put(
                    ownerPath(owner) + "/rate_limits",
                    Optional.of(body),
                    PolicyResponses.RateLimitsAnswer.class)
                .rateLimits());
      }
    };
  }

  /** {@code /api/v1/organizations/CODE} or {@code /api/v1/users/ID}, for grants, usage, limits. */
  private static String ownerPath(Owner owner) {
    if (owner instanceof Owner.Org org) {
      return "/api/v1/organizations/" + ManagementClient.encode(org.code().value());
    }
    if (owner instanceof Owner.User user) {
      return "/api/v1/users/" + ManagementClient.encode(user.userId().value());
    }
    throw new RemoteException(
        RemoteException.Kind.LOCAL_ONLY,
        "the environment's grants, usage and rate limits have no route on the server; run this"
            + " on the local database");
  }

  // Keys

  @Override
  public CreateApiKeyUseCase createApiKey() {
    return (principal, command) -> {
      ApiKeyResponses.Created created =
          client.post("/api/v1/api_keys", createBody(command), ApiKeyResponses.Created.class);
      return issued(created.apiKey());
    };
  }

  private static ObjectNode createBody(CreateApiKeyCommand command) {
    ObjectNode body = NODES.objectNode();
    body.put("name", command.name());
    body.put("api_id", command.apiId().value());
    ArrayNode scopes = body.putArray("scope_ids");
    command.scopes().forEach(scopes::add);
    Owner owner = command.owner();
    if (owner instanceof Owner.Org org) {
      body.put("org_code", org.code().value());
    } else if (owner instanceof Owner.User user) {
      body.put("user_id", user.userId().value());
    } else {
      body.put("type", WireNames.of(owner.type()));
    }
    command.expiresOn().ifPresent(expiry -> body.put("expires_on", expiry.toString()));
    UsagePolicy policy = command.policy();
    if (!policy.rateLimits().isEmpty()) {
      body.set("rate_limits", json(PolicyResponses.rateLimits(policy.rateLimits())));
    }
    policy
        .credits()
        .ifPresent(credits -> body.set("credits", json(PolicyResponses.credits(credits))));
    if (!policy.ipAllowlist().texts().isEmpty()) {
      body.set("ip_allowlist", json(policy.ipAllowlist().texts()));
    }
    return body;
  }

  /** The key just issued, read back in full, with the token the server answered this once. */
  private IssuedApiKey issued(ApiKeyResponses.IssuedKey issued) {
    PlaintextKey token = DomainOf.token(issued.key());
    return new IssuedApiKey(key(new ApiKeyId(issued.id())), token);
  }

  @Override
  public GetApiKeyUseCase getApiKey() {
    return (principal, keyId) -> key(keyId);
  }

  private ApiKey key(ApiKeyId keyId) {
    return DomainOf.apiKey(client.get(keyPath(keyId), ApiKeyResponses.One.class).apiKey());
  }

  @Override
  public ListApiKeysUseCase listApiKeys() {
    return (principal, filter, page) -> {
      ApiKeyResponses.ListedDetails listed =
          client.get(
              ManagementClient.query("/api/v1/api_keys", keysQuery(filter, page)),
              ApiKeyResponses.ListedDetails.class);
      return new Page<>(listed.apiKeys().stream().map(DomainOf::apiKey).toList(), listed.hasMore());
    };
  }

  private static Map<String, Optional<String>> keysQuery(ApiKeyFilter filter, PageRequest page) {
    Map<String, Optional<String>> query = pageQuery(page);
    query.put("key_type", filter.ownerType().map(WireNames::of));
    query.put(
        "org_code", filter.owner().filter(Owner.Org.class::isInstance).map(owner -> owner.id()));
    query.put(
        "user_id", filter.owner().filter(Owner.User.class::isInstance).map(owner -> owner.id()));
    if (filter.owner().filter(Owner.Environment.class::isInstance).isPresent()) {
      query.put("key_type", Optional.of(WireNames.of(filter.owner().get().type())));
    }
    query.put("status", filter.status().map(WireNames::of));
    query.put("api_id", filter.apiId().map(ApiId::value));
    query.put("search", filter.search());
    return query;
  }

  @Override
  public RotateApiKeyUseCase rotateApiKey() {
    return (principal, keyId, grace) -> {
      Optional<Object> body = Optional.empty();
      if (!grace.isZero()) {
        ObjectNode request = NODES.objectNode();
        request.put("previous_key_expires_in_seconds", grace.toSeconds());
        body = Optional.of(request);
      }
      ApiKeyResponses.Rotated rotated =
          client.put(keyPath(keyId), body, ApiKeyResponses.Rotated.class);
      return issued(rotated.apiKey());
    };
  }

  @Override
  public DisableApiKeyUseCase disableApiKey() {
    return (principal, keyId) -> status(keyId, ApiKeyStatus.INACTIVE);
  }

  @Override
  public EnableApiKeyUseCase enableApiKey() {
    return (principal, keyId) -> status(keyId, ApiKeyStatus.ACTIVE);
  }

  private ApiKey status(ApiKeyId keyId, ApiKeyStatus status) {
    ObjectNode body = NODES.objectNode();
    body.put("status", WireNames.of(status));
    return DomainOf.apiKey(client.patch(keyPath(keyId), body, ApiKeyResponses.One.class).apiKey());
  }

  @Override
  public RevokeApiKeyUseCase revokeApiKey() {
    return (principal, keyId) -> {
      client.delete(keyPath(keyId));
      return key(keyId);
    };
  }

  @Override
  public UpdateApiKeyUseCase updateApiKey() {
    return (principal, keyId, command) ->
        DomainOf.apiKey(
            client.patch(keyPath(keyId), updateBody(command), ApiKeyResponses.One.class).apiKey());
  }

  private static ObjectNode updateBody(UpdateApiKeyCommand command) {
    ObjectNode body = NODES.objectNode();
    command.name().ifPresent(name -> body.put("name", name));
    command.status().ifPresent(status -> body.put("status", WireNames.of(status)));
    command.expiresOn().ifPresent(expiry -> body.put("expires_on", expiry.toString()));
    command
        .rateLimits()
        .ifPresent(limits -> body.set("rate_limits", json(PolicyResponses.rateLimits(limits))));
    command
        .credits()
        .ifPresent(credits -> body.set("credits", json(PolicyResponses.credits(credits))));
    if (command.removeCredits()) {
      body.putNull("credits");
    }
    command.ipAllowlist().ifPresent(allowlist -> body.set("ip_allowlist", json(allowlist.texts())));
    return body;
  }

  @Override
  public GetUsageUseCase getUsage() {
    return new GetUsageUseCase() {
      @Override
      public UsageReport ofKey(Principal principal, ApiKeyId keyId, UsagePeriod period) {
        return usage(keyPath(keyId) + "/usage", period);
      }

      @Override
      public UsageReport ofOwner(Principal principal, Owner owner, UsagePeriod period) {
        return usage(ownerPath(owner) + "/usage", period);
      }
    };
  }

  private UsageReport usage(String path, UsagePeriod period) {
    PolicyResponses.UsageAnswer answer =
        client.get(
            ManagementClient.query(path, Map.of("period", Optional.of(WireNames.of(period)))),
            PolicyResponses.UsageAnswer.class);
    return new UsageReport(
        WireNames.usagePeriod("period", answer.period()),
        answer.buckets().stream()
            .map(bucket -> new UsageReport.Bucket(bucket.start(), bucket.counts()))
            .toList());
  }

  @Override
  public VerifyApiKeyUseCase verifyApiKey() {
    return (principal, command) -> {
      ObjectNode body = NODES.objectNode();
      body.put("api_key", command.token());
      ArrayNode required = body.putArray("required_scopes");
      command.requiredScopes().stream().sorted().forEach(required::add);
      command.apiId().ifPresent(api -> body.put("api_id", api.value()));
      command.clientIp().ifPresent(ip -> body.put("client_ip", ip));
      body.put("cost", command.cost());
      ApiKeyResponses.Verified verified =
          client.post("/api/v1/api_keys/verify", body, ApiKeyResponses.Verified.class);
      VerifyOutcome outcome = VerifyOutcome.valueOf(verified.code());
      return new Verification(
          outcome,
          verified.keyId().flatMap(id -> readableKey(new ApiKeyId(id))),
          verified
              .rateLimit()
              .map(
                  limit ->
                      new Verification.RateLimitStatus(
                          limit.name(), limit.limit(), limit.remaining(), limit.reset())),
          verified.creditsRemaining());
    };
  }

  /**
   * The key a verification matched, read in full; empty when the credential may verify keys but not
   * read them, as the verification's outcome is the answer then.
   */
  private Optional<ApiKey> readableKey(ApiKeyId id) {
    try {
      return Optional.of(key(id));
    } catch (ForbiddenException | NotFoundException unreadable) {
      return Optional.empty();
    }
  }

  private static String keyPath(ApiKeyId keyId) {
    return "/api/v1/api_keys/" + ManagementClient.encode(keyId.value());
  }

  // Grants, audit, portal links

  @Override
  public ListGrantsUseCase listGrants() {
    return (principal, owner) ->
        client
            .get(ownerPath(owner) + "/grants", GrantResponses.GrantsListed.class)
            .grants()
            .stream()
            .map(grant -> DomainOf.grant(owner, grant))
            .toList();
  }

  @Override
  public SetGrantUseCase setGrant() {
    return (principal, command) -> {
      ObjectNode body = NODES.objectNode();
      ArrayNode scopes = body.putArray("scope_ids");
      command.scopes().forEach(scopes::add);
      GrantResponses.GrantSet set =
          client.put(
              ownerPath(command.owner())
                  + "/grants/"
                  + ManagementClient.encode(command.apiId().value()),
              Optional.of(body),
              GrantResponses.GrantSet.class);
      return DomainOf.grant(command.owner(), set.grant());
    };
  }

  @Override
  public RemoveGrantUseCase removeGrant() {
    return (principal, owner, apiId) ->
        client.delete(ownerPath(owner) + "/grants/" + ManagementClient.encode(apiId.value()));
  }

  @Override
  public ListAuditEventsUseCase listAuditEvents() {
    return (principal, query) -> {
      Map<String, Optional<String>> parameters = pageQuery(query.page());
      parameters.put("key_id", query.target());
      parameters.put(
          "org_code",
          query.targetOwner().filter(Owner.Org.class::isInstance).map(owner -> owner.id()));
      parameters.put(
          "user_id",
          query.targetOwner().filter(Owner.User.class::isInstance).map(owner -> owner.id()));
      parameters.put("action", query.action().map(WireNames::of));
      parameters.put("actor", query.actor());
      parameters.put("since", query.since().map(Instant::toString));
      parameters.put("until", query.until().map(Instant::toString));
      if (query.order() == AuditQuery.Order.NEWEST_FIRST) {
        parameters.put("order", Optional.of("newest"));
      }
      AuditResponses.Listed listed =
          client.get(
              ManagementClient.query("/api/v1/audit_events", parameters),
              AuditResponses.Listed.class);
      return new Page<>(
          listed.auditEvents().stream().map(DomainOf::auditEvent).toList(), listed.hasMore());
    };
  }

  @Override
  public CreatePortalLinkUseCase createPortalLink() {
    return (principal, command) -> {
      ObjectNode body = NODES.objectNode();
      if (!command.ttl().equals(SERVERS_PORTAL_LINK_TTL)) {
        body.put("expires_in_seconds", command.ttl().toSeconds());
      }
      Owner owner = command.owner();
      if (owner instanceof Owner.Org org) {
        body.put("org_code", org.code().value());
      } else if (owner instanceof Owner.User user) {
        body.put("user_id", user.userId().value());
      }
      PortalLinkCreated created =
          client.post("/api/v1/portal_links", body, PortalLinkCreated.class);
      String url = created.url();
      PlaintextKey token = DomainOf.token(url.substring(url.indexOf('#') + 1));
      return new PortalLink(DomainOf.portalLinkKey(owner, created.expiresOn(), token), token);
    };
  }

  // M2M applications

  /**
   * Creates the application; one given management scopes is then authorized for the management API
   * and given each scope, call by call: unlike on the local database, a failure part way leaves the
   * application made with the scopes given so far.
   */
  @Override
  public CreateApplicationUseCase createApplication() {
    return (principal, command) -> {
      ObjectNode body = NODES.objectNode();
      body.put("name", command.name());
      body.put("type", command.type());
      command.org().ifPresent(org -> body.put("org_code", org.value()));
      ApplicationResponses.WithSecret created =
          client
              .post("/api/v1/applications", body, ApplicationResponses.Created.class)
              .application();
      ApplicationId id = new ApplicationId(created.id());
      Secret secret = Secret.of(created.clientSecret());
      if (!command.managementScopes().isEmpty()) {
        ApiDetails management = managementApi();
        ApiId api = management.api().id();
        authorize(api, List.of(new AuthorizeApplicationsCommand.Change(id, false)));
        Set<String> wanted =
            command.managementScopes().stream()
                .map(ManagementScope::key)
                .collect(Collectors.toSet());
        for (Scope scope : management.scopes()) {
          if (wanted.contains(scope.key())) {
            client.post(
                applicationScopePath(new ApplicationScopeCommand(api, id, scope.id())),
                NODES.objectNode(),
                SuccessResponse.class);
          }
        }
      }
      return new CreatedApplication(application(id), secret);
    };
  }

  private ApiDetails managementApi() {
    ApiResponses.ApiSummary management =
        client.get("/api/v1/apis", ApiResponses.ApisListed.class).apis().stream()
            .filter(ApiResponses.ApiSummary::isManagementApi)
            .findFirst()
            .orElseThrow(() -> new NotFoundException("the management api is out of reach"));
    return apiDetails(new ApiId(management.id()));
  }

  @Override
  public GetApplicationUseCase getApplication() {
    return (principal, id) -> application(id);
  }

  private Application application(ApplicationId id) {
    return DomainOf.application(
        client.get(applicationPath(id), ApplicationResponses.OneApplication.class).application());
  }

  @Override
  public ListApplicationsUseCase listApplications() {
    return new ListApplicationsUseCase() {
      @Override
      public List<Application> list(Principal principal) {
        List<Application> all = new ArrayList<>();
        Optional<String> next = Optional.empty();
        do {
          Map<String, Optional<String>> query = new LinkedHashMap<>();
          query.put("page_size", Optional.of(Integer.toString(PageRequest.MAX_SIZE)));
          query.put("next_token", next);
          ApplicationResponses.ApplicationsListed listed =
              client.get(
                  ManagementClient.query("/api/v1/applications", query),
                  ApplicationResponses.ApplicationsListed.class);
          listed.applications().stream().map(DomainOf::application).forEach(all::add);
          next = listed.nextToken();
        } while (next.isPresent());
        return all;
      }

      @Override
      public Page<Application> list(Principal principal, ListOrder order, PageRequest page) {
        if (order != ListOrder.ID && page.startingAfter().isPresent()) {
          throw new RemoteException(
              RemoteException.Kind.LOCAL_ONLY,
              "paging applications by name after a cursor has no route on the server");
        }
        Map<String, Optional<String>> query = pageQuery(page);
        query.put("sort", sort(order));
        ApplicationResponses.ApplicationsListed listed =
            client.get(
                ManagementClient.query("/api/v1/applications", query),
                ApplicationResponses.ApplicationsListed.class);
        return new Page<>(
            listed.applications().stream().map(DomainOf::application).toList(),
            listed.nextToken().isPresent());
      }
    };
  }

  @Override
  public UpdateApplicationUseCase updateApplication() {
    return (principal, id, name) -> {
      ObjectNode body = NODES.objectNode();
      name.ifPresent(text -> body.put("name", text));
      client.patch(applicationPath(id), body, SuccessResponse.class);
      return application(id);
    };
  }

  @Override
  public DeleteApplicationUseCase deleteApplication() {
    return (principal, id) -> client.delete(applicationPath(id));
  }

  @Override
  public RotateApplicationSecretUseCase rotateApplicationSecret() {
    return (principal, id) -> {
      ApplicationResponses.WithSecret rotated =
          client
              .post(
                  applicationPath(id) + "/rotate_secret",
                  NODES.objectNode(),
                  ApplicationResponses.Created.class)
              .application();
      Secret secret = Secret.of(rotated.clientSecret());
      return new CreatedApplication(application(id), secret);
    };
  }

  @Override
  public AuthorizeApplicationsUseCase authorizeApplications() {
    return (principal, command) -> authorize(command.apiId(), command.changes());
  }

  private AuthorizedApplications authorize(
      ApiId api, List<AuthorizeApplicationsCommand.Change> changes) {
    ObjectNode body = NODES.objectNode();
    ArrayNode applications = body.putArray("applications");
    for (AuthorizeApplicationsCommand.Change change : changes) {
      ObjectNode one = applications.addObject();
      one.put("id", change.application().value());
      if (change.withdraw()) {
        one.put("operation", "delete");
      }
    }
    ApplicationResponses.Authorized answer =
        client.patch(api(api) + "/applications", body, ApplicationResponses.Authorized.class);
    return new AuthorizedApplications(
        answer.applicationsConnected().stream().map(ApplicationId::new).toList(),
        answer.applicationsDisconnected().stream().map(ApplicationId::new).toList());
  }

  @Override
  public AddApplicationScopeUseCase addApplicationScope() {
    return (principal, command) ->
        client.post(applicationScopePath(command), NODES.objectNode(), SuccessResponse.class);
  }

  @Override
  public RemoveApplicationScopeUseCase removeApplicationScope() {
    return (principal, command) -> client.delete(applicationScopePath(command));
  }

  private static String applicationPath(ApplicationId id) {
    return "/api/v1/applications/" + ManagementClient.encode(id.value());
  }

  private static String applicationScopePath(ApplicationScopeCommand command) {
    return api(command.apiId())
        + "/applications/"
        + ManagementClient.encode(command.application().value())
        + "/scopes/"
        + ManagementClient.encode(command.scopeId().value());
  }

  // Webhooks

  @Override
  public CreateWebhookUseCase createWebhook() {
    return (principal, command) -> {
      ObjectNode body = NODES.objectNode();
      body.put("name", command.name());
      body.put("endpoint", command.endpoint());
      command.description().ifPresent(text -> body.put("description", text));
      body.set("event_types", json(command.eventTypes()));
      command.orgCode().ifPresent(org -> body.put("org_code", org));
      WebhookResponses.CreatedDetails created =
          client.post("/api/v1/webhooks", body, WebhookResponses.Created.class).webhook();
      Secret secret = Secret.of(created.signingSecret());
      return new CreatedWebhook(webhook(new WebhookId(created.id())), secret);
    };
  }

  @Override
  public ListWebhooksUseCase listWebhooks() {
    return principal ->
        client.get("/api/v1/webhooks", WebhookResponses.Listed.class).webhooks().stream()
            .map(DomainOf::webhook)
            .toList();
  }

  @Override
  public GetWebhookUseCase getWebhook() {
    return (principal, id) -> webhook(id);
  }

  private Webhook webhook(WebhookId id) {
    return DomainOf.webhook(client.get(webhookPath(id), WebhookResponses.One.class).webhook());
  }

  @Override
  public UpdateWebhookUseCase updateWebhook() {
    return (principal, id, command) -> {
      ObjectNode body = NODES.objectNode();
      command.name().ifPresent(name -> body.put("name", name));
      command.eventTypes().ifPresent(types -> body.set("event_types", json(types)));
      command
          .description()
          .ifPresent(
              description -> {
                if (description.isPresent()) {
                  body.put("description", description.get());
                } else {
                  body.putNull("description");
                }
              });
      client.patch(webhookPath(id), body, WebhookResponses.Updated.class);
      return webhook(id);
    };
  }

  @Override
  public DeleteWebhookUseCase deleteWebhook() {
    return (principal, id) -> client.delete(webhookPath(id));
  }

  @Override
  public RotateWebhookSecretUseCase rotateWebhookSecret() {
    return (principal, id) ->
        Secret.of(
            client
                .post(
                    webhookPath(id) + "/rotate_secret",
                    NODES.objectNode(),
                    WebhookResponses.SecretRotated.class)
                .signingSecret());
  }

  @Override
  public ListDeliveriesUseCase listDeliveries() {
    return (principal, webhook, page) -> {
      WebhookResponses.Deliveries listed =
          client.get(
              ManagementClient.query(webhookPath(webhook) + "/deliveries", pageQuery(page)),
              WebhookResponses.Deliveries.class);
      return new Page<>(
          listed.deliveries().stream()
              .map(delivery -> DomainOf.delivery(webhook, delivery))
              .toList(),
          listed.hasMore());
    };
  }

  @Override
  public RedeliverUseCase redeliver() {
    return (principal, webhook, delivery) ->
        DomainOf.delivery(
            webhook,
            client
                .post(
                    webhookPath(webhook)
                        + "/deliveries/"
                        + ManagementClient.encode(delivery.value())
                        + "/redeliver",
                    NODES.objectNode(),
                    WebhookResponses.Redelivered.class)
                .delivery());
  }

  private static String webhookPath(WebhookId id) {
    return "/api/v1/webhooks/" + ManagementClient.encode(id.value());
  }

  // Not reachable over the management API

  @Override
  public AuthenticateUseCase authenticate() {
    return new AuthenticateUseCase() {
      @Override
      public Optional<Principal> authenticate(String token, Optional<String> clientIp) {
        throw localOnly("authenticating management keys");
      }

      @Override
      public void refuseKnownGuess(
          String bearer, dev.keygate.application.port.in.VerifyApiKeyCommand command) {
        throw localOnly("authenticating management keys");
      }
    };
  }

  @Override
  public CreateRootKeyUseCase createRootKey() {
    return (principal, name) -> {
      throw localOnly("making a root key");
    };
  }

  @Override
  public GetOwnerNameUseCase getOwnerName() {
    return (principal, owner) -> {
      throw localOnly("reading an owner's name");
    };
  }

  @Override
  public InitializeDeploymentUseCase initializeDeployment() {
    return actor -> {
      throw localOnly("initializing a deployment");
    };
  }

  @Override
  public IssueAccessTokenUseCase issueAccessToken() {
    return command -> {
      throw localOnly("issuing access tokens");
    };
  }

  @Override
  public PublishSigningKeysUseCase publishSigningKeys() {
    return () -> {
      throw localOnly("publishing signing keys");
    };
  }

  @Override
  public RollSigningKeyUseCase rollSigningKey() {
    return principal -> {
      throw localOnly("rolling the signing key");
    };
  }

  @Override
  public ReportLeakedTokensUseCase reportLeakedTokens() {
    return report -> {
      throw localOnly("reporting leaked tokens");
    };
  }

  @Override
  public RevokeLeakedTokensUseCase revokeLeakedTokens() {
    return (tokens, client) -> {
      throw localOnly("revoking leaked tokens");
    };
  }

  private static RemoteException localOnly(String what) {
    return new RemoteException(
        RemoteException.Kind.LOCAL_ONLY,
        what
            + " has no route on the server: run it on the server's own database, without"
            + " --server");
  }

  private static Map<String, Optional<String>> pageQuery(PageRequest page) {
    Map<String, Optional<String>> query = new LinkedHashMap<>();
    query.put("page_size", Optional.of(Integer.toString(page.size())));
    query.put("starting_after", page.startingAfter());
    return query;
  }

  private static Optional<String> sort(ListOrder order) {
    return switch (order) {
      case ID -> Optional.empty();
      case NAME_ASCENDING -> Optional.of("name_asc");
      case NAME_DESCENDING -> Optional.of("name_desc");
    };
  }

  private static Optional<String> joined(List<String> values) {
    return values.isEmpty() ? Optional.empty() : Optional.of(String.join(",", values));
  }

  private static com.fasterxml.jackson.databind.JsonNode json(Object value) {
    return WireJson.mapper().valueToTree(value);
  }
}
