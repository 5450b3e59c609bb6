package dev.keygate.application.service;

import static dev.keygate.application.port.in.ManagementScope.READ_APPLICATIONS;
import static dev.keygate.domain.audit.AuditAction.APPLICATION_READ;

import dev.keygate.application.port.in.ListApplicationsUseCase;
import dev.keygate.application.port.in.Principal;
import dev.keygate.application.port.out.ApplicationRepository;
import dev.keygate.application.port.query.ListOrder;
import dev.keygate.application.port.query.Page;
import dev.keygate.application.port.query.PageRequest;
import dev.keygate.domain.application.Application;
import dev.keygate.domain.owner.Owner;
import java.util.List;
import java.util.Optional;

/** Lists the applications within reach: all for the operator, its own for an organization. */
public final class ListApplicationsService implements ListApplicationsUseCase {

  private final ApplicationRepository applications;
  private final Authorization authorization;

  ListApplicationsService(ApplicationRepository applications, Authorization authorization) {
    this.applications = applications;
    this.authorization = authorization;
  }

  @Override
  public List<Application> list(Principal principal) {
    authorization.requireScope(principal, READ_APPLICATIONS, APPLICATION_READ, "applications");
    if (principal.isOperator()) {
      return applications.list(Optional.empty());
    }
    Owner confinement = principal.confinement().orElseThrow();
    if (confinement instanceof Owner.Org org) {
      return applications.list(Optional.of(org.code()));
    }
    return List.of();
  }

  @Override
  public Page<Application> list(Principal principal, ListOrder order, PageRequest page) {
    return order.page(
        list(principal), Application::name, application -> application.id().value(), page);
  }
}
