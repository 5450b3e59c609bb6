package dev.keygate.adapter.servlet;

import dev.keygate.application.port.in.Principal;
import dev.keygate.application.port.in.Verification;
import dev.keygate.application.port.in.VerifyApiKeyCommand;
import dev.keygate.application.port.in.VerifyApiKeyUseCase;
import dev.keygate.application.port.in.VerifyOutcome;
import dev.keygate.domain.LimitReachedException;
import dev.keygate.domain.api.ApiId;
import dev.keygate.domain.key.ApiKey;
import dev.keygate.wire.WireJson;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Guards a servlet application's requests with Keygate keys: the filter lets a request through only
 * with a live key, presented as {@code Authorization: Bearer <key>} (one such header), that holds
 * the required scopes and is used within its policy from the request's address. Refusals, in
 * Keygate's error shape {@code {"errors":[{"code","message"}]}}: 401 (no key, not a valid one, or
 * several Authorization headers), 403 (a scope missing; {@code API_KEY_IP_NOT_ALLOWED}), 429 with
 * Retry-After ({@code API_KEY_RATE_LIMITED} until the window ends; {@code API_KEY_USAGE_EXCEEDED},
 * until the next refill when there is one; verification itself at its limits). The servlet finds
 * the key with {@link #verifiedKey(ServletRequest)}, or as the request attribute {@link
 * #VERIFIED_KEY}.
 *
 * <pre>{@code
 * KeygateFilter filter =
 *     KeygateFilter.of(keygate.useCases().verifyApiKey(), keygate.operator())
 *         .requiring("read:orders");
 * servletContext.addFilter("keygate", filter)
 *     .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/orders/*");
 * }</pre>
 */
public final class KeygateFilter implements Filter {

  /**
   * The request attribute that holds the {@link VerifiedKey} of a request the filter let through.
   */
  public static final String VERIFIED_KEY = "dev.keygate.verifiedKey";

  private final VerifyApiKeyUseCase verify;
  private final Principal verifier;
  private final Set<String> scopes;
  private final Optional<ApiId> api;
  private final long cost;
  private final Clock clock;

  private KeygateFilter(
      VerifyApiKeyUseCase verify,
      Principal verifier,
      Set<String> scopes,
      Optional<ApiId> api,
      long cost,
      Clock clock) {
    this.verify = Objects.requireNonNull(verify, "verify");
    this.verifier = Objects.requireNonNull(verifier, "verifier");
    this.scopes = Set.copyOf(scopes);
    this.api = Objects.requireNonNull(api, "api");
    if (cost < 0 || cost > VerifyApiKeyCommand.MAX_COST) {
      throw new IllegalArgumentException(
          "cost must be 0-" + VerifyApiKeyCommand.MAX_COST + ", was " + cost);
    }
    this.cost = cost;
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * A filter accepting any live key of any API, whatever its scopes.
   *
   * @param verifier who verifies: the operator, or a principal confined to one owner's keys
   */
  public static KeygateFilter of(VerifyApiKeyUseCase verify, Principal verifier) {
    return new KeygateFilter(verify, verifier, Set.of(), Optional.empty(), 1, Clock.systemUTC());
  }

  /** The same filter, letting through only keys that hold every one of {@code scopes}. */
  public KeygateFilter requiring(String... scopes) {
    return new KeygateFilter(verify, verifier, Set.of(scopes), api, cost, clock);
  }

  /** The same filter, accepting only keys issued for {@code apiId}. */
  public KeygateFilter forApi(ApiId apiId) {
    return new KeygateFilter(verify, verifier, scopes, Optional.of(apiId), cost, clock);
  }

  /**
   * The same filter, each request it lets through spending {@code credits} of a metered key (one by
   * default; zero spends none, and so never refuses for credits).
   */
  public KeygateFilter costing(long credits) {
    return new KeygateFilter(verify, verifier, scopes, api, credits, clock);
  }

  /** The same filter, telling refused clients how long to wait by {@code clock}: Keygate's own. */
  public KeygateFilter withClock(Clock clock) {
    return new KeygateFilter(verify, verifier, scopes, api, cost, clock);
  }

  /** The scopes a key needs to pass. */
  public Set<String> requiredScopes() {
    return scopes;
  }

  /** The key that opened the current request; only valid behind the filter. */
  public static VerifiedKey verifiedKey(ServletRequest request) {
    if (request.getAttribute(VERIFIED_KEY) instanceof VerifiedKey key) {
      return key;
    }
    throw new IllegalStateException("the request did not pass through KeygateFilter");
  }

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (!(request instanceof HttpServletRequest http)
        || !(response instanceof HttpServletResponse answer)) {
      throw new ServletException("KeygateFilter guards HTTP requests only");
    }
    if (admitted(http, answer)) {
      chain.doFilter(request, response);
    }
  }

  private boolean admitted(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    // A second Authorization header makes the request ambiguous: a proxy may read the other one.
    if (Collections.list(request.getHeaders("Authorization")).size() > 1) {
      refuse(response, 401, "UNAUTHORIZED", "send one Authorization header, not several");
      return false;
    }
    Optional<String> token = bearer(request);
    if (token.isEmpty()) {
      refuse(
          response, 401, "UNAUTHORIZED", "an API key is required as Authorization: Bearer <key>");
      return false;
    }
    Verification verification;
    try {
      verification =
          verify.verify(
              verifier,
              new VerifyApiKeyCommand(
                  token.get(), scopes, api, Optional.ofNullable(request.getRemoteAddr()), cost));
    } catch (LimitReachedException busy) {
      response.setHeader("Retry-After", Long.toString(wholeSeconds(busy.retryAfter())));
      refuse(response, 429, "TOO_MANY_REQUESTS", busy.getMessage());
      return false;
    }
    if (verification.outcome() == VerifyOutcome.API_KEY_INSUFFICIENT_SCOPE) {
      Set<String> missing = new TreeSet<>(scopes);
      missing.removeAll(verification.key().orElseThrow().scopeKeys());
      refuse(
          response, 403, "FORBIDDEN", "the API key lacks the scope " + String.join(", ", missing));
      return false;
    }
    if (refusedByPolicy(response, verification)) {
      return false;
    }
    if (!verification.isValid()) {
      refuse(response, 401, verification.outcome().name(), verification.outcome().message());
      return false;
    }
    ApiKey key = verification.key().orElseThrow();
    request.setAttribute(
        VERIFIED_KEY, new VerifiedKey(key.id().value(), key.owner(), key.scopeKeys()));
    return true;
  }

  /**
   * Refuses a key its usage policy refused: 403 from an address it may not be used from, 429 over a
   * rate limit or out of credits, with the seconds until it may be used again when they are known.
   */
  private boolean refusedByPolicy(HttpServletResponse response, Verification verification)
      throws IOException {
    VerifyOutcome outcome = verification.outcome();
    if (outcome == VerifyOutcome.API_KEY_IP_NOT_ALLOWED) {
      refuse(response, 403, outcome.name(), outcome.message());
      return true;
    }
    if (outcome != VerifyOutcome.API_KEY_RATE_LIMITED
        && outcome != VerifyOutcome.API_KEY_USAGE_EXCEEDED) {
      return false;
    }
    verification
        .retryAfterSeconds(clock.instant())
        .ifPresent(seconds -> response.setHeader("Retry-After", Long.toString(seconds)));
    refuse(response, 429, outcome.name(), outcome.message());
    return true;
  }

  private static Optional<String> bearer(HttpServletRequest request) {
    String header = request.getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return Optional.empty();
    }
    return Optional.of(header.substring(7).strip()).filter(token -> !token.isEmpty());
  }

  /** At least one second, rounded up: a client told 0 would retry at once. */
  private static long wholeSeconds(Duration wait) {
    return Math.max(1, (wait.toMillis() + 999) / 1000);
  }

  private static void refuse(HttpServletResponse response, int status, String code, String message)
      throws IOException {
    byte[] body =
        WireJson.write(new ErrorAnswer(List.of(new ErrorAnswer.Error(code, message))))
            .getBytes(StandardCharsets.UTF_8);
    response.setStatus(status);
    response.setContentType("application/json");
    response.setCharacterEncoding("UTF-8");
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  /** Keygate's error answer: {@code {"errors":[{"code","message"}]}}. */
  record ErrorAnswer(List<Error> errors) {

    record Error(String code, String message) {}
  }
}
