package dev.keygate.adapter.rest;

import dev.keygate.application.port.in.Principal;
import dev.keygate.application.port.in.Verification;
import dev.keygate.application.port.in.VerifyApiKeyCommand;
import dev.keygate.application.port.in.VerifyApiKeyUseCase;
import dev.keygate.application.port.in.VerifyOutcome;
import dev.keygate.domain.LimitReachedException;
import dev.keygate.domain.api.ApiId;
import dev.keygate.domain.key.ApiKey;
import dev.keygate.domain.owner.Owner;
import dev.keygate.wire.WireJson;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.time.Clock;
import java.util.Collections;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Guards a host application's own Javalin routes with Keygate keys: register {@link
 * #require(String...)} as a before-handler and the route runs only for a live key, presented as
 * {@code Authorization: Bearer <key>}, that holds the given scopes and is used within its policy
 * from the request's address. Refusals, in Keygate's error shape: 401 (no key, or not a valid one),
 * 403 (a scope missing; {@code API_KEY_IP_NOT_ALLOWED}, the key used from an address it may not be
 * used from), 429 with Retry-After ({@code API_KEY_RATE_LIMITED} until the window ends; {@code
 * API_KEY_USAGE_EXCEEDED}, until the next refill when there is one; verification itself at its
 * limits). The handler finds the key with {@link #verifiedKey(Context)}.
 *
 * <pre>{@code
 * KeygateGuard guard = KeygateGuard.of(keygate.useCases().verifyApiKey(), keygate.operator());
 * config.routes.before("/orders", guard.require("read:orders"));
 * config.routes.get("/orders", ctx -> ctx.result(KeygateGuard.verifiedKey(ctx).owner().id()));
 * }</pre>
 */
public final class KeygateGuard {

  private static final String ATTRIBUTE = "keygate.verified-key";

  private final VerifyApiKeyUseCase verify;
  private final Principal verifier;
  private final Optional<ApiId> api;
  private final long cost;
  private final Clock clock;

  private KeygateGuard(
      VerifyApiKeyUseCase verify, Principal verifier, Optional<ApiId> api, long cost, Clock clock) {
    this.verify = Objects.requireNonNull(verify, "verify");
    this.verifier = Objects.requireNonNull(verifier, "verifier");
    this.api = api;
    if (cost < 0 || cost > VerifyApiKeyCommand.MAX_COST) {
      throw new IllegalArgumentException(
          "cost must be 0-" + VerifyApiKeyCommand.MAX_COST + ", was " + cost);
    }
    this.cost = cost;
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * A guard accepting keys of any API.
   *
   * @param verifier who verifies: the operator, or a principal confined to one owner's keys
   */
  public static KeygateGuard of(VerifyApiKeyUseCase verify, Principal verifier) {
    return new KeygateGuard(verify, verifier, Optional.empty(), 1, Clock.systemUTC());
  }

  /** The same guard, accepting only keys issued for {@code apiId}. */
  public KeygateGuard forApi(ApiId apiId) {
    return new KeygateGuard(verify, verifier, Optional.of(apiId), cost, clock);
  }

  /**
   * The same guard, each request it lets through spending {@code credits} of a metered key (one by
   * default; zero spends none, and so never refuses for credits).
   */
  public KeygateGuard costing(long credits) {
    return new KeygateGuard(verify, verifier, api, credits, clock);
  }

  /** The same guard, telling refused clients how long to wait by {@code clock}: Keygate's own. */
  public KeygateGuard withClock(Clock clock) {
    return new KeygateGuard(verify, verifier, api, cost, clock);
  }

  /** A before-handler that lets a request through only with a live key holding {@code scopes}. */
  public Handler require(String... scopes) {
    Set<String> required = Set.of(scopes);
    return ctx -> guard(ctx, required);
  }

  /** The key that opened the current request; only valid behind {@link #require}. */
  public static VerifiedKey verifiedKey(Context ctx) {
    VerifiedKey key = ctx.attribute(ATTRIBUTE);
    if (key == null) {
      throw new IllegalStateException("route is not guarded by KeygateGuard.require(...)");
    }
    return key;
  }

  private void guard(Context ctx, Set<String> required) {
    // A second Authorization header makes the request ambiguous: a proxy may read the other one.
    if (Collections.list(ctx.req().getHeaders("Authorization")).size() > 1) {
      refuse(ctx, 401, "UNAUTHORIZED", "send one Authorization header, not several");
      return;
    }
    Optional<String> token = bearer(ctx);
    if (token.isEmpty()) {
      refuse(ctx, 401, "UNAUTHORIZED", "an API key is required as Authorization: Bearer <key>");
      return;
    }
    Verification verification;
    try {
      verification =
          verify.verify(
              verifier,
              new VerifyApiKeyCommand(token.get(), required, api, Optional.of(ctx.ip()), cost));
    } catch (LimitReachedException busy) {
      ctx.header("Retry-After", ErrorMapping.retryAfterSeconds(busy));
      refuse(ctx, 429, "TOO_MANY_REQUESTS", busy.getMessage());
      return;
    }
    if (verification.outcome() == VerifyOutcome.API_KEY_INSUFFICIENT_SCOPE) {
      Set<String> missing = new TreeSet<>(required);
      missing.removeAll(verification.key().orElseThrow().scopeKeys());
      refuse(ctx, 403, "FORBIDDEN", "the API key lacks the scope " + String.join(", ", missing));
      return;
    }
    if (refusedByPolicy(ctx, verification)) {
      return;
    }
    if (!verification.isValid()) {
      refuse(ctx, 401, verification.outcome().name(), verification.outcome().message());
      return;
    }
    ApiKey key = verification.key().orElseThrow();
    ctx.attribute(ATTRIBUTE, new VerifiedKey(key.id().value(), key.owner(), key.scopeKeys()));
  }

  /**
   * Refuses a key its usage policy refused: 403 from an address it may not be used from, 429 over a
   * rate limit or out of credits, with the seconds until it may be used again when they are known.
   */
  private boolean refusedByPolicy(Context ctx, Verification verification) {
    VerifyOutcome outcome = verification.outcome();
    if (outcome == VerifyOutcome.API_KEY_IP_NOT_ALLOWED) {
      refuse(ctx, 403, outcome.name(), outcome.message());
      return true;
    }
    if (outcome != VerifyOutcome.API_KEY_RATE_LIMITED
        && outcome != VerifyOutcome.API_KEY_USAGE_EXCEEDED) {
      return false;
    }
    verification
        .retryAfterSeconds(clock.instant())
        .ifPresent(seconds -> ctx.header("Retry-After", Long.toString(seconds)));
    refuse(ctx, 429, outcome.name(), outcome.message());
    return true;
  }

  private static Optional<String> bearer(Context ctx) {
    String header = ctx.header("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return Optional.empty();
    }
    return Optional.of(header.substring(7).strip()).filter(token -> !token.isEmpty());
  }

  private static void refuse(Context ctx, int status, String code, String message) {
    ctx.status(status);
    ctx.contentType("application/json");
    ctx.result(WireJson.write(ErrorResponse.of(code, message)));
    ctx.skipRemainingHandlers();
  }

  /**
   * The key behind a guarded request.
   *
   * @param id the key's id, such as {@code api_key_…}
   * @param owner the organization, user or environment (the deployment itself) it belongs to
   * @param scopes every scope it holds
   */
  public record VerifiedKey(String id, Owner owner, Set<String> scopes) {

    public VerifiedKey {
      scopes = Set.copyOf(scopes);
    }
  }
}
