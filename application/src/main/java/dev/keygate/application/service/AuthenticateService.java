package dev.keygate.application.service;

import dev.keygate.application.port.in.AuthenticateUseCase;
import dev.keygate.application.port.in.Authority;
import dev.keygate.application.port.in.ManagementScope;
import dev.keygate.application.port.in.Principal;
import dev.keygate.application.port.in.Verification;
import dev.keygate.application.port.in.VerifyApiKeyCommand;
import dev.keygate.application.port.in.VerifyApiKeyUseCase;
import dev.keygate.application.port.out.ApiRepository;
import dev.keygate.domain.api.Api;
import dev.keygate.domain.api.ApiId;
import dev.keygate.domain.api.Scope;
import dev.keygate.domain.key.ApiKey;
import dev.keygate.domain.key.ApiKeyId;
import dev.keygate.domain.owner.Organization;
import dev.keygate.domain.owner.Owner;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Authenticates management calls with the same verification as every other key, so the proven-
 * token cache serves management traffic too. Authority follows the key's owner, and a key made by
 * another management key holds no more than its maker does now: revoking, disabling or letting the
 * maker expire cuts off every key it made, and the keys those made, at their next call.
 */
public final class AuthenticateService implements AuthenticateUseCase {

  /** Keygate itself, checking a presented management key. */
  private static final Principal GATEKEEPER = Principal.operator("keygate:authentication");

  private static final Owner OPERATOR = new Owner.Org(Organization.OPERATOR_CODE);

  /** Far deeper than any real chain of keys made by keys; a longer one is refused, not followed. */
  private static final int MAX_MAKERS = 32;

  private final VerifyApiKeyUseCase verify;
  private final KeyStates keyStates;
  private final ApiRepository apis;
  private final Clock clock;

  /**
   * The management API once found: its audience is reserved and it cannot be deleted while its keys
   * exist, so it is read once rather than on every call.
   */
  private volatile ApiId managementApi;

  AuthenticateService(
      VerifyApiKeyUseCase verify, KeyStates keyStates, ApiRepository apis, Clock clock) {
    this.verify = verify;
    this.keyStates = keyStates;
    this.apis = apis;
    this.clock = clock;
  }

  @Override
  public Optional<Principal> authenticate(String token, Optional<String> clientIp) {
    Optional<ApiId> management = managementApi();
    if (token == null || management.isEmpty()) {
      return Optional.empty();
    }
    Verification verification =
        verify.verify(GATEKEEPER, new VerifyApiKeyCommand(token, Set.of(), management, clientIp));
    if (!verification.isValid()) {
      return Optional.empty();
    }
    ApiKey key = verification.key().orElseThrow();
    return withinMakers(key, principalOf(key), management.get());
  }

  /**
   * The principal narrowed by each maker up the chain, or empty when one of them no longer acts:
   * gone, revoked, disabled or expired.
   */
  private Optional<Principal> withinMakers(ApiKey key, Principal principal, ApiId management) {
    Instant now = clock.instant();
    Optional<ApiKeyId> maker = key.madeBy();
    for (int depth = 0; maker.isPresent(); depth++) {
      if (depth == MAX_MAKERS) {
        return Optional.empty();
      }
      Optional<ApiKey> makerKey = keyStates.current(maker.get());
      if (makerKey.isEmpty()
          || !makerKey.get().isActiveAt(now)
          || !makerKey.get().apiId().equals(management)) {
        return Optional.empty();
      }
      Principal makers = principalOf(makerKey.get());
      if (!makers.covers(key.owner())) {
        return Optional.empty();
      }
      principal = principal.within(makers);
      maker = makerKey.get().madeBy();
    }
    return Optional.of(principal);
  }

  /** What a management key alone allows: its owner's reach, its scopes, until its expiry. */
  private static Principal principalOf(ApiKey key) {
    Set<ManagementScope> scopes = EnumSet.noneOf(ManagementScope.class);
    for (Scope scope : key.scopes()) {
      ManagementScope.fromKey(scope.key()).ifPresent(scopes::add);
    }
    Authority authority =
        key.owner().equals(OPERATOR)
            ? new Authority.Deployment()
            : new Authority.OwnerOnly(key.owner());
    return new Principal(
        "api_key:" + key.id(), authority, scopes, key.expiresOn(), Optional.of(key.id()));
  }

  private Optional<ApiId> managementApi() {
    if (managementApi == null) {
      apis.findByAudience(Api.MANAGEMENT_AUDIENCE).ifPresent(api -> managementApi = api.id());
    }
    return Optional.ofNullable(managementApi);
  }
}
