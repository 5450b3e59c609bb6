package dev.keygate.application.service;

import static dev.keygate.application.port.in.ManagementScope.DELETE_ORGANIZATIONS;
import static dev.keygate.domain.audit.AuditAction.ORGANIZATION_DELETE;

import dev.keygate.application.port.in.DeleteOrganizationUseCase;
import dev.keygate.application.port.in.Principal;
import dev.keygate.application.port.out.ApplicationRepository;
import dev.keygate.application.port.out.OwnerRepository;
import dev.keygate.application.port.out.WebhookRepository;
import dev.keygate.domain.ConflictException;
import dev.keygate.domain.owner.OrgCode;
import dev.keygate.domain.owner.Organization;
import dev.keygate.domain.owner.Owner;
import java.util.Optional;

/**
 * Deletes an organization with its grants and webhooks, for the operator only. Refused while the
 * organization owns live keys or applications act for it: each would go on working for an owner
 * that is gone.
 */
public final class DeleteOrganizationService implements DeleteOrganizationUseCase {

  private final OwnerRepository owners;
  private final ApplicationRepository applications;
  private final WebhookRepository webhooks;
  private final OwnerRemoval removal;
  private final Authorization authorization;
  private final Changes changes;

  DeleteOrganizationService(
      OwnerRepository owners,
      ApplicationRepository applications,
      WebhookRepository webhooks,
      OwnerRemoval removal,
      Authorization authorization,
      Changes changes) {
    this.owners = owners;
    this.applications = applications;
    this.webhooks = webhooks;
    this.removal = removal;
    this.authorization = authorization;
    this.changes = changes;
  }

  @Override
  public void delete(Principal principal, OrgCode code) {
    authorization.requireScope(principal, DELETE_ORGANIZATIONS, ORGANIZATION_DELETE, code.value());
    authorization.requireOperator(principal, ORGANIZATION_DELETE, code.value());
    if (code.equals(Organization.OPERATOR_CODE)) {
      throw new ConflictException("the operator organization " + code + " cannot be deleted");
    }
    Owner owner = new Owner.Org(code);
    changes.make(
        principal,
        ORGANIZATION_DELETE,
        code.value(),
        Optional.of(owner),
        () -> {
          owners.findOrganization(code).orElseThrow(() -> Authorization.ownerNotFound(owner));
          removal.requireNoLiveKeys(owner);
          int acting = applications.list(Optional.of(code)).size();
          if (acting > 0) {
            throw new ConflictException(
                "organization "
                    + code
                    + " has "
                    + acting
                    + (acting == 1 ? " application" : " applications")
                    + " acting for it and cannot be deleted until they are deleted");
          }
          removal.withdrawGrants(owner);
          webhooks.deleteOf(code);
          owners.deleteOrganization(code);
        });
  }
}
