package dev.keygate.application.port.out;

import dev.keygate.domain.event.Webhook;
import dev.keygate.domain.event.WebhookId;
import dev.keygate.domain.owner.OrgCode;
import java.util.List;
import java.util.Optional;

/**
 * The webhooks and the secrets they are signed with. A secret is kept in the form {@link
 * WebhookSender#newSecret()} gave for storing, never shown again. Writes join the current unit.
 */
public interface WebhookRepository {

  /** Adds a new webhook with the stored form of its signing secret. */
  void add(Webhook webhook, String storedSecret);

  Optional<Webhook> findById(WebhookId id);

  /**
   * The webhooks in id order: all of them when {@code org} is empty, else only that organization's.
   */
  List<Webhook> list(Optional<OrgCode> org);

  /**
   * Stores the changed name, description and event types of a webhook.
   *
   * @throws dev.keygate.domain.NotFoundException if it is gone
   */
  Webhook update(Webhook webhook);

  /** Replaces a webhook's signing secret; deliveries not yet made are signed with the new one. */
  void replaceSecret(WebhookId id, String storedSecret);

  /** Deletes a webhook with its deliveries; false when there was none. */
  boolean delete(WebhookId id);

  /** Deletes the webhooks of an organization, as it is deleted. */
  void deleteOf(OrgCode org);
}
