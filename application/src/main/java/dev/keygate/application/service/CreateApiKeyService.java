package dev.keygate.application.service;

import static dev.keygate.application.port.in.ManagementScope.CREATE_API_KEYS;
import static dev.keygate.domain.audit.AuditAction.API_KEY_CREATE;

import dev.keygate.application.port.in.CreateApiKeyCommand;
import dev.keygate.application.port.in.CreateApiKeyUseCase;
import dev.keygate.application.port.in.IssuedApiKey;
import dev.keygate.application.port.in.Principal;
import dev.keygate.application.port.out.ApiKeyRepository;
import dev.keygate.application.port.out.OwnerRepository;
import dev.keygate.domain.Checks;
import dev.keygate.domain.ValidationException;
import dev.keygate.domain.api.Api;
import dev.keygate.domain.api.Scope;
import dev.keygate.domain.event.KeyEventType;
import dev.keygate.domain.key.ApiKey;
import dev.keygate.domain.key.ApiKeyId;
import dev.keygate.domain.owner.Owner;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Issues keys: checks owner, API and scopes, mints a secret, stores only its hash. Keys of the
 * environment are issued only by a caller with deployment-wide authority, and never for the
 * management API.
 */
public final class CreateApiKeyService implements CreateApiKeyUseCase {

  private final ApiKeyRepository apiKeys;
  private final ApiLookup apiLookup;
  private final OwnerRepository owners;
  private final KeyMint mint;
  private final Authorization authorization;
  private final OwnerLimits limits;
  private final Changes changes;
  private final Metering metering;
  private final KeyEvents events;
  private final Clock clock;

  CreateApiKeyService(
      ApiKeyRepository apiKeys,
      ApiLookup apiLookup,
      OwnerRepository owners,
      KeyMint mint,
      Authorization authorization,
      OwnerLimits limits,
      Changes changes,
      Metering metering,
      KeyEvents events,
      Clock clock) {
    this.apiKeys = apiKeys;
    this.apiLookup = apiLookup;
    this.owners = owners;
    this.mint = mint;
    this.authorization = authorization;
    this.limits = limits;
    this.changes = changes;
    this.metering = metering;
    this.events = events;
    this.clock = clock;
  }

  @Override
  public IssuedApiKey create(Principal principal, CreateApiKeyCommand command) {
    authorization.requireScope(principal, CREATE_API_KEYS, API_KEY_CREATE, "api_keys");
    Owner owner = Checks.required("api key owner", command.owner());
    authorization.requireEnvironmentReach(principal, owner, API_KEY_CREATE);
    authorization.requireReach(principal, owner, API_KEY_CREATE);
    Instant now = clock.instant();
    ApiKey.checkDraft(command.name(), command.expiresOn(), now);
    if (!owners.exists(owner)) {
      throw Authorization.ownerNotFound(owner);
    }
    Api api = apiLookup.api(Checks.required("api id", command.apiId()));
    if (api.isManagement() && owner instanceof Owner.Environment) {
      // A management key's reach follows its owner (the operator organization: the deployment;
      // another owner: its own keys). The environment has no such meaning that would not make it
      // a second operator, so it holds no management keys.
      throw new ValidationException(
          "management keys belong to the operator organization, an organization or a user;"
              + " an environment key cannot be one");
    }
    Set<Scope> scopes = apiLookup.scopes(api, Checks.required("scopes", command.scopes()));
    // A management key made by an expiring key ends with it unless told to end sooner.
    Optional<Instant> expiresOn =
        api.isManagement() && command.expiresOn().isEmpty()
            ? principal.expiresOn()
            : command.expiresOn();
    authorization.requireWithin(
        principal,
        api,
        owner,
        scopes,
        expiresOn,
        API_KEY_CREATE,
        owner.id(),
        "cannot create the key");
    limits.requireRoomFor(principal, owner, now);
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
                principal.key(),
                expiresOn,
                now)
            .withPolicy(command.policy());
    changes.make(
        principal,
        API_KEY_CREATE,
        key.id().value(),
        Optional.of(owner),
        () -> {
          apiKeys.add(key);
          metering.start(key, now);
          events.append(KeyEventType.CREATED, key, principal.actor());
        });
    return new IssuedApiKey(key, minted.token());
  }
}
