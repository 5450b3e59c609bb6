package dev.keygate.adapter.remote;

import dev.keygate.domain.api.Api;
import dev.keygate.domain.api.ApiId;
import dev.keygate.domain.api.Scope;
import dev.keygate.domain.api.ScopeId;
import dev.keygate.domain.application.Application;
import dev.keygate.domain.application.ApplicationId;
import dev.keygate.domain.audit.AuditAction;
import dev.keygate.domain.audit.AuditEvent;
import dev.keygate.domain.audit.AuditOutcome;
import dev.keygate.domain.event.Delivery;
import dev.keygate.domain.event.DeliveryId;
import dev.keygate.domain.event.DeliveryStatus;
import dev.keygate.domain.event.KeyEventType;
import dev.keygate.domain.event.Webhook;
import dev.keygate.domain.event.WebhookId;
import dev.keygate.domain.grant.Grant;
import dev.keygate.domain.key.ApiKey;
import dev.keygate.domain.key.ApiKeyId;
import dev.keygate.domain.key.ApiKeyKind;
import dev.keygate.domain.key.ApiKeyStatus;
import dev.keygate.domain.key.KeySecret;
import dev.keygate.domain.key.Usage;
import dev.keygate.domain.owner.OrgCode;
import dev.keygate.domain.owner.Organization;
import dev.keygate.domain.owner.Owner;
import dev.keygate.domain.owner.UserAccount;
import dev.keygate.domain.owner.UserId;
import dev.keygate.domain.policy.Credits;
import dev.keygate.domain.policy.IpAllowlist;
import dev.keygate.domain.policy.RateLimit;
import dev.keygate.domain.policy.Refill;
import dev.keygate.domain.policy.UsagePolicy;
import dev.keygate.domain.token.KeyPrefix;
import dev.keygate.domain.token.ParsedToken;
import dev.keygate.domain.token.PlaintextKey;
import dev.keygate.domain.token.SecretLookup;
import dev.keygate.domain.token.TokenFormat;
import dev.keygate.wire.ApiKeyResponses;
import dev.keygate.wire.ApiResponses;
import dev.keygate.wire.ApplicationResponses;
import dev.keygate.wire.AuditResponses;
import dev.keygate.wire.GrantResponses;
import dev.keygate.wire.OwnerResponses;
import dev.keygate.wire.PolicyResponses;
import dev.keygate.wire.WebhookResponses;
import dev.keygate.wire.WireNames;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The application's types from the server's answers. Where an answer leaves out what a domain
 * record requires and no command shows (a secret's hash, the ids of a key's scopes), the record
 * gets a stand-in, said so where it is made.
 */
final class DomainOf {

  /**
   * The stand-in for a secret's hash, which never leaves the server. Nothing here verifies secrets:
   * the server does.
   */
  private static final String HASH_KEPT_BY_THE_SERVER = "kept-by-the-server";

  private DomainOf() {}

  static Organization organization(OwnerResponses.OrganizationView view) {
    return new Organization(new OrgCode(view.code()), view.name(), view.createdOn());
  }

  static UserAccount user(OwnerResponses.UserDetails view) {
    return new UserAccount(new UserId(view.id()), view.name(), view.email(), view.createdOn());
  }

  static UserAccount user(OwnerResponses.UserView view) {
    return new UserAccount(new UserId(view.id()), view.name(), view.email(), view.createdOn());
  }

  static Api api(ApiResponses.ApiSummary view) {
    return new Api(new ApiId(view.id()), view.name(), view.audience(), view.createdOn());
  }

  static Api api(ApiResponses.ApiView view) {
    return new Api(new ApiId(view.id()), view.name(), view.audience(), view.createdOn());
  }

  static Scope scope(ApiId api, ApiResponses.ScopeView view) {
    return new Scope(new ScopeId(view.id()), api, view.key(), view.description());
  }

  static Grant grant(Owner owner, GrantResponses.GrantView view) {
    ApiId api = new ApiId(view.apiId());
    return new Grant(
        owner,
        api,
        view.scopes().stream().map(scope -> scope(api, scope)).collect(Collectors.toSet()),
        view.grantedOn(),
        view.grantedBy());
  }

  static AuditEvent auditEvent(AuditResponses.Event view) {
    return new AuditEvent(
        view.id(),
        view.occurredOn(),
        view.actor(),
        named(AuditAction.values(), WireNames::of, view.action(), "audit action"),
        view.target(),
        Optional.empty(),
        named(AuditOutcome.values(), WireNames::of, view.outcome(), "audit outcome"),
        view.detail());
  }

  /**
   * A key as the server showed it. Its one secret carries the shown prefix and suffix; the lookup
   * behind the shown part and the hash stay on the server, so they are stand-ins here. A previous
   * secret still in its grace period is not shown by the server, only until when it verifies: it is
   * here as a stand-in of the current one that expires then.
   */
  static ApiKey apiKey(ApiKeyResponses.Details view) {
    ApiId api = new ApiId(view.apiIds().get(0));
    Owner owner = owner(view.type(), view.orgCode(), view.userId());
    KeySecret secret =
        new KeySecret(
            prefix(view.keyPrefix()),
            lookup(view.keyPrefix()),
            view.keySuffix(),
            HASH_KEPT_BY_THE_SERVER,
            view.createdOn(),
            Optional.empty());
    return new ApiKey(
        new ApiKeyId(view.id()),
        view.name(),
        owner,
        api,
        view.scopes().stream().map(key -> scopeOfKey(api, key)).collect(Collectors.toSet()),
        WireNames.status("status", view.status()),
        view.createdOn(),
        view.createdBy(),
        Optional.empty(),
        ApiKeyKind.STANDARD,
        view.expiresOn(),
        secrets(secret, view.previousSecretExpiresOn()),
        new Usage(view.lastVerifiedOn(), view.lastVerifiedIp(), view.verificationCount()),
        view.revokedOn(),
        policy(view),
        rateLimits(view.ownerRateLimits()),
        0);
  }

  /** The current secret, after the one a rotation replaced while its grace runs. */
  private static List<KeySecret> secrets(KeySecret current, Optional<Instant> graceEnds) {
    return graceEnds
        .map(
            end ->
                List.of(
                    new KeySecret(
                        current.prefix(),
                        current.lookup(),
                        current.suffix(),
                        current.hash(),
                        current.createdOn(),
                        Optional.of(end)),
                    current))
        .orElse(List.of(current));
  }

  /**
   * A portal link's key as far as the server's answer tells it: its owner, its expiry and its
   * token. The answer names neither the key's id nor its API, which no command shows of a portal
   * link; both are stand-ins, the id made from the token's lookup.
   */
  static ApiKey portalLinkKey(Owner owner, Instant expiresOn, PlaintextKey token) {
    ParsedToken parsed =
        TokenFormat.parse(token.reveal())
            .orElseThrow(() -> new IllegalStateException("a token was checked when it was read"));
    try {
      String lookup = parsed.lookup().value();
      return new ApiKey(
          new ApiKeyId("api_key_" + standIn("portal-link/" + lookup)),
          "Portal link",
          owner,
          new ApiId("api_" + standIn("portal-link-api")),
          Set.of(),
          ApiKeyStatus.ACTIVE,
          Instant.EPOCH,
          "the server",
          Optional.empty(),
          ApiKeyKind.PORTAL_LINK,
          Optional.of(expiresOn),
          List.of(
              new KeySecret(
                  parsed.prefix(),
                  parsed.lookup(),
                  token.suffix(),
                  HASH_KEPT_BY_THE_SERVER,
                  Instant.EPOCH,
                  Optional.empty())),
          Usage.NONE,
          Optional.empty(),
          UsagePolicy.NONE,
          List.of(),
          0);
    } finally {
      parsed.wipe();
    }
  }

  /**
   * An application as the server showed it in full. Its secret's hash, version and maker stay on
   * the server, and the answer does not say who made it: stand-ins that no command shows.
   */
  static Application application(ApplicationResponses.Details view) {
    Set<ApiId> apis = new HashSet<>();
    Set<Scope> scopes = new HashSet<>();
    for (ApplicationResponses.AuthorizedApi authorized : view.apis()) {
      ApiId api = new ApiId(authorized.id());
      apis.add(api);
      authorized.scopes().forEach(scope -> scopes.add(scope(api, scope)));
    }
    return application(view.id(), view.name(), view.orgCode(), apis, scopes, view.createdOn());
  }

  /** An application as a list shows it: without the APIs and scopes it holds. */
  static Application application(ApplicationResponses.Listed view) {
    return application(
        view.id(), view.name(), view.orgCode(), Set.of(), Set.of(), view.createdOn());
  }

  private static Application application(
      String id,
      String name,
      Optional<String> org,
      Set<ApiId> apis,
      Set<Scope> scopes,
      Instant createdOn) {
    return new Application(
        new ApplicationId(id),
        name,
        org.map(OrgCode::new),
        HASH_KEPT_BY_THE_SERVER,
        0,
        apis,
        scopes,
        createdOn,
        "the server",
        Optional.empty(),
        Optional.empty());
  }

  static Webhook webhook(WebhookResponses.Details view) {
    return new Webhook(
        new WebhookId(view.id()),
        view.name(),
        Webhook.endpoint(view.endpoint()),
        view.description(),
        view.eventTypes().stream().map(KeyEventType::fromWire).collect(Collectors.toSet()),
        view.orgCode().map(OrgCode::new),
        view.createdOn(),
        view.createdBy());
  }

  static Delivery delivery(WebhookId webhook, WebhookResponses.DeliveryView view) {
    return new Delivery(
        new DeliveryId(view.id()),
        webhook,
        view.eventId(),
        KeyEventType.fromWire(view.eventType()),
        new ApiKeyId(view.apiKeyId()),
        named(DeliveryStatus.values(), WebhookResponses::status, view.status(), "delivery status"),
        view.attempts(),
        view.createdOn(),
        view.nextAttemptOn(),
        view.lastAttemptOn(),
        view.lastStatusCode(),
        view.lastError());
  }

  /** A token the server answered, held as every other plaintext key is. */
  static PlaintextKey token(String token) {
    return TokenFormat.parse(token)
        .map(
            parsed -> {
              char[] secret = parsed.secret();
              try {
                return TokenFormat.compose(parsed.prefix(), parsed.lookup(), secret);
              } finally {
                Arrays.fill(secret, '\0');
                parsed.wipe();
              }
            })
        .orElseThrow(
            () ->
                new RemoteException(
                    RemoteException.Kind.SERVER_FAILED,
                    "the server answered a key that is not a well-formed Keygate token"));
  }

  static Owner owner(String type, Optional<String> orgCode, Optional<String> userId) {
    if (orgCode.isPresent()) {
      return new Owner.Org(new OrgCode(orgCode.get()));
    }
    if (userId.isPresent()) {
      return new Owner.User(new UserId(userId.get()));
    }
    return Owner.of(WireNames.ownerType("type", type), Owner.Environment.ID);
  }

  static List<RateLimit> rateLimits(List<PolicyResponses.RateLimitView> views) {
    return views == null
        ? List.of()
        : views.stream()
            .map(view -> RateLimit.of(view.name(), view.limit(), view.durationSeconds()))
            .toList();
  }

  private static UsagePolicy policy(ApiKeyResponses.Details view) {
    return new UsagePolicy(
        rateLimits(view.rateLimits()),
        view.credits() == null ? Optional.empty() : view.credits().map(DomainOf::credits),
        view.ipAllowlist() == null || view.ipAllowlist().isEmpty()
            ? IpAllowlist.ANYWHERE
            : IpAllowlist.parse(view.ipAllowlist()));
  }

  private static Credits credits(PolicyResponses.CreditsView view) {
    return new Credits(view.remaining(), view.refill().map(DomainOf::refill));
  }

  private static Refill refill(PolicyResponses.RefillView view) {
    return WireNames.refill(
        "credits.refill.interval",
        view.interval(),
        view.amount(),
        "credits.refill.day",
        view.day().orElse(null),
        WireNames.refillMode("credits.refill.mode", view.mode()));
  }

  /** {@code k_live} of the shown {@code k_live_AbC123}. */
  private static KeyPrefix prefix(String shown) {
    return new KeyPrefix(shown.substring(0, shown.lastIndexOf('_')));
  }

  /**
   * The shown start of the lookup, filled up to a lookup's length: only the shown part is ever
   * displayed again.
   */
  private static SecretLookup lookup(String shown) {
    String start = shown.substring(shown.lastIndexOf('_') + 1);
    return new SecretLookup(start + "0".repeat(SecretLookup.LENGTH - start.length()));
  }

  /**
   * A key's scope by its key. The server names a key's scopes by key only; their ids are stand-ins
   * made from the API and the key, the same each time.
   */
  private static Scope scopeOfKey(ApiId api, String key) {
    return new Scope(new ScopeId("api_scope_" + standIn(api.value() + "/" + key)), api, key, "");
  }

  /** 32 hex digits made from {@code seed}, the same each time: the body of a stand-in id. */
  private static String standIn(String seed) {
    UUID stable = UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8));
    return HexFormat.of()
        .formatHex(
            ByteBuffer.allocate(16)
                .putLong(stable.getMostSignificantBits())
                .putLong(stable.getLeastSignificantBits())
                .array());
  }

  private static <E extends Enum<E>> E named(
      E[] constants, Function<E, String> name, String value, String what) {
    for (E constant : constants) {
      if (name.apply(constant).equals(value)) {
        return constant;
      }
    }
    throw new RemoteException(
        RemoteException.Kind.SERVER_FAILED,
        "the server answered an " + what + " this command line does not know: " + value);
  }
}
