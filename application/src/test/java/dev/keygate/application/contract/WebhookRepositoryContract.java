package dev.keygate.application.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keygate.application.port.out.WebhookRepository;
import dev.keygate.domain.NotFoundException;
import dev.keygate.domain.event.KeyEventType;
import dev.keygate.domain.event.Webhook;
import dev.keygate.domain.event.WebhookId;
import dev.keygate.domain.owner.OrgCode;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What every {@code WebhookRepository} must do: keep a webhook exactly as added, list the
 * deployment's or one organization's in id order, store an update's changes alone, and delete one
 * or an organization's all, inside the unit of work it joins.
 */
public abstract class WebhookRepositoryContract extends StoreContract {

  /** The repository under test, over the {@link #stores} opened for this test. */
  protected abstract WebhookRepository webhooks();

  static final String SECRET = "plain:c2VjcmV0IG9mIHRoZSB0ZXN0cywgMzIgYnl0ZXMgbG9uZyE=";

  /**
   * A new, unstored webhook of {@code org} (empty: deployment-wide) subscribed to {@code types}.
   */
  static Webhook newWebhook(Optional<String> org, KeyEventType... types) {
    return new Webhook(
        WebhookId.generate(CLOCK),
        "hook of " + org.orElse("the deployment"),
        Webhook.endpoint("https://hooks.example.com/keygate?to=" + org.orElse("all")),
        Optional.of("tells " + org.orElse("everybody")),
        EnumSet.copyOf(List.of(types)),
        org.map(OrgCode::new),
        NOW,
        "test:contract");
  }

  private Webhook stored(Optional<String> org, KeyEventType... types) {
    Webhook webhook = newWebhook(org, types);
    webhooks().add(webhook, SECRET);
    return webhook;
  }

  @Test
  void addedWebhook_isFoundByIdExactlyAsAdded() {
    storedOrganization("org_a");
    Webhook ofOrg = stored(Optional.of("org_a"), KeyEventType.REVOKED, KeyEventType.LEAKED);
    Webhook deploymentWide =
        new Webhook(
            WebhookId.generate(CLOCK),
            "everything",
            Webhook.endpoint("http://127.0.0.1:8080/hook"),
            Optional.empty(),
            EnumSet.allOf(KeyEventType.class),
            Optional.empty(),
            NOW.plusSeconds(1),
            "cli:alice");
    webhooks().add(deploymentWide, SECRET);

    assertThat(webhooks().findById(ofOrg.id())).contains(ofOrg);
    assertThat(webhooks().findById(deploymentWide.id())).contains(deploymentWide);
    assertThat(webhooks().findById(WebhookId.generate(CLOCK))).isEmpty();
  }

  @Test
  void list_givesAllInIdOrder_orOneOrganizationsOnly() {
    storedOrganization("org_a");
    storedOrganization("org_b");
    Webhook a1 = stored(Optional.of("org_a"), KeyEventType.CREATED);
    Webhook all = stored(Optional.empty(), KeyEventType.CREATED);
    Webhook b = stored(Optional.of("org_b"), KeyEventType.REVOKED);
    Webhook a2 = stored(Optional.of("org_a"), KeyEventType.EXPIRING);

    assertThat(webhooks().list(Optional.empty())).containsExactlyElementsOf(byId(a1, all, b, a2));
    assertThat(webhooks().list(Optional.of(new OrgCode("org_a"))))
        .containsExactlyElementsOf(byId(a1, a2));
    assertThat(webhooks().list(Optional.of(new OrgCode("org_c")))).isEmpty();
  }

  @Test
  void update_storesNameDescriptionAndEventTypes_andAnswersTheWebhookAsStored() {
    Webhook webhook = stored(Optional.empty(), KeyEventType.CREATED, KeyEventType.REVOKED);
    Webhook changed =
        new Webhook(
            webhook.id(),
            "renamed",
            webhook.endpoint(),
            Optional.empty(),
            Set.of(KeyEventType.LEAKED),
            webhook.org(),
            webhook.createdOn(),
            webhook.createdBy());

    assertThat(webhooks().update(changed)).isEqualTo(changed);

    assertThat(webhooks().findById(webhook.id())).contains(changed);
  }

  @Test
  void updateOfAnUnknownWebhook_isNotFound() {
    Webhook never = newWebhook(Optional.empty(), KeyEventType.CREATED);

    assertThatThrownBy(() -> webhooks().update(never)).isInstanceOf(NotFoundException.class);
    assertThat(webhooks().findById(never.id())).isEmpty();
  }

  @Test
  void delete_removesItOnce() {
    Webhook kept = stored(Optional.empty(), KeyEventType.CREATED);
    Webhook deleted = stored(Optional.empty(), KeyEventType.CREATED);

    assertThat(webhooks().delete(deleted.id())).isTrue();
    assertThat(webhooks().delete(deleted.id())).isFalse();

    assertThat(webhooks().findById(deleted.id())).isEmpty();
    assertThat(webhooks().list(Optional.empty())).containsExactly(kept);
  }

  @Test
  void deleteOf_removesTheOrganizationsWebhooksOnly() {
    storedOrganization("org_a");
    storedOrganization("org_b");
    stored(Optional.of("org_a"), KeyEventType.CREATED);
    stored(Optional.of("org_a"), KeyEventType.REVOKED);
    Webhook ofB = stored(Optional.of("org_b"), KeyEventType.CREATED);
    Webhook all = stored(Optional.empty(), KeyEventType.CREATED);

    webhooks().deleteOf(new OrgCode("org_a"));

    assertThat(webhooks().list(Optional.empty())).containsExactlyElementsOf(byId(ofB, all));
  }

  @Test
  void changesInAUnitThatThrows_areUndone() {
    Webhook kept = stored(Optional.empty(), KeyEventType.CREATED);
    Webhook added = newWebhook(Optional.empty(), KeyEventType.REVOKED);
    Webhook renamed =
        new Webhook(
            kept.id(),
            "renamed",
            kept.endpoint(),
            kept.description(),
            kept.eventTypes(),
            kept.org(),
            kept.createdOn(),
            kept.createdBy());

    assertThatThrownBy(
            () ->
                stores
                    .unitOfWork()
                    .inTransaction(
                        () -> {
                          webhooks().add(added, SECRET);
                          webhooks().update(renamed);
                          throw new IllegalStateException("the audit write failed");
                        }))
        .hasMessage("the audit write failed");
    assertThatThrownBy(
            () ->
                stores
                    .unitOfWork()
                    .inTransaction(
                        () -> {
                          webhooks().delete(kept.id());
                          throw new IllegalStateException("the audit write failed");
                        }))
        .hasMessage("the audit write failed");

    assertThat(webhooks().list(Optional.empty())).containsExactly(kept);
  }

  private static List<Webhook> byId(Webhook... webhooks) {
    return Stream.of(webhooks).sorted(Comparator.comparing(w -> w.id().value())).toList();
  }
}
