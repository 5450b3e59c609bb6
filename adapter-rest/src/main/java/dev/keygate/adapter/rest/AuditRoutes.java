package dev.keygate.adapter.rest;

import dev.keygate.application.port.in.ListAuditEventsUseCase;
import dev.keygate.application.port.query.AuditQuery;
import dev.keygate.application.port.query.Page;
import dev.keygate.domain.ValidationException;
import dev.keygate.domain.audit.AuditEvent;
import dev.keygate.domain.key.ApiKeyId;
import dev.keygate.wire.AuditResponses;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
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
        Route.of(HandlerType.GET, "/api/v1/audit_events", "List audit events, oldest first")
            .scope("read:audit_events")
            .query(
                new Route.QueryParameter("key_id", "string", "events of this API key"),
                new Route.QueryParameter("page_size", "integer", "1-500, 50 by default"),
                new Route.QueryParameter("starting_after", "string", "the last event id seen"))
            .answers(AuditResponses.Listed.class, this::list));
  }

  private void list(Context ctx) {
    Optional<String> keyId = Requests.query(ctx, "key_id").map(AuditRoutes::keyId);
    AuditQuery query = new AuditQuery(keyId, Optional.empty(), Requests.page(ctx));
    Page<AuditEvent> page = list.list(Principals.of(ctx), query);
    ctx.json(AuditResponses.listed(page));
  }

  private static String keyId(String value) {
    if (!ApiKeyId.isWellFormed(value)) {
      throw new ValidationException(
          "key_id must be 'api_key_' followed by 32 lowercase hex digits");
    }
    return value;
  }
}
