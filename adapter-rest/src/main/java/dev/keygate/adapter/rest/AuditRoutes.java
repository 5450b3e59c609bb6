package dev.keygate.adapter.rest;

import dev.keygate.application.port.in.ListAuditEventsUseCase;
import dev.keygate.application.port.query.AuditQuery;
import dev.keygate.application.port.query.Page;
import dev.keygate.domain.ValidationException;
import dev.keygate.domain.audit.AuditEvent;
import dev.keygate.domain.key.ApiKeyId;
import dev.keygate.domain.owner.OrgCode;
import dev.keygate.domain.owner.Owner;
import dev.keygate.domain.owner.UserId;
import dev.keygate.wire.AuditResponses;
import dev.keygate.wire.WireNames;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/** {@code GET /api/v1/audit_events}: the audit trail within the caller's reach (extension). */
public final class AuditRoutes implements RouteGroup {

  private final ListAuditEventsUseCase list;

  public AuditRoutes(ListAuditEventsUseCase list) {
    this.list = list;
  }

  @Override
  public List<Route> routes() {
    return List.of(
        Route.of(
                HandlerType.GET,
                "/api/v1/audit_events",
                "List audit events, oldest first unless order=newest; the filters combine")
            .scope("read:audit_events")
            .query(
                new Route.QueryParameter("key_id", "string", "events of this API key"),
                new Route.QueryParameter(
                    "action", "string", "events of this action, as events name it: api_key_create"),
                new Route.QueryParameter(
                    "actor", "string", "events by this actor, as events name it: cli:alice"),
                new Route.QueryParameter(
                    "org_code", "string", "the organization's trail: events about its objects"),
                new Route.QueryParameter("user_id", "string", "the user's trail"),
                new Route.QueryParameter(
                    "since", "string", "events at or after this ISO-8601 instant"),
                new Route.QueryParameter("until", "string", "events before this ISO-8601 instant"),
                new Route.QueryParameter("order", "string", "oldest (the default) or newest"),
                new Route.QueryParameter("page_size", "integer", "1-500, 50 by default"),
                new Route.QueryParameter(
                    "starting_after", "string", "the last event id seen, in either order"))
            .answers(AuditResponses.Listed.class, this::list));
  }

  private void list(Context ctx) {
    Optional<String> orgCode = Requests.query(ctx, "org_code");
    Optional<String> userId = Requests.query(ctx, "user_id");
    if (orgCode.isPresent() && userId.isPresent()) {
      throw new ValidationException("filter by only one of org_code and user_id");
    }
    Optional<Owner> owner =
        orgCode
            .<Owner>map(code -> new Owner.Org(new OrgCode(code)))
            .or(() -> userId.map(id -> new Owner.User(new UserId(id))));
    AuditQuery query =
        new AuditQuery(
            Requests.query(ctx, "key_id").map(AuditRoutes::keyId),
            owner,
            Requests.query(ctx, "action").map(value -> WireNames.auditAction("action", value)),
            Requests.query(ctx, "actor"),
            Requests.query(ctx, "since").map(value -> instant("since", value)),
            Requests.query(ctx, "until").map(value -> instant("until", value)),
            Requests.query(ctx, "order")
                .map(AuditRoutes::order)
                .orElse(AuditQuery.Order.OLDEST_FIRST),
            Requests.page(ctx));
    Page<AuditEvent> page = list.list(Principals.of(ctx), query);
    ctx.json(AuditResponses.listed(page));
  }

  private static Instant instant(String name, String value) {
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw new ValidationException(
          name + " must be an ISO-8601 instant such as 2026-01-31T09:30:00Z");
    }
  }

  private static AuditQuery.Order order(String value) {
    switch (value) {
      case "oldest":
        return AuditQuery.Order.OLDEST_FIRST;
      case "newest":
        return AuditQuery.Order.NEWEST_FIRST;
      default:
        throw new ValidationException("order must be oldest or newest");
    }
  }

  private static String keyId(String value) {
    if (!ApiKeyId.isWellFormed(value)) {
      throw new ValidationException(
          "key_id must be 'api_key_' followed by 32 lowercase hex digits");
    }
    return value;
  }
}
