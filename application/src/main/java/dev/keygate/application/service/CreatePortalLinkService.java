package dev.keygate.application.service;

import static dev.keygate.application.port.in.ManagementScope.CREATE_PORTAL_LINKS;
import static dev.keygate.domain.audit.AuditAction.PORTAL_LINK_CREATE;

import dev.keygate.application.port.in.CreatePortalLinkCommand;
import dev.keygate.application.port.in.CreatePortalLinkUseCase;
import dev.keygate.application.port.in.ManagementScope;
import dev.keygate.application.port.in.PortalLink;
import dev.keygate.application.port.in.Principal;
import dev.keygate.application.port.out.ApiKeyRepository;
import dev.keygate.application.port.out.ApiRepository;
import dev.keygate.application.port.out.OwnerRepository;
import dev.keygate.domain.Checks;
import dev.keygate.domain.NotFoundException;
import dev.keygate.domain.ValidationException;
import dev.keygate.domain.api.Api;
import dev.keygate.domain.api.Scope;
import dev.keygate.domain.event.KeyEventType;
import dev.keygate.domain.key.ApiKey;
import dev.keygate.domain.key.ApiKeyId;
import dev.keygate.domain.owner.Organization;
import dev.keygate.domain.owner.Owner;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Makes portal links: a management key owned by the organization or user the link is for, with only
 * the scopes the portal uses, expiring after the link's time to live. The portal is then held to
 * that owner by the same rules as every other confined caller.
 */
public final class CreatePortalLinkService implements CreatePortalLinkUseCase {

  /** What a customer does in the portal: manage their own keys, and read the APIs to pick from. */
  static final Set<ManagementScope> PORTAL_SCOPES =
      EnumSet.of(
          ManagementScope.READ_API_KEYS,
          ManagementScope.CREATE_API_KEYS,
          ManagementScope.UPDATE_API_KEYS,
          ManagementScope.DELETE_API_KEYS,
          ManagementScope.READ_APIS,
          ManagementScope.READ_API_SCOPES);

  /** Shown in the portal when the caller making the link may read grants: which APIs to offer. */
  static final ManagementScope OPTIONAL_PORTAL_SCOPE = ManagementScope.READ_GRANTS;

  static final String KEY_NAME = "Portal link";

  private static final Duration LONGEST_TTL = Duration.ofDays(1);

  private static final Owner OPERATOR = new Owner.Org(Organization.OPERATOR_CODE);

  private final ApiKeyRepository apiKeys;
  private final ApiRepository apis;
  private final OwnerRepository owners;
  private final KeyMint mint;
  private final Authorization authorization;
  private final OwnerLimits limits;
  private final Changes changes;
  private final KeyEvents events;
  private final Clock clock;

  CreatePortalLinkService(
      ApiKeyRepository apiKeys,
      ApiRepository apis,
      OwnerRepository owners,
      KeyMint mint,
      Authorization authorization,
      OwnerLimits limits,
      Changes changes,
      KeyEvents events,
      Clock clock) {
    this.apiKeys = apiKeys;
    this.apis = apis;
    this.owners = owners;
    this.mint = mint;
    this.authorization = authorization;
    this.limits = limits;
    this.changes = changes;
    this.events = events;
    this.clock = clock;
  }

  @Override
  public PortalLink create(Principal principal, CreatePortalLinkCommand command) {
    authorization.requireScope(principal, CREATE_PORTAL_LINKS, PORTAL_LINK_CREATE, "portal_links");
    Owner owner = Checks.required("portal link owner", command.owner());
    authorization.requireReach(principal, owner, PORTAL_LINK_CREATE);
    Duration ttl = Checks.required("portal link ttl", command.ttl());
    if (ttl.isNegative() || ttl.isZero() || ttl.compareTo(LONGEST_TTL) > 0) {
      throw new ValidationException("portal link ttl must be more than 0 and at most 1 day");
    }
    if (owner.equals(OPERATOR) || owner instanceof Owner.Environment) {
      // A key of the operator organization acts for the whole deployment: not a customer's portal.
      // Nor is the environment a customer: a portal for it would be a management key it may not
      // hold (see CreateApiKeyService).
      throw new ValidationException(
          "portal links are for customers' organizations and users; the operator has the console");
    }
    if (!owners.exists(owner)) {
      throw Authorization.ownerNotFound(owner);
    }
    Api management =
        apis.findByAudience(Api.MANAGEMENT_AUDIENCE)
            .orElseThrow(() -> new NotFoundException("the management api is not registered"));
    Set<ManagementScope> wanted = EnumSet.copyOf(PORTAL_SCOPES);
    if (principal.holds(OPTIONAL_PORTAL_SCOPE)) {
      wanted.add(OPTIONAL_PORTAL_SCOPE);
    }
    Set<Scope> scopes = new LinkedHashSet<>();
    for (Scope scope : apis.scopes(management.id())) {
      if (ManagementScope.fromKey(scope.key()).filter(wanted::contains).isPresent()) {
        scopes.add(scope);
      }
    }
    Instant now = clock.instant();
    // Like every management key, the link's ends no later than the key of the caller who made it.
    Instant end =
        principal
            .expiresOn()
            .filter(callers -> callers.isBefore(now.plus(ttl)))
            .orElse(now.plus(ttl));
    authorization.requireWithin(
        principal,
        management,
        owner,
        scopes,
        Optional.of(end),
        PORTAL_LINK_CREATE,
        owner.id(),
        "cannot make the portal link");
    limits.requireRoomFor(principal, owner, now);
    KeyMint.Minted minted = mint.mint(now);
    ApiKey key =
        ApiKey.createPortalLink(
            ApiKeyId.generate(clock),
            KEY_NAME,
            owner,
            management.id(),
            scopes,
            minted.secret(),
            principal.actor(),
            principal.key(),
            end,
            now);
    changes.make(
        principal,
        PORTAL_LINK_CREATE,
        key.id().value(),
        Optional.of(owner),
        () -> {
          apiKeys.add(key);
          events.append(KeyEventType.CREATED, key, principal.actor());
        });
    return new PortalLink(key, minted.token());
  }
}
