package dev.keygate.application.service;

import static dev.keygate.application.port.in.ManagementScope.CREATE_WEBHOOKS;
import static dev.keygate.domain.audit.AuditAction.WEBHOOK_CREATE;

import dev.keygate.application.port.in.CreateWebhookCommand;
import dev.keygate.application.port.in.CreateWebhookUseCase;
import dev.keygate.application.port.in.CreatedWebhook;
import dev.keygate.application.port.in.Principal;
import dev.keygate.application.port.in.Secret;
import dev.keygate.application.port.out.OwnerRepository;
import dev.keygate.application.port.out.WebhookRepository;
import dev.keygate.application.port.out.WebhookSender;
import dev.keygate.domain.ConflictException;
import dev.keygate.domain.event.Webhook;
import dev.keygate.domain.event.WebhookId;
import dev.keygate.domain.owner.OrgCode;
import dev.keygate.domain.owner.Owner;
import java.net.URI;
import java.time.Clock;
import java.util.Optional;

/**
 * Creates webhooks: the operator's for the whole deployment or for any organization, an
 * organization admin's for its own organization only, with a public https endpoint; a user's key
 * none. The signing secret is answered once and kept only in the form the sender stores it.
 */
public final class CreateWebhookService implements CreateWebhookUseCase {

  /**
   * The most webhooks one organization, or the deployment as a whole, may have: each event is sent
   * to each of them, one after another, so their number bounds what one owner's receivers can make
   * everyone wait.
   */
  static final int MAX_WEBHOOKS = 10;

  private final WebhookRepository webhooks;
  private final OwnerRepository owners;
  private final Webhooks reach;
  private final Authorization authorization;
  private final WebhookSender sender;
  private final Changes changes;
  private final Clock clock;

  CreateWebhookService(
      WebhookRepository webhooks,
      OwnerRepository owners,
      Webhooks reach,
      Authorization authorization,
      WebhookSender sender,
      Changes changes,
      Clock clock) {
    this.webhooks = webhooks;
    this.owners = owners;
    this.reach = reach;
    this.authorization = authorization;
    this.sender = sender;
    this.changes = changes;
    this.clock = clock;
  }

  @Override
  public CreatedWebhook create(Principal principal, CreateWebhookCommand command) {
    authorization.requireScope(principal, CREATE_WEBHOOKS, WEBHOOK_CREATE, "webhooks");
    reach.requireOrganizationOrOperator(principal, WEBHOOK_CREATE, "webhooks");
    Optional<OrgCode> org =
        reach.orgOfNew(principal, command.orgCode().map(OrgCode::new), WEBHOOK_CREATE);
    if (org.isPresent()) {
      Owner owner = new Owner.Org(org.get());
      authorization.requireReach(principal, owner, WEBHOOK_CREATE);
      if (!owners.exists(owner)) {
        throw Authorization.ownerNotFound(owner);
      }
    }
    long held = webhooks.list(org).stream().filter(existing -> existing.org().equals(org)).count();
    if (held >= MAX_WEBHOOKS) {
      throw new ConflictException(
          org.map(code -> "organization " + code.value()).orElse("the deployment")
              + " has "
              + held
              + " webhooks, the most it may have; delete one first");
    }
    URI endpoint = Webhook.endpoint(command.endpoint());
    Webhooks.requirePublicEndpoint(principal, endpoint);
    Webhook webhook =
        new Webhook(
            WebhookId.generate(clock),
            command.name(),
            endpoint,
            command.description(),
            Webhooks.eventTypes(command.eventTypes()),
            org,
            clock.instant(),
            principal.actor());
    WebhookSender.NewSecret secret = sender.newSecret();
    try {
      changes.make(
          principal,
          WEBHOOK_CREATE,
          webhook.id().value(),
          Webhooks.ownerOf(webhook),
          () -> webhooks.add(webhook, secret.stored()));
      return new CreatedWebhook(webhook, new Secret(secret.shown()));
    } finally {
      secret.wipe();
    }
  }
}
