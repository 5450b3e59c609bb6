package dev.keygate.application.service;

import static dev.keygate.application.port.in.ManagementScope.CREATE_API_KEYS;
import static dev.keygate.domain.audit.AuditAction.API_KEY_CREATE;

import dev.keygate.application.port.in.CreateApiKeyCommand;
import dev.keygate.application.port.in.CreateApiKeyUseCase;
import dev.keygate.application.port.in.IssuedApiKey;
import dev.keygate.application.port.in.Principal;
import dev.keygate.application.port.out.ApiKeyRepository;
import dev.keygate.application.port.out.ApiRepository;
import dev.keygate.application.port.out.OwnerRepository;
import dev.keygate.domain.Checks;
import dev.keygate.domain.ForbiddenException;
import dev.keygate.domain.NotFoundException;
import dev.keygate.domain.ValidationException;
import dev.keygate.domain.api.Api;
import dev.keygate.domain.api.Scope;
import dev.keygate.domain.key.ApiKey;
import dev.keygate.domain.key.ApiKeyId;
import dev.keygate.domain.owner.Owner;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Issues keys: checks owner, API and scopes, mints a secret, stores only its hash. */
public final class CreateApiKeyService implements CreateApiKeyUseCase {

  private final ApiKeyRepository apiKeys;
  private final ApiRepository apis;
  private final OwnerRepository owners;
  private final KeyMint mint;
  private final Authorization authorization;
  private final AuditTrail trail;
  private final Clock clock;

  CreateApiKeyService(
      ApiKeyRepository apiKeys,
      ApiRepository apis,
      OwnerRepository owners,
      KeyMint mint,
      Authorization authorization,
      AuditTrail trail,
      Clock clock) {
    this.apiKeys = apiKeys;
    this.apis = apis;
    this.owners = owners;
    this.mint = mint;
    this.authorization = authorization;
    this.trail = trail;
    this.clock = clock;
  }

  @Override
  public IssuedApiKey create(Principal principal, CreateApiKeyCommand command) {
    authorization.requireScope(principal, CREATE_API_KEYS, API_KEY_CREATE, "api_keys");
    Owner owner = Checks.required("api key owner", command.owner());
    authorization.requireReach(principal, owner, API_KEY_CREATE);
    Instant now = clock.instant();
    ApiKey.checkDraft(command.name(), command.expiresOn(), now);
    if (!owners.exists(owner)) {
      throw Authorization.ownerNotFound(owner);
    }
    Api api =
        apis.findById(Checks.required("api id", command.apiId()))
            .orElseThrow(() -> new NotFoundException("api " + command.apiId() + " not found"));
    Set<Scope> scopes = resolve(api, Checks.required("scopes", command.scopes()));
    if (api.isManagement()) {
      authorization.requireGrantable(
          principal, owner, scopes.stream().map(Scope::key).toList(), API_KEY_CREATE);
    }
    Optional<Instant> expiresOn = command.expiresOn();
    if (api.isManagement() && principal.expiresOn().isPresent()) {
      expiresOn = Optional.of(withinCallersTime(principal, owner, expiresOn));
    }
    KeyMint.Minted minted = mint.mint(now);
    ApiKey key =
        ApiKey.create(
            ApiKeyId.generate(clock),
            command.name(),
            owner,
            api.id(),
            scopes,
            minted.secret(),
            principal.actor(),
            expiresOn,
            now);
    apiKeys.add(key);
    trail.succeeded(principal, API_KEY_CREATE, key.id().value(), Optional.of(owner));
    return new IssuedApiKey(key, minted.token());
  }

  /** Finds each requested scope on the API by id or by key. */
  private Set<Scope> resolve(Api api, List<String> requested) {
    List<Scope> defined = apis.scopes(api.id());
    Set<Scope> granted = new LinkedHashSet<>();
    for (String ref : requested) {
      Scope scope =
          defined.stream()
              .filter(s -> s.id().value().equals(ref) || s.key().equals(ref))
              .findFirst()
              .orElseThrow(
                  () ->
                      new ValidationException(
                          "scope " + Echo.quote(ref) + " is not defined on api " + api.id()));
      granted.add(scope);
    }
    return granted;
  }

  /**
   * A management key can't outlive the key of the caller who creates it: without an expiry it gets
   * the caller's, and a later one is refused. A portal link's key cannot mint a lasting one.
   */
  private Instant withinCallersTime(Principal principal, Owner owner, Optional<Instant> wanted) {
    Instant end = principal.expiresOn().orElseThrow();
    if (wanted.isPresent() && wanted.get().isAfter(end)) {
      String reason = "a management key cannot outlive the key that creates it (" + end + ")";
      trail.refused(principal, API_KEY_CREATE, owner.id(), Optional.of(owner), reason);
      throw new ForbiddenException(reason);
    }
    return wanted.orElse(end);
  }
}
