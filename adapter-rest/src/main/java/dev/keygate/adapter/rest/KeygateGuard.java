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
import java.util.Collections;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Guards a host application's own Javalin routes with Keygate keys: register {@link
 * #require(String...)} as a before-handler and the route runs only for a live key, presented as
 * {@code Authorization: Bearer <key>}, that holds the given scopes. Refusals are 401 (no key, or
 * not a valid one), 403 (a scope missing) and 429 with Retry-After (verification at its limits) in
 * Keygate's error shape; the handler finds the key with {@link #verifiedKey(Context)}.
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

  private KeygateGuard(VerifyApiKeyUseCase verify, Principal verifier, Optional<ApiId> api) {
    this.verify = Objects.requireNonNull(verify, "verify");
    this.verifier = Objects.requireNonNull(verifier, "verifier");
    this.api = api;
  }

  /**
   * A guard accepting keys of any API.
   *
   * @param verifier who verifies: the operator, or a principal confined to one owner's keys
   */
  public static KeygateGuard of(VerifyApiKeyUseCase verify, Principal verifier) {
    return new KeygateGuard(verify, verifier, Optional.empty());
  }

  /** The same guard, accepting only keys issued for {@code apiId}. */
  public KeygateGuard forApi(ApiId apiId) {
    return new KeygateGuard(verify, verifier, Optional.of(apiId));
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
              verifier, new VerifyApiKeyCommand(token.get(), required, api, Optional.of(ctx.ip())));
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
    if (!verification.isValid()) {
      refuse(ctx, 401, verification.outcome().name(), verification.outcome().message());
      return;
    }
    ApiKey key = verification.key().orElseThrow();
    ctx.attribute(ATTRIBUTE, new VerifiedKey(key.id().value(), key.owner(), key.scopeKeys()));
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
