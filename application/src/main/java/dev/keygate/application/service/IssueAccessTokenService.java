package dev.keygate.application.service;

import dev.keygate.application.port.in.IssueAccessTokenCommand;
import dev.keygate.application.port.in.IssueAccessTokenUseCase;
import dev.keygate.application.port.in.ManagementScope;
import dev.keygate.application.port.in.Principal;
import dev.keygate.application.port.in.Secret;
import dev.keygate.application.port.in.TokenAnswer;
import dev.keygate.application.port.in.TokenError;
import dev.keygate.application.port.out.AccessTokens;
import dev.keygate.application.port.out.ApiRepository;
import dev.keygate.application.port.out.ApplicationRepository;
import dev.keygate.application.port.out.FailedAttempts;
import dev.keygate.application.port.out.SecretHasher;
import dev.keygate.domain.LimitReachedException;
import dev.keygate.domain.TimeOrderedIds;
import dev.keygate.domain.api.Api;
import dev.keygate.domain.api.Scope;
import dev.keygate.domain.application.Application;
import dev.keygate.domain.application.ApplicationId;
import dev.keygate.domain.owner.OrgCode;
import dev.keygate.domain.token.SecretLookup;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The client-credentials grant. The client is authenticated by its secret's Argon2id hash, within
 * the hashing slots, and failed authentications are limited as failed verifications are: per client
 * id and client network. The token is for one API, the audience: the management API when it is the
 * public base URL with {@code /api} or {@code keygate-management}. It holds the scopes granted to
 * the application there (or those asked for, if all are granted), lives for the configured lifetime
 * and never past the application's own end.
 */
public final class IssueAccessTokenService implements IssueAccessTokenUseCase {

  private static final String CLIENT_FAILED = "client authentication failed";

  private final ApplicationRepository applications;
  private final ApiRepository apis;
  private final SecretHasher hasher;
  private final FailedAttempts failedAttempts;
  private final AccessTokens tokens;
  private final SigningKeys signingKeys;
  private final Makers makers;
  private final Clock clock;
  private final Duration lifetime;

  IssueAccessTokenService(
      ApplicationRepository applications,
      ApiRepository apis,
      SecretHasher hasher,
      FailedAttempts failedAttempts,
      AccessTokens tokens,
      SigningKeys signingKeys,
      Makers makers,
      Clock clock,
      Duration lifetime) {
    this.applications = applications;
    this.apis = apis;
    this.hasher = hasher;
    this.failedAttempts = failedAttempts;
    this.tokens = tokens;
    this.signingKeys = signingKeys;
    this.makers = makers;
    this.clock = clock;
    this.lifetime = lifetime;
  }

  @Override
  public TokenAnswer issue(IssueAccessTokenCommand command) {
    if (!ApplicationId.isWellFormed(command.clientId())) {
      return refused(TokenError.INVALID_CLIENT, CLIENT_FAILED);
    }
    ApplicationId id = new ApplicationId(command.clientId());
    // Failed attempts are counted under the random end of the client id, shaped as a key's lookup.
    SecretLookup lookup = new SecretLookup(id.value().substring(TimeOrderedIds.HEX_LENGTH - 12));
    String client = ClientNetwork.of(command.clientIp());
    Optional<Duration> lockedOut = failedAttempts.lockedOutFor(lookup, client);
    if (lockedOut.isPresent()) {
      throw new LimitReachedException(
          "too many failed client authentications; retry in "
              + Math.max(1, lockedOut.get().toSeconds())
              + " s",
          lockedOut.get());
    }
    Optional<Application> found = applications.findById(id);
    if (found.isEmpty() || !matches(found.get(), command.clientSecret())) {
      failedAttempts.failed(lookup, client);
      return refused(TokenError.INVALID_CLIENT, CLIENT_FAILED);
    }
    Application application = found.get();
    Instant now = clock.instant();
    if (!application.isActiveAt(now)) {
      return refused(TokenError.INVALID_GRANT, "the application's authority has ended");
    }
    Optional<Api> management = apis.findByAudience(Api.MANAGEMENT_AUDIENCE);
    Optional<Api> api =
        AuthenticateService.isManagementAudience(command.audience(), command.issuer())
            ? management
            : apis.findByAudience(command.audience());
    if (api.isEmpty()) {
      return refused(
          TokenError.INVALID_REQUEST, "audience " + Echo.quote(command.audience()) + " is unknown");
    }
    if (!application.apis().contains(api.get().id())) {
      return refused(
          TokenError.UNAUTHORIZED_CLIENT, "the application is not authorized for this audience");
    }
    Instant expiresAt = now.plus(lifetime);
    if (application.expiresOn().isPresent() && application.expiresOn().get().isBefore(expiresAt)) {
      expiresAt = application.expiresOn().get();
    }
    Set<String> granted = new LinkedHashSet<>();
    application.scopesOf(api.get().id()).stream().map(Scope::key).sorted().forEach(granted::add);
    if (api.get().isManagement()) {
      Optional<Principal> within = makersAllow(application, granted, expiresAt, api.get());
      if (within.isEmpty()) {
        return refused(TokenError.INVALID_GRANT, "the application's authority has ended");
      }
      granted.removeIf(key -> !ManagementScope.fromKey(key).map(within.get()::holds).orElse(false));
      if (within.get().expiresOn().isPresent()
          && within.get().expiresOn().get().isBefore(expiresAt)) {
        expiresAt = within.get().expiresOn().get();
      }
    }
    List<String> scopes = new ArrayList<>(granted);
    if (command.scope().isPresent() && !command.scope().get().isBlank()) {
      Set<String> asked =
          new LinkedHashSet<>(Arrays.asList(command.scope().get().strip().split("\\s+")));
      for (String scope : asked) {
        if (!granted.contains(scope)) {
          return refused(
              TokenError.INVALID_SCOPE, "scope " + Echo.quote(scope) + " is not granted");
        }
      }
      scopes = new ArrayList<>(asked);
    }
    AccessTokens.Claims claims =
        new AccessTokens.Claims(
            command.issuer(),
            command.audience(),
            application.id().value(),
            scopes,
            now,
            expiresAt,
            TimeOrderedIds.next(clock),
            application.secretVersion(),
            application.org().map(OrgCode::value));
    String token = tokens.sign(signingKeys.signer(), claims);
    long expiresIn = Math.max(0, Duration.between(now, expiresAt).toSeconds());
    return new TokenAnswer.Issued(Secret.of(token), expiresIn, String.join(" ", scopes));
  }

  /** The application's authority narrowed by its makers, when they all still act. */
  private Optional<Principal> makersAllow(
      Application application, Set<String> granted, Instant expiresAt, Api management) {
    Set<ManagementScope> scopes = java.util.EnumSet.noneOf(ManagementScope.class);
    granted.forEach(key -> ManagementScope.fromKey(key).ifPresent(scopes::add));
    Principal principal =
        new Principal(
            "application:" + application.id(),
            Makers.authorityOf(Applications.ownerOf(application)),
            scopes,
            Optional.of(expiresAt),
            Optional.empty());
    return makers.within(
        application.madeBy(), Applications.ownerOf(application), principal, management.id());
  }

  private boolean matches(Application application, Secret secret) {
    char[] chars = secret.chars();
    try {
      return hasher.verify(application.secretHash(), chars);
    } finally {
      Arrays.fill(chars, '\0');
    }
  }

  private static TokenAnswer refused(TokenError error, String description) {
    return new TokenAnswer.Refused(error, description);
  }
}
