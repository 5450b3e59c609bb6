package dev.keygate.adapter.rest;

import dev.keygate.application.port.in.CreateApiKeyCommand;
import dev.keygate.application.port.in.CreateApiKeyUseCase;
import dev.keygate.application.port.in.GetApiKeyUseCase;
import dev.keygate.application.port.in.GetOwnerNameUseCase;
import dev.keygate.application.port.in.IssuedApiKey;
import dev.keygate.application.port.in.ListApiKeysUseCase;
import dev.keygate.application.port.in.Principal;
import dev.keygate.application.port.in.RevokeApiKeyUseCase;
import dev.keygate.application.port.in.RotateApiKeyUseCase;
import dev.keygate.application.port.in.UpdateApiKeyCommand;
import dev.keygate.application.port.in.UpdateApiKeyUseCase;
import dev.keygate.application.port.in.Verification;
import dev.keygate.application.port.in.VerifyApiKeyCommand;
import dev.keygate.application.port.in.VerifyApiKeyUseCase;
import dev.keygate.application.port.in.VerifyOutcome;
import dev.keygate.application.port.query.ApiKeyFilter;
import dev.keygate.application.port.query.Page;
import dev.keygate.domain.ValidationException;
import dev.keygate.domain.api.ApiId;
import dev.keygate.domain.key.ApiKey;
import dev.keygate.domain.key.ApiKeyStatus;
import dev.keygate.domain.owner.OrgCode;
import dev.keygate.domain.owner.Owner;
import dev.keygate.domain.owner.OwnerType;
import dev.keygate.domain.owner.UserId;
import dev.keygate.wire.ApiKeyResponses;
import dev.keygate.wire.SuccessResponse;
import dev.keygate.wire.WireNames;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** {@code /api/v1/api_keys}: Kinde's API-keys endpoints, plus PATCH and verify extensions. */
public final class ApiKeyRoutes implements RouteGroup {

  private static final String KEYS = "/api/v1/api_keys";

  /** The verify route's path. */
  static final String VERIFY = KEYS + "/verify";

  private static final String VERIFY_COMMAND = "keygate.verify-command";

  private static final String KEY = KEYS + "/{key_id}";

  private final CreateApiKeyUseCase create;
  private final GetApiKeyUseCase get;
  private final ListApiKeysUseCase list;
  private final RotateApiKeyUseCase rotate;
  private final RevokeApiKeyUseCase revoke;
  private final UpdateApiKeyUseCase update;
  private final VerifyApiKeyUseCase verify;
  private final GetOwnerNameUseCase ownerName;
  private final Clock clock;

  /**
   * @param ownerName for the name of a key's owner, in the extended answer of one key
   * @param clock the application's, for the seconds until a rate limit's window ends and whether a
   *     rotation's grace still runs
   */
  public ApiKeyRoutes(
      CreateApiKeyUseCase create,
      GetApiKeyUseCase get,
      ListApiKeysUseCase list,
      RotateApiKeyUseCase rotate,
      RevokeApiKeyUseCase revoke,
      UpdateApiKeyUseCase update,
      VerifyApiKeyUseCase verify,
      GetOwnerNameUseCase ownerName,
      Clock clock) {
    this.create = create;
    this.get = get;
    this.list = list;
    this.rotate = rotate;
    this.revoke = revoke;
    this.update = update;
    this.verify = verify;
    this.ownerName = ownerName;
    this.clock = clock;
  }

  @Override
  public List<Route> routes() {
    return List.of(
        Route.of(HandlerType.GET, KEYS, "List API keys")
            .scope("read:api_keys")
            .query(
                new Route.QueryParameter("page_size", "integer", "1-500, 50 by default"),
                new Route.QueryParameter("starting_after", "string", "the last key id seen"),
                new Route.QueryParameter(
                    "key_type", "string", "organization, user or environment (extension)"),
                new Route.QueryParameter("status", "string", "active, inactive or revoked"),
                new Route.QueryParameter("user_id", "string", "keys of this user"),
                new Route.QueryParameter("org_code", "string", "keys of this organization"),
                new Route.QueryParameter("api_id", "string", "keys of this API (extension)"),
                new Route.QueryParameter(
                    "search",
                    "string",
                    "keys whose name contains this text or whose id starts with it, either case,"
                        + " 1-128 characters (extension)"))
            .extended(ApiKeyResponses.ListedDetails.class)
            .answers(ApiKeyResponses.Listed.class, this::list),
        Route.of(
                HandlerType.POST,
                KEYS,
                "Create an API key, with rate limits, credits and allowed addresses if given"
                    + " (extension); the key is shown only in this answer")
            .scope("create:api_keys")
            .body(CreateApiKeyRequest.class)
            .status(201)
            .fails(404, "The api, organization or user does not exist or is out of reach.")
            .answers(ApiKeyResponses.Created.class, this::create),
        Route.of(
                HandlerType.POST,
                VERIFY,
                "Verify an API key, spending its cost of a metered key's credits; a key over a"
                    + " rate limit answers API_KEY_RATE_LIMITED with a Retry-After header")
            .scope("read:api_keys or verify:api_keys")
            .body(VerifyApiKeyRequest.class)
            .extended(ApiKeyResponses.Verified.class)
            .answers(ApiKeyResponses.KindeVerified.class, this::verify),
        Route.of(HandlerType.GET, KEY, "Get an API key")
            .scope("read:api_keys")
            .extended(ApiKeyResponses.One.class)
            .answers(ApiKeyResponses.KindeOne.class, this::get),
        Route.of(
                HandlerType.PUT, KEY, "Rotate an API key; the new key is shown only in this answer")
            .scope("update:api_keys")
            .optionalBody(RotateApiKeyRequest.class)
            .status(201)
            .fails(409, "The key is revoked or expired, or was changed at the same time.")
            .answers(ApiKeyResponses.Rotated.class, this::rotate),
        Route.of(
                HandlerType.PATCH,
                KEY,
                "Rename, disable, enable or set the expiry, rate limits, credits or allowed"
                    + " addresses of a key; \"credits\": null stops metering it. Only the operator"
                    + " may loosen a key's limits, credits or addresses, and never the key itself")
            .scope("update:api_keys")
            .body(UpdateApiKeyRequest.class)
            .fails(
                403,
                "The management key lacks the scope, may not reach the key, or would loosen its"
                    + " usage policy without being the operator's.")
            .fails(409, "The key is revoked, or was changed at the same time.")
            .extended(ApiKeyResponses.One.class)
            .answers(ApiKeyResponses.KindeOne.class, this::update),
        Route.of(HandlerType.DELETE, KEY, "Revoke an API key; its record stays")
            .scope("delete:api_keys")
            .fails(409, "The key is already revoked, or was changed at the same time.")
            .answers(SuccessResponse.class, this::revoke));
  }

  private void list(Context ctx) {
    if (Requests.query(ctx, "org_code").isPresent() && Requests.query(ctx, "user_id").isPresent()) {
      throw new ValidationException("filter by only one of org_code and user_id");
    }
    ApiKeyFilter filter =
        new ApiKeyFilter(
            Requests.query(ctx, "key_type").map(value -> WireNames.ownerType("key_type", value)),
            owner(Requests.query(ctx, "org_code"), Requests.query(ctx, "user_id")),
            Requests.query(ctx, "status").map(ApiKeyRoutes::status),
            Requests.query(ctx, "api_id").map(ApiKeyRoutes::apiId),
            Requests.query(ctx, "search"),
            Optional.empty());
    Page<ApiKey> page = list.list(Principals.of(ctx), filter, Requests.page(ctx));
    Extensions.answer(
        ctx,
        ApiKeyResponses.listedDetails(page, clock.instant()),
        ApiKeyResponses.ListedDetails::kinde);
  }

  private void create(Context ctx) {
    CreateApiKeyRequest request = Requests.body(ctx, CreateApiKeyRequest.class);
    Owner owner = owner(request);
    List<String> scopes = withoutNulls("scope_ids", request.scopeIds());
    IssuedApiKey issued =
        create.create(
            Principals.of(ctx),
            new CreateApiKeyCommand(
                request.name(),
                apiId(request.apiId()),
                scopes,
                owner,
                Optional.ofNullable(request.expiresOn()),
                PolicyRequests.policy(
                    request.rateLimits(), request.credits(), request.ipAllowlist())));
    ctx.status(201);
    ctx.json(ApiKeyResponses.created(issued));
  }

  private void verify(Context ctx) {
    Verification verification = verify.verify(Principals.of(ctx), verifyCommand(ctx));
    retryAfter(verification, clock.instant())
        .ifPresent(seconds -> ctx.header("Retry-After", Long.toString(seconds)));
    Extensions.answer(ctx, ApiKeyResponses.verified(verification), ApiKeyResponses.Verified::kinde);
  }

  /**
   * The whole seconds, at least one, until the window of the rate limit that refused {@code
   * verification} ends; empty when no rate limit refused it.
   */
  static Optional<Long> retryAfter(Verification verification, Instant now) {
    if (verification.outcome() != VerifyOutcome.API_KEY_RATE_LIMITED) {
      return Optional.empty();
    }
    return verification
        .rateLimit()
        .map(limit -> wholeSeconds(Duration.between(now, limit.reset())));
  }

  /** Rounded up, so a client that waits as told is not refused again for coming back early. */
  static long wholeSeconds(Duration wait) {
    return Math.max(1, (wait.toMillis() + 999) / 1000);
  }

  /**
   * The verification a verify request asks for, from the caller's address unless it names one; read
   * once, as the guard may read it before the handler.
   */
  static VerifyApiKeyCommand verifyCommand(Context ctx) {
    VerifyApiKeyCommand read = ctx.attribute(VERIFY_COMMAND);
    if (read == null) {
      read = readVerifyCommand(ctx);
      ctx.attribute(VERIFY_COMMAND, read);
    }
    return read;
  }

  private static VerifyApiKeyCommand readVerifyCommand(Context ctx) {
    VerifyApiKeyRequest request = Requests.body(ctx, VerifyApiKeyRequest.class);
    List<String> required = withoutNulls("required_scopes", request.requiredScopes());
    return new VerifyApiKeyCommand(
        request.apiKey(),
        Set.copyOf(required),
        Optional.ofNullable(request.apiId()).map(ApiKeyRoutes::apiId),
        Optional.of(
            Optional.ofNullable(request.clientIp())
                .map(ip -> Requests.ipAddress("client_ip", ip))
                .orElse(ctx.ip())),
        Optional.ofNullable(request.cost()).orElse(1L));
  }

  private void get(Context ctx) {
    Principal principal = Principals.of(ctx);
    ApiKey key = get.get(principal, Requests.keyId(ctx));
    if (!Extensions.requested(ctx)) {
      ctx.json(ApiKeyResponses.one("Success", key).kinde());
      return;
    }
    // The owner's name for the portal's greeting; the key was within reach, so is its owner.
    ctx.json(
        ApiKeyResponses.one(
            "Success", key, clock.instant(), ownerName.get(principal, key.owner())));
  }

  private void rotate(Context ctx) {
    long seconds =
        Requests.optionalBody(ctx, RotateApiKeyRequest.class)
            .map(RotateApiKeyRequest::previousKeyExpiresInSeconds)
            .orElse(0L);
    IssuedApiKey issued =
        rotate.rotate(Principals.of(ctx), Requests.keyId(ctx), Duration.ofSeconds(seconds));
    ctx.status(201);
    ctx.json(ApiKeyResponses.rotated(issued));
  }

  private void update(Context ctx) {
    UpdateApiKeyRequest request = Requests.body(ctx, UpdateApiKeyRequest.class);
    // A record reads "credits": null as left out; null is the one way to stop metering a key.
    boolean removeCredits = request.credits() == null && Requests.givesNull(ctx, "credits");
    if (request.name() == null
        && request.status() == null
        && request.expiresOn() == null
        && request.rateLimits() == null
        && request.credits() == null
        && !removeCredits
        && request.ipAllowlist() == null) {
      throw new ValidationException(
          "give at least one of name, status, expires_on, rate_limits, credits and ip_allowlist");
    }
    ApiKey key =
        update.update(
            Principals.of(ctx),
            Requests.keyId(ctx),
            new UpdateApiKeyCommand(
                Optional.ofNullable(request.name()),
                Optional.ofNullable(request.status()).map(ApiKeyRoutes::settableStatus),
                Optional.ofNullable(request.expiresOn()),
                Optional.ofNullable(request.rateLimits())
                    .map(limits -> PolicyRequests.rateLimits("rate_limits", limits)),
                Optional.ofNullable(request.credits())
                    .map(credits -> PolicyRequests.credits("credits", credits)),
                removeCredits,
                Optional.ofNullable(request.ipAllowlist())
                    .map(texts -> PolicyRequests.ipAllowlist("ip_allowlist", texts))));
    Extensions.answer(
        ctx,
        ApiKeyResponses.one("API key updated", key, clock.instant(), Optional.empty()),
        ApiKeyResponses.One::kinde);
  }

  private void revoke(Context ctx) {
    revoke.revoke(Principals.of(ctx), Requests.keyId(ctx));
    ctx.json(SuccessResponse.OK);
  }

  /**
   * The strings of an optional JSON array, empty when left out; a null element is refused. (An
   * immutable list's {@code contains(null)} throws, so each element is checked.)
   */
  private static List<String> withoutNulls(String field, List<String> values) {
    if (values == null) {
      return List.of();
    }
    for (int i = 0; i < values.size(); i++) {
      if (values.get(i) == null) {
        throw new ValidationException(field + "[" + i + "] must not be null");
      }
    }
    return values;
  }

  /**
   * The environment for {@code type: environment}, which names neither {@code org_code} nor {@code
   * user_id}; otherwise exactly one of those, agreeing with {@code type} if given.
   */
  private static Owner owner(CreateApiKeyRequest request) {
    if (request.type() != null
        && WireNames.ownerType("type", request.type()) == OwnerType.ENVIRONMENT) {
      for (String[] field :
          new String[][] {{"org_code", request.orgCode()}, {"user_id", request.userId()}}) {
        if (field[1] != null) {
          throw new ValidationException(
              field[0]
                  + " must be left out for type environment: an environment key belongs to the"
                  + " deployment, not to an organization or a user");
        }
      }
      return new Owner.Environment();
    }
    if (request.orgCode() != null && request.userId() != null) {
      throw new ValidationException("give only one of org_code and user_id");
    }
    Owner owner =
        owner(Optional.ofNullable(request.orgCode()), Optional.ofNullable(request.userId()))
            .orElseThrow(
                () ->
                    new ValidationException(
                        "one of org_code and user_id is required, or type environment"));
    if (request.type() != null && WireNames.ownerType("type", request.type()) != owner.type()) {
      throw new ValidationException(
          "type " + WireNames.of(owner.type()) + " is required for the owner given");
    }
    return owner;
  }

  private static Optional<Owner> owner(Optional<String> orgCode, Optional<String> userId) {
    return orgCode
        .<Owner>map(code -> new Owner.Org(new OrgCode(code)))
        .or(() -> userId.map(id -> new Owner.User(new UserId(id))));
  }

  /** A status PATCH may set: revoking is DELETE's, since it cannot be undone. */
  private static ApiKeyStatus settableStatus(String value) {
    ApiKeyStatus status = status(value);
    if (status == ApiKeyStatus.REVOKED) {
      throw new ValidationException(
          "status must be active or inactive; revoke a key with DELETE /api/v1/api_keys/{key_id}");
    }
    return status;
  }

  private static ApiKeyStatus status(String value) {
    return WireNames.status("status", value);
  }

  private static ApiId apiId(String value) {
    if (!ApiId.isWellFormed(value)) {
      throw new ValidationException("api_id must be 'api_' followed by 32 lowercase hex digits");
    }
    return new ApiId(value);
  }
}
