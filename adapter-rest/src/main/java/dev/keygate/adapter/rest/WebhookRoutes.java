package dev.keygate.adapter.rest;

import dev.keygate.application.port.in.CreateWebhookCommand;
import dev.keygate.application.port.in.CreateWebhookUseCase;
import dev.keygate.application.port.in.CreatedWebhook;
import dev.keygate.application.port.in.DeleteWebhookUseCase;
import dev.keygate.application.port.in.GetWebhookUseCase;
import dev.keygate.application.port.in.ListDeliveriesUseCase;
import dev.keygate.application.port.in.ListWebhooksUseCase;
import dev.keygate.application.port.in.RedeliverUseCase;
import dev.keygate.application.port.in.RotateWebhookSecretUseCase;
import dev.keygate.application.port.in.Secret;
import dev.keygate.application.port.in.UpdateWebhookCommand;
import dev.keygate.application.port.in.UpdateWebhookUseCase;
import dev.keygate.domain.NotFoundException;
import dev.keygate.domain.ValidationException;
import dev.keygate.domain.event.Delivery;
import dev.keygate.domain.event.DeliveryId;
import dev.keygate.domain.event.Webhook;
import dev.keygate.domain.event.WebhookId;
import dev.keygate.wire.WebhookResponses;
import dev.keygate.wire.WireNames;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.List;
import java.util.Optional;

/**
 * {@code /api/v1/webhooks}: Kinde's webhook endpoints (list, create, update, delete) in Kinde's
 * shapes, and Keygate's own beside them: one webhook, a new signing secret, the delivery log and a
 * redelivery. A caller confined to an organization reaches its organization's webhooks only.
 */
public final class WebhookRoutes implements RouteGroup {

  static final String WEBHOOKS = "/api/v1/webhooks";
  private static final String WEBHOOK = WEBHOOKS + "/{webhook_id}";
  private static final String DELIVERIES = WEBHOOK + "/deliveries";

  private final CreateWebhookUseCase create;
  private final ListWebhooksUseCase list;
  private final GetWebhookUseCase get;
  private final UpdateWebhookUseCase update;
  private final DeleteWebhookUseCase delete;
  private final RotateWebhookSecretUseCase rotateSecret;
  private final ListDeliveriesUseCase deliveries;
  private final RedeliverUseCase redeliver;

  public WebhookRoutes(
      CreateWebhookUseCase create,
      ListWebhooksUseCase list,
      GetWebhookUseCase get,
      UpdateWebhookUseCase update,
      DeleteWebhookUseCase delete,
      RotateWebhookSecretUseCase rotateSecret,
      ListDeliveriesUseCase deliveries,
      RedeliverUseCase redeliver) {
    this.create = create;
    this.list = list;
    this.get = get;
    this.update = update;
    this.delete = delete;
    this.rotateSecret = rotateSecret;
    this.deliveries = deliveries;
    this.redeliver = redeliver;
  }

  @Override
  public List<Route> routes() {
    return List.of(
        Route.of(HandlerType.GET, WEBHOOKS, "List the webhooks")
            .scope("read:webhooks")
            .extended(WebhookResponses.Listed.class)
            .answers(WebhookResponses.KindeListed.class, this::list),
        Route.of(
                HandlerType.POST,
                WEBHOOKS,
                "Create a webhook; with the opt-in, its signing secret is shown in this answer"
                    + " only (otherwise rotate_secret gives one)")
            .scope("create:webhooks")
            .body(CreateWebhookRequest.class)
            .fails(
                400,
                "Bad JSON, a bad or undeclared field, or, for a caller confined to an"
                    + " organization, an endpoint that is not https or names this host or a private"
                    + " network; the message names it.")
            .fails(
                403,
                "The management key lacks the scope, is confined to a user, or names another"
                    + " organization than its own.")
            .fails(404, "The organization does not exist or is out of reach.")
            .extended(WebhookResponses.Created.class)
            .answers(WebhookResponses.KindeCreated.class, this::create),
        Route.of(HandlerType.GET, WEBHOOK, "Get a webhook (extension)")
            .scope("read:webhooks")
            .answers(WebhookResponses.One.class, this::get),
        Route.of(
                HandlerType.PATCH,
                WEBHOOK,
                "Rename a webhook, or change its event types or description; its endpoint and"
                    + " organization never change")
            .scope("update:webhooks")
            .body(UpdateWebhookRequest.class)
            .answers(WebhookResponses.Updated.class, this::update),
        Route.of(
                HandlerType.DELETE,
                WEBHOOK,
                "Delete a webhook and its delivery log; deliveries not yet made are dropped")
            .scope("delete:webhooks")
            .answers(dev.keygate.wire.SuccessResponse.class, this::delete),
        Route.of(
                HandlerType.POST,
                WEBHOOK + "/rotate_secret",
                "Give a webhook a new signing secret, shown in this answer only (extension)")
            .scope("update:webhooks")
            .answers(WebhookResponses.SecretRotated.class, this::rotateSecret),
        Route.of(
                HandlerType.GET,
                DELIVERIES,
                "The delivery log of a webhook, newest first (extension)")
            .scope("read:webhooks")
            .query(
                new Route.QueryParameter("page_size", "integer", "1-500, 50 by default"),
                new Route.QueryParameter("starting_after", "string", "the last delivery id seen"))
            .answers(WebhookResponses.Deliveries.class, this::deliveries),
        Route.of(
                HandlerType.POST,
                DELIVERIES + "/{delivery_id}/redeliver",
                "Send a delivery again now, whatever became of it (extension)")
            .scope("update:webhooks")
            .status(202)
            .answers(WebhookResponses.Redelivered.class, this::redeliver));
  }

  private void list(Context ctx) {
    List<Webhook> webhooks = list.list(Principals.of(ctx));
    Extensions.answer(ctx, WebhookResponses.listed(webhooks), WebhookResponses.Listed::kinde);
  }

  private void create(Context ctx) {
    // Read before anything is made: a bad opt-in must not cost the caller its one sight of the
    // secret.
    boolean extended = Extensions.requested(ctx);
    CreateWebhookRequest request = Requests.body(ctx, CreateWebhookRequest.class);
    List<String> eventTypes = WireNames.eventTypes("event_types", request.eventTypes());
    String name = request.name() != null ? request.name() : defaultName(request.endpoint());
    CreatedWebhook created =
        create.create(
            Principals.of(ctx),
            new CreateWebhookCommand(
                name,
                request.endpoint(),
                Optional.ofNullable(request.description()),
                eventTypes,
                Optional.ofNullable(request.orgCode())));
    try {
      WebhookResponses.Created rich = WebhookResponses.created(created);
      ctx.json(extended ? rich : rich.kinde());
    } finally {
      created.signingSecret().wipe();
    }
  }

  /** A webhook's name when none is given: its endpoint's host. */
  static String defaultName(String endpoint) {
    return Webhook.endpoint(endpoint).getHost();
  }

  private void get(Context ctx) {
    ctx.json(WebhookResponses.one(get.get(Principals.of(ctx), webhookId(ctx))));
  }

  private void update(Context ctx) {
    UpdateWebhookRequest request = Requests.body(ctx, UpdateWebhookRequest.class);
    // A record reads "description": null as left out; null is Kinde's way to remove it.
    boolean removeDescription =
        request.description() == null && Requests.givesNull(ctx, "description");
    if (request.eventTypes() == null
        && request.name() == null
        && request.description() == null
        && !removeDescription) {
      throw new ValidationException("give at least one of event_types, name and description");
    }
    Optional<Optional<String>> description =
        removeDescription
            ? Optional.of(Optional.empty())
            : Optional.ofNullable(request.description()).map(Optional::of);
    Webhook updated =
        update.update(
            Principals.of(ctx),
            webhookId(ctx),
            new UpdateWebhookCommand(
                Optional.ofNullable(request.name()),
                Optional.ofNullable(request.eventTypes())
                    .map(types -> WireNames.eventTypes("event_types", types)),
                description));
    ctx.json(WebhookResponses.updated(updated));
  }

  private void delete(Context ctx) {
    delete.delete(Principals.of(ctx), webhookId(ctx));
    ctx.json(WebhookResponses.DELETED);
  }

  private void rotateSecret(Context ctx) {
    Secret secret = rotateSecret.rotate(Principals.of(ctx), webhookId(ctx));
    try {
      ctx.json(WebhookResponses.rotated(secret));
    } finally {
      secret.wipe();
    }
  }

  private void deliveries(Context ctx) {
    ctx.json(
        WebhookResponses.deliveries(
            deliveries.list(Principals.of(ctx), webhookId(ctx), Requests.page(ctx))));
  }

  private void redeliver(Context ctx) {
    Delivery delivery = redeliver.redeliver(Principals.of(ctx), webhookId(ctx), deliveryId(ctx));
    ctx.status(202);
    ctx.json(WebhookResponses.redelivered(delivery));
  }

  /** A path id that is not even shaped like one names nothing: not found, like unknown ids. */
  private static WebhookId webhookId(Context ctx) {
    try {
      return new WebhookId(ctx.pathParam("webhook_id"));
    } catch (ValidationException malformed) {
      throw new NotFoundException("webhook not found");
    }
  }

  private static DeliveryId deliveryId(Context ctx) {
    try {
      return new DeliveryId(ctx.pathParam("delivery_id"));
    } catch (ValidationException malformed) {
      throw new NotFoundException("delivery not found");
    }
  }
}
