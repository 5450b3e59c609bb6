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
import dev.keygate.domain.owner.Organization;
import dev.keygate.domain.owner.Owner;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Authenticates management calls with the same verification as every other key, so the proven-
 * token cache serves management traffic too. Authority follows the key's owner.
 */
public final class AuthenticateService implements AuthenticateUseCase {

  /** Keygate itself, checking a presented management key. */
  private static final Principal GATEKEEPER = Principal.operator("keygate:authentication");

  private static final Owner OPERATOR = new Owner.Org(Organization.OPERATOR_CODE);

  private final VerifyApiKeyUseCase verify;
  private final ApiRepository apis;

  /**
   * The management API once found: its audience is reserved and it cannot be deleted while its keys
   * exist, so it is read once rather than on every call.
   */
  private volatile ApiId managementApi;

  AuthenticateService(VerifyApiKeyUseCase verify, ApiRepository apis) {
    this.verify = verify;
    this.apis = apis;
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
    Set<ManagementScope> scopes = EnumSet.noneOf(ManagementScope.class);
    for (Scope scope : key.scopes()) {
      ManagementScope.fromKey(scope.key()).ifPresent(scopes::add);
    }
    String actor = "api_key:" + key.id();
    Principal principal =
        key.owner().equals(OPERATOR)
            ? new Principal(actor, new Authority.Deployment(), scopes)
            : Principal.confinedTo(actor, key.owner(), scopes);
    // The authority of an expiring key, such as a portal link's, ends when the key does.
    return Optional.of(key.expiresOn().map(principal::until).orElse(principal));
  }

  private Optional<ApiId> managementApi() {
    if (managementApi == null) {
      apis.findByAudience(Api.MANAGEMENT_AUDIENCE).ifPresent(api -> managementApi = api.id());
    }
    return Optional.ofNullable(managementApi);
  }
}
