package dev.keygate.adapter.persistence;

import dev.keygate.domain.event.KeyEventType;
import dev.keygate.domain.event.Webhook;
import dev.keygate.domain.event.WebhookId;
import dev.keygate.domain.owner.OrgCode;
import java.net.URI;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Webhooks to and from their entities; the signing secret is the repository's alone. */
final class WebhookMapper {

  private WebhookMapper() {}

  /** Copies what a webhook's update may change, and everything else when it is new. */
  static void copy(Webhook webhook, WebhookEntity entity) {
    entity.id = webhook.id().value();
    entity.orgCode = webhook.org().map(OrgCode::value).orElse(null);
    entity.name = webhook.name();
    entity.endpoint = webhook.endpoint().toString();
    entity.description = webhook.description().orElse(null);
    entity.eventTypes = eventTypes(webhook.eventTypes());
    entity.createdOn = webhook.createdOn();
    entity.createdBy = webhook.createdBy();
  }

  static Webhook toDomain(WebhookEntity entity) {
    return new Webhook(
        new WebhookId(entity.id),
        entity.name,
        URI.create(entity.endpoint),
        Optional.ofNullable(entity.description),
        eventTypes(entity.eventTypes),
        Optional.ofNullable(entity.orgCode).map(OrgCode::new),
        entity.createdOn,
        entity.createdBy);
  }

  /** The wire names in the types' own order, comma-separated. */
  static String eventTypes(Set<KeyEventType> types) {
    return EnumSet.copyOf(types).stream()
        .map(KeyEventType::wireName)
        .collect(Collectors.joining(","));
  }

  /**
   * The types {@code text} names. A name this version does not know (stored by a newer node) is
   * left out: the webhook receives the events this node knows of.
   */
  static Set<KeyEventType> eventTypes(String text) {
    Set<String> names = Set.of(text.split(","));
    return Arrays.stream(KeyEventType.values())
        .filter(type -> names.contains(type.wireName()))
        .collect(Collectors.toCollection(() -> EnumSet.noneOf(KeyEventType.class)));
  }
}
