package dev.keygate.wire;

import dev.keygate.application.port.in.CreatedWebhook;
import dev.keygate.application.port.in.Secret;
import dev.keygate.application.port.query.Page;
import dev.keygate.domain.event.Delivery;
import dev.keygate.domain.event.DeliveryStatus;
import dev.keygate.domain.event.KeyEventType;
import dev.keygate.domain.event.Webhook;
import dev.keygate.domain.owner.OrgCode;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The JSON of webhooks, as Kinde's {@code /api/v1/webhooks} answers (its {@code webhook}, {@code
 * create_webhook_response}, {@code get_webhooks_response}, {@code update_webhook_response} and
 * {@code delete_webhook_response}), Keygate's richer forms of them, and Keygate's own answers on
 * the delivery log and a webhook's signing secret. The signing secret is written only in the
 * answers that create or rotate it.
 */
public final class WebhookResponses {

  private WebhookResponses() {}

  /**
   * A webhook in full: Kinde's {@code webhook} and Keygate's {@code org_code}, left out for a
   * deployment-wide webhook, and {@code created_by}.
   */
  public record Details(
      String id,
      String name,
      String endpoint,
      Optional<String> description,
      List<String> eventTypes,
      Instant createdOn,
      Optional<String> orgCode,
      String createdBy) {

    /** Kinde's {@code webhook}. */
    public KindeDetails kinde() {
      return new KindeDetails(id, name, endpoint, description, eventTypes, createdOn);
    }
  }

  /** A webhook as Kinde's {@code webhook} schema declares it. */
  public record KindeDetails(
      String id,
      String name,
      String endpoint,
      Optional<String> description,
      List<String> eventTypes,
      Instant createdOn) {}

  /** {@code GET /api/v1/webhooks} with the opt-in. */
  public record Listed(String code, String message, List<Details> webhooks) {

    /** Kinde's {@code get_webhooks_response}. */
    public KindeListed kinde() {
      return new KindeListed(code, message, webhooks.stream().map(Details::kinde).toList());
    }
  }

  /** Kinde's {@code get_webhooks_response}. */
  public record KindeListed(String code, String message, List<KindeDetails> webhooks) {}

  /** {@code GET /api/v1/webhooks/{webhook_id}}, Keygate's: the webhook in full. */
  public record One(String code, String message, Details webhook) {}

  /**
   * A webhook just created, with the opt-in: Kinde's {@code {id, endpoint}}, and its signing
   * secret, shown in this answer only, with what else Keygate knows of it.
   */
  public record CreatedDetails(
      String id,
      String endpoint,
      String signingSecret,
      String name,
      List<String> eventTypes,
      Optional<String> orgCode,
      Instant createdOn) {

    /** Never the secret. */
    @Override
    public String toString() {
      return "CreatedDetails[" + id + "]";
    }
  }

  /** {@code POST /api/v1/webhooks} with the opt-in. */
  public record Created(String code, String message, CreatedDetails webhook) {

    /** Kinde's {@code create_webhook_response}: no secret. */
    public KindeCreated kinde() {
      return new KindeCreated(code, message, new IdAndEndpoint(webhook.id(), webhook.endpoint()));
    }
  }

  /** The webhook of Kinde's {@code create_webhook_response}. */
  public record IdAndEndpoint(String id, String endpoint) {}

  /** Kinde's {@code create_webhook_response}. */
  public record KindeCreated(String code, String message, IdAndEndpoint webhook) {}

  /** The webhook of Kinde's {@code update_webhook_response}. */
  public record Id(String id) {}

  /** Kinde's {@code update_webhook_response}, in its order: message first. */
  public record Updated(String message, String code, Id webhook) {}

  /** {@code POST /api/v1/webhooks/{webhook_id}/rotate_secret}: the new secret, shown once. */
  public record SecretRotated(String code, String message, String signingSecret) {

    /** Never the secret. */
    @Override
    public String toString() {
      return "SecretRotated[" + code + "]";
    }
  }

  /**
   * One line of a webhook's delivery log.
   *
   * @param status {@code pending}, {@code delivered} or {@code failed}
   * @param attempts the attempts made so far
   */
  public record DeliveryView(
      String id,
      String eventId,
      String eventType,
      String apiKeyId,
      String status,
      int attempts,
      Instant createdOn,
      Optional<Instant> nextAttemptOn,
      Optional<Instant> lastAttemptOn,
      Optional<Integer> lastStatusCode,
      Optional<String> lastError) {}

  /** {@code GET /api/v1/webhooks/{webhook_id}/deliveries}, newest first. */
  public record Deliveries(
      String code, String message, List<DeliveryView> deliveries, boolean hasMore) {}

  /** {@code POST …/deliveries/{delivery_id}/redeliver}. */
  public record Redelivered(String code, String message, DeliveryView delivery) {}

  /** {@code DELETE /api/v1/webhooks/{webhook_id}}: Kinde's {@code delete_webhook_response}. */
  public static final SuccessResponse DELETED =
      new SuccessResponse("WEBHOOK_DELETED", "Webhook deleted");

  public static Details details(Webhook webhook) {
    return new Details(
        webhook.id().value(),
        webhook.name(),
        webhook.endpoint().toString(),
        webhook.description(),
        eventTypes(webhook),
        webhook.createdOn(),
        webhook.org().map(OrgCode::value),
        webhook.createdBy());
  }

  public static Listed listed(List<Webhook> webhooks) {
    return new Listed("OK", "Success", webhooks.stream().map(WebhookResponses::details).toList());
  }

  public static One one(Webhook webhook) {
    return new One("OK", "Success", details(webhook));
  }

  public static Created created(CreatedWebhook created) {
    Webhook webhook = created.webhook();
    return new Created(
        "WEBHOOK_CREATED",
        "Webhook created",
        new CreatedDetails(
            webhook.id().value(),
            webhook.endpoint().toString(),
            created.signingSecret().reveal(),
            webhook.name(),
            eventTypes(webhook),
            webhook.org().map(OrgCode::value),
            webhook.createdOn()));
  }

  public static Updated updated(Webhook webhook) {
    return new Updated("Webhook updated", "WEBHOOK_UPDATED", new Id(webhook.id().value()));
  }

  public static SecretRotated rotated(Secret secret) {
    return new SecretRotated("OK", "Signing secret rotated", secret.reveal());
  }

  public static DeliveryView delivery(Delivery delivery) {
    return new DeliveryView(
        delivery.id().value(),
        delivery.eventId(),
        delivery.eventType().wireName(),
        delivery.keyId().value(),
        status(delivery.status()),
        delivery.attempts(),
        delivery.createdOn(),
        delivery.nextAttemptAt(),
        delivery.lastAttemptAt(),
        delivery.lastStatusCode(),
        delivery.lastError());
  }

  public static Deliveries deliveries(Page<Delivery> page) {
    return new Deliveries(
        "OK",
        "Success",
        page.items().stream().map(WebhookResponses::delivery).toList(),
        page.hasMore());
  }

  public static Redelivered redelivered(Delivery delivery) {
    return new Redelivered("OK", "Redelivery scheduled", delivery(delivery));
  }

  /** {@code pending}, {@code delivered} or {@code failed}. */
  public static String status(DeliveryStatus status) {
    return status.name().toLowerCase(Locale.ROOT);
  }

  /** The event types' wire names, in the order of {@link KeyEventType}: the same on every read. */
  private static List<String> eventTypes(Webhook webhook) {
    return webhook.eventTypes().stream()
        .sorted(Comparator.naturalOrder())
        .map(KeyEventType::wireName)
        .toList();
  }
}
