package dev.keygate.application.service;

import dev.keygate.application.port.in.AuthenticateUseCase;
import dev.keygate.application.port.in.ManagementScope;
import dev.keygate.application.port.in.Principal;
import dev.keygate.application.port.in.Verification;
import dev.keygate.application.port.in.VerifyApiKeyCommand;
import dev.keygate.application.port.in.VerifyOutcome;
import dev.keygate.application.port.out.AccessTokens;
import dev.keygate.application.port.out.ApiRepository;
import dev.keygate.application.port.out.ApplicationRepository;
import dev.keygate.application.port.out.KeyStateCache;
import dev.keygate.application.port.out.VerifiedSecretCache;
import dev.keygate.domain.LimitReachedException;
import dev.keygate.domain.api.Api;
import dev.keygate.domain.api.ApiId;
import dev.keygate.domain.api.Scope;
import dev.keygate.domain.application.Application;
import dev.keygate.domain.application.ApplicationId;
import dev.keygate.domain.key.ApiKey;
import dev.keygate.domain.owner.Owner;
import dev.keygate.domain.token.ParsedToken;
import dev.keygate.domain.token.TokenFormat;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Authenticates management calls, by a management key or by an M2M application's access token.
 *
 * <p>A management key is verified as every other key is, so the proven-token cache serves
 * management traffic too. Authority follows the key's owner, and a key made by another management
 * key holds no more than its maker does now: revoking, disabling or letting the maker expire cuts
 * off every key it made, and the keys those made, at their next call.
 *
 * <p>An access token counts when its signature verifies with a published signing key, it has not
 * expired, and its audience is the management API. Its application is read by primary key on every
 * call: a deleted application, or a token issued before the secret's last roll (its secret version
 * is older), is refused at once on every node. Its scopes are those the application holds on the
 * management API now, within those the token names.
 */
public final class AuthenticateService implements AuthenticateUseCase {

  /** Keygate itself, checking a presented management key. */
  private static final Principal GATEKEEPER = Principal.operator("keygate:authentication");

  private final VerifyApiKeyService verify;
  private final VerifiedSecretCache verifiedSecrets;
  private final KeyStateCache keyStates;
  private final Makers makers;
  private final ApiRepository apis;
  private final ApplicationRepository applications;
  private final AccessTokens tokens;
  private final SigningKeys signingKeys;
  private final Clock clock;

  /**
   * The management API once found: its audience is reserved and it cannot be deleted while its keys
   * exist, so it is read once rather than on every call.
   */
  private volatile ApiId managementApi;

  AuthenticateService(
      VerifyApiKeyService verify,
      VerifiedSecretCache verifiedSecrets,
      KeyStateCache keyStates,
      Makers makers,
      ApiRepository apis,
      ApplicationRepository applications,
      AccessTokens tokens,
      SigningKeys signingKeys,
      Clock clock) {
    this.verify = verify;
    this.verifiedSecrets = verifiedSecrets;
    this.keyStates = keyStates;
    this.makers = makers;
    this.apis = apis;
    this.applications = applications;
    this.tokens = tokens;
    this.signingKeys = signingKeys;
    this.clock = clock;
  }

  @Override
  public Optional<Principal> authenticate(String token, Optional<String> clientIp) {
    Optional<ApiId> management = managementApi();
    if (token == null || management.isEmpty()) {
      return Optional.empty();
    }
    if (isAccessToken(token)) {
      return fromAccessToken(token, management.get());
    }
    Verification verification =
        verify.verify(GATEKEEPER, new VerifyApiKeyCommand(token, Set.of(), management, clientIp));
    if (verification.outcome() == VerifyOutcome.API_KEY_RATE_LIMITED
        || verification.outcome() == VerifyOutcome.API_KEY_USAGE_EXCEEDED) {
      throw overItsLimits(verification);
    }
    if (!verification.isValid()) {
      return Optional.empty();
    }
    ApiKey key = verification.key().orElseThrow();
    if (key.owner() instanceof Owner.Environment) {
      // No management key is issued to the environment (CreateApiKeyService refuses one); should
      // one be stored anyway, it authenticates nobody rather than acting for a reach no one gave.
      return Optional.empty();
    }
    return makers.within(key.madeBy(), key.owner(), Makers.principalOf(key), management.get());
  }

  @Override
  public void refuseKnownGuess(String bearer, VerifyApiKeyCommand command) {
    verify.refuseIfLockedOut(command, () -> isKnownManagementKey(bearer));
  }

  /**
   * Whether {@code bearer} is a token this node proved, of a key it remembers as a live management
   * key that may verify: memory lookups alone, no authentication. Such a caller, fully
   * authenticated, would be told the same refusal, unless its maker has since lost its own
   * authority or the node has yet to read that change; then it learns of a lockout it could have
   * seen before.
   */
  private boolean isKnownManagementKey(String bearer) {
    ApiId management = managementApi;
    if (bearer == null || management == null || isAccessToken(bearer)) {
      return false;
    }
    Optional<ParsedToken> token = TokenFormat.parse(bearer);
    if (token.isEmpty()) {
      return false;
    }
    Instant now = clock.instant();
    try {
      return verifiedSecrets
          .find(token.get())
          .flatMap(proven -> keyStates.find(proven.keyId()))
          .filter(key -> key.apiId().equals(management) && key.isActiveAt(now))
          .filter(
              key -> {
                Set<ManagementScope> scopes = Makers.managementScopes(key.scopes());
                return scopes.contains(ManagementScope.VERIFY_API_KEYS)
                    || scopes.contains(ManagementScope.READ_API_KEYS);
              })
          .isPresent();
    } finally {
      token.get().wipe();
    }
  }

  /** A JWT has three dot-separated parts; a Keygate key has no dot. */
  static boolean isAccessToken(String token) {
    return token.indexOf('.') > 0;
  }

  /** Whether a token for {@code audience}, issued by {@code issuer}, is for the management API. */
  static boolean isManagementAudience(String audience, String issuer) {
    return audience.equals(Api.MANAGEMENT_AUDIENCE) || audience.equals(issuer + "/api");
  }

  private Optional<Principal> fromAccessToken(String token, ApiId management) {
    Instant now = clock.instant();
    Optional<AccessTokens.Claims> verified = tokens.verify(token, signingKeys::byKid, now);
    if (verified.isEmpty()) {
      return Optional.empty();
    }
    AccessTokens.Claims claims = verified.get();
    if (!isManagementAudience(claims.audience(), claims.issuer())
        || !ApplicationId.isWellFormed(claims.subject())) {
      return Optional.empty();
    }
    Optional<Application> found = applications.findById(new ApplicationId(claims.subject()));
    if (found.isEmpty()) {
      return Optional.empty();
    }
    Application application = found.get();
    if (application.secretVersion() != claims.secretVersion()
        || !application.isActiveAt(now)
        || !application.apis().contains(management)) {
      return Optional.empty();
    }
    Set<ManagementScope> scopes = EnumSet.noneOf(ManagementScope.class);
    for (Scope scope : application.scopesOf(management)) {
      if (claims.scopes().contains(scope.key())) {
        ManagementScope.fromKey(scope.key()).ifPresent(scopes::add);
      }
    }
    Instant end = claims.expiresAt();
    if (application.expiresOn().isPresent() && application.expiresOn().get().isBefore(end)) {
      end = application.expiresOn().get();
    }
    Principal principal =
        new Principal(
            "application:" + application.id(),
            Makers.authorityOf(Applications.ownerOf(application)),
            scopes,
            Optional.of(end),
            Optional.empty());
    return makers.within(
        application.madeBy(), Applications.ownerOf(application), principal, management);
  }

  private Optional<ApiId> managementApi() {
    if (managementApi == null) {
      apis.findByAudience(Api.MANAGEMENT_AUDIENCE).ifPresent(api -> managementApi = api.id());
    }
    return Optional.ofNullable(managementApi);
  }

  /**
   * The refusal of a management key over its rate limit (until its window ends) or out of credits
   * (until its next refill, or a day when it has none).
   */
  private LimitReachedException overItsLimits(Verification verification) {
    Instant now = clock.instant();
    if (verification.rateLimit().isPresent()
        && verification.outcome() == VerifyOutcome.API_KEY_RATE_LIMITED) {
      Verification.RateLimitStatus limit = verification.rateLimit().get();
      return new LimitReachedException(
          "this key is over its rate limit " + limit.name() + "; retry after " + limit.reset(),
          positive(Duration.between(now, limit.reset())));
    }
    Duration untilRefill =
        verification
            .key()
            .flatMap(key -> key.policy().credits())
            .flatMap(credits -> credits.refill())
            .map(refill -> Duration.between(now, refill.nextDue(now)))
            .orElse(Duration.ofDays(1));
    return new LimitReachedException("this key has no credits left", positive(untilRefill));
  }

  private static Duration positive(Duration duration) {
    return duration.isNegative() ? Duration.ZERO : duration;
  }
}
