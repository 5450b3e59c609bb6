package dev.keygate.adapter.rest;

import dev.keygate.application.port.in.CreatePortalLinkCommand;
import dev.keygate.application.port.in.CreatePortalLinkUseCase;
import dev.keygate.application.port.in.PortalLink;
import dev.keygate.application.port.in.Principal;
import dev.keygate.domain.ValidationException;
import dev.keygate.domain.owner.OrgCode;
import dev.keygate.domain.owner.Owner;
import dev.keygate.domain.owner.UserId;
import dev.keygate.wire.PortalLinkCreated;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/** {@code /api/v1/portal_links}: links that open the self-service portal for one owner. */
public final class PortalLinkRoutes implements RouteGroup {

  /** A day, the longest a portal link may work. */
  private static final long LONGEST_TTL_SECONDS = 86_400;

  private final CreatePortalLinkUseCase createPortalLink;
  private final Duration ttl;
  private final Supplier<String> publicUrl;

  /**
   * @param ttl how long a link works once made, unless its maker chooses
   * @param publicUrl where customers reach this server, such as {@code https://keys.example.com}:
   *     configured, never read from a request, whose {@code Host} its sender chooses
   */
  public PortalLinkRoutes(
      CreatePortalLinkUseCase createPortalLink, Duration ttl, Supplier<String> publicUrl) {
    this.createPortalLink = Objects.requireNonNull(createPortalLink, "create portal link");
    this.ttl = Objects.requireNonNull(ttl, "portal link ttl");
    this.publicUrl = Objects.requireNonNull(publicUrl, "public url");
  }

  @Override
  public List<Route> routes() {
    return List.of(
        Route.of(HandlerType.POST, "/api/v1/portal_links", "Make a self-service portal link")
            .scope("create:portal_links")
            .body(CreatePortalLinkRequest.class)
            .fails(404, "The organization or user does not exist or is out of the caller's reach.")
            .answers(PortalLinkCreated.class, this::create));
  }

  private void create(Context ctx) {
    CreatePortalLinkRequest request = Requests.body(ctx, CreatePortalLinkRequest.class);
    Principal principal = Principals.of(ctx);
    PortalLink link =
        createPortalLink.create(
            principal, new CreatePortalLinkCommand(owner(request), ttl(request, principal)));
    ctx.json(
        PortalLinkCreated.of(
            WebPages.portalUrl(publicUrl.get(), link.token().reveal()), link.expiresOn()));
  }

  /**
   * The link's time to live: the configured one, or the caller's choice within a day for the
   * operator's callers and within the configured one for a caller confined to an owner, whose links
   * the operator's setting bounds.
   */
  private Duration ttl(CreatePortalLinkRequest request, Principal principal) {
    Long seconds = request.expiresInSeconds();
    if (seconds == null) {
      return ttl;
    }
    if (seconds < 1 || seconds > LONGEST_TTL_SECONDS) {
      throw new ValidationException(
          "expires_in_seconds must be 1-" + LONGEST_TTL_SECONDS + ", was " + seconds);
    }
    if (!principal.isOperator() && seconds > ttl.toSeconds()) {
      throw new ValidationException(
          "expires_in_seconds must be 1-"
              + ttl.toSeconds()
              + " (KEYGATE_PORTAL_LINK_TTL) for a caller confined to an organization or user, was "
              + seconds);
    }
    return Duration.ofSeconds(seconds);
  }

  private static Owner owner(CreatePortalLinkRequest request) {
    if (request.orgCode() != null && request.userId() != null) {
      throw new ValidationException("give only one of org_code and user_id");
    }
    if (request.orgCode() != null) {
      return new Owner.Org(new OrgCode(request.orgCode()));
    }
    if (request.userId() != null) {
      return new Owner.User(new UserId(request.userId()));
    }
    throw new ValidationException("one of org_code and user_id is required");
  }
}
