package dev.keygate.application.service;

import dev.keygate.application.port.in.Principal;
import dev.keygate.application.port.out.WebhookRepository;
import dev.keygate.domain.ForbiddenException;
import dev.keygate.domain.NotFoundException;
import dev.keygate.domain.ValidationException;
import dev.keygate.domain.audit.AuditAction;
import dev.keygate.domain.event.Delivery;
import dev.keygate.domain.event.KeyEventType;
import dev.keygate.domain.event.Webhook;
import dev.keygate.domain.event.WebhookId;
import dev.keygate.domain.owner.OrgCode;
import dev.keygate.domain.owner.Owner;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The reach of a caller over webhooks: the operator reaches every webhook, an organization admin
 * those of its own organization (never a deployment-wide one), and a user's key none. A webhook out
 * of reach answers as one that does not exist. A confined caller's endpoint must be a public https
 * URL: Keygate posts to it from inside the deployment's network.
 */
final class Webhooks {

  /** An IPv4 address as written by everyone: four decimal numbers, no leading zeros. */
  private static final Pattern DOTTED_QUAD =
      Pattern.compile(
          "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");

  /** A host some resolvers read as an IPv4 address: numbers, in decimal, octal or hex. */
  private static final Pattern NUMERIC_HOST = Pattern.compile("((0x[0-9a-f]*|\\d+)\\.?)+");

  private final WebhookRepository webhooks;
  private final AuditTrail trail;

  Webhooks(WebhookRepository webhooks, AuditTrail trail) {
    this.webhooks = webhooks;
    this.trail = trail;
  }

  /** Refuses (403) a principal confined to a user: webhooks belong to organizations. */
  void requireOrganizationOrOperator(Principal principal, AuditAction action, String target) {
    if (principal.confinement().isPresent()
        && !(principal.confinement().get() instanceof Owner.Org)) {
      throw refuse(principal, action, target, "a user's key cannot manage webhooks");
    }
  }

  /** The webhook when it exists and lies within reach, else a 404 that reads the same. */
  Webhook reachable(Principal principal, WebhookId id, AuditAction action) {
    Optional<Webhook> found = webhooks.findById(id);
    if (found.isPresent() && reaches(principal, found.get())) {
      return found.get();
    }
    if (found.isPresent()) {
      trail.refused(principal, action, id.value(), "webhook out of reach");
    }
    throw new NotFoundException("webhook " + id + " not found");
  }

  /**
   * The organization a new webhook is for: the one asked for, or, for a confined caller, its own; a
   * confined caller asking for another is refused (403).
   */
  Optional<OrgCode> orgOfNew(Principal principal, Optional<OrgCode> asked, AuditAction action) {
    Optional<Owner> confinement = principal.confinement();
    if (confinement.isEmpty()) {
      return asked;
    }
    OrgCode own = ((Owner.Org) confinement.get()).code();
    if (asked.isPresent() && !asked.get().equals(own)) {
      throw refuse(
          principal,
          action,
          Echo.plain(asked.get().value()),
          "a caller confined to an organization creates webhooks for that organization only");
    }
    return Optional.of(own);
  }

  /**
   * Refuses (400) an endpoint a confined caller may not have Keygate post to: anything but https,
   * and hosts that name this machine or a private network. The operator may name any endpoint.
   */
  static void requirePublicEndpoint(Principal principal, URI endpoint) {
    if (principal.isOperator()) {
      return;
    }
    if (!"https".equalsIgnoreCase(endpoint.getScheme())) {
      throw new ValidationException("webhook endpoint must be an https URL");
    }
    String host = endpoint.getHost().toLowerCase(Locale.ROOT);
    if (host.endsWith(".")) {
      host = host.substring(0, host.length() - 1);
    }
    if (host.equals("localhost") || host.endsWith(".localhost")) {
      throw new ValidationException("webhook endpoint must not name this host");
    }
    boolean ipv6 = host.startsWith("[");
    if (!ipv6 && !DOTTED_QUAD.matcher(host).matches()) {
      if (NUMERIC_HOST.matcher(host).matches()) {
        // 2130706433, 0x7f.1, 0177.0.0.1 and 127.1 are addresses to some resolvers: not names.
        throw new ValidationException(
            "webhook endpoint must name a host, or an IPv4 address as four decimal numbers");
      }
      return;
    }
    InetAddress address;
    try {
      // A literal is parsed, never looked up.
      address = InetAddress.getByName(ipv6 ? host.substring(1, host.length() - 1) : host);
    } catch (UnknownHostException notAnAddress) {
      throw new ValidationException("webhook endpoint has a malformed IP address");
    }
    if (isInternal(address)) {
      throw new ValidationException(
          "webhook endpoint must not be a loopback, private, link-local or unspecified address");
    }
  }

  private static boolean isInternal(InetAddress address) {
    byte[] bytes = address.getAddress();
    if (address instanceof Inet6Address v6) {
      return v6.isLoopbackAddress()
          || v6.isAnyLocalAddress()
          || v6.isLinkLocalAddress()
          || v6.isSiteLocalAddress()
          || v6.isMulticastAddress()
          || v6.isIPv4CompatibleAddress()
          // fc00::/7, unique local addresses.
          || (bytes[0] & 0xfe) == 0xfc;
    }
    int first = bytes[0] & 0xff;
    int second = bytes[1] & 0xff;
    return address.isLoopbackAddress()
        || address.isAnyLocalAddress()
        || address.isLinkLocalAddress()
        || address.isSiteLocalAddress()
        || address.isMulticastAddress()
        // 0.0.0.0/8 reaches this host on some systems; 100.64.0.0/10 is carrier-grade NAT.
        || first == 0
        || (first == 100 && second >= 64 && second < 128);
  }

  /** The event types named on the wire, such as {@code api_key.revoked}. */
  static Set<KeyEventType> eventTypes(List<String> wireNames) {
    Set<KeyEventType> types = EnumSet.noneOf(KeyEventType.class);
    for (String wireName : wireNames) {
      types.add(KeyEventType.fromWire(Echo.plain(wireName)));
    }
    return types;
  }

  /** The owner whose trail a webhook's events belong to: its organization, or none. */
  /**
   * {@code delivery} as {@code principal} may see it: a caller confined to an organization sees why
   * an attempt failed only as its status code or "no answer", never the network's own words, which
   * would tell it which addresses inside the deployment's network answer and how.
   */
  static Delivery shownTo(Principal principal, Delivery delivery) {
    if (principal.isOperator() || delivery.lastError().isEmpty()) {
      return delivery;
    }
    return new Delivery(
        delivery.id(),
        delivery.webhook(),
        delivery.eventId(),
        delivery.eventType(),
        delivery.keyId(),
        delivery.status(),
        delivery.attempts(),
        delivery.createdOn(),
        delivery.nextAttemptAt(),
        delivery.lastAttemptAt(),
        delivery.lastStatusCode(),
        Optional.of(delivery.lastStatusCode().map(code -> "HTTP " + code).orElse("no answer")));
  }

  static Optional<Owner> ownerOf(Webhook webhook) {
    return webhook.org().map(Owner.Org::new);
  }

  static boolean reaches(Principal principal, Webhook webhook) {
    if (principal.isOperator()) {
      return true;
    }
    return webhook.org().isPresent() && principal.covers(new Owner.Org(webhook.org().get()));
  }

  private ForbiddenException refuse(
      Principal principal, AuditAction action, String target, String reason) {
    trail.refused(principal, action, target, reason);
    return new ForbiddenException(reason);
  }
}
