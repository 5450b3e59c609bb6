package dev.keygate.application.service;

import static dev.keygate.application.port.in.ManagementScope.READ_APIS;
import static dev.keygate.domain.audit.AuditAction.API_READ;

import dev.keygate.application.port.in.ListApisUseCase;
import dev.keygate.application.port.in.Principal;
import dev.keygate.application.port.out.ApiRepository;
import dev.keygate.domain.api.Api;
import java.util.List;

/** Lists the registered APIs; they are readable by every management key with read:apis. */
public final class ListApisService implements ListApisUseCase {

  private final ApiRepository apis;
  private final Authorization authorization;

  ListApisService(ApiRepository apis, Authorization authorization) {
    this.apis = apis;
    this.authorization = authorization;
  }

  @Override
  public List<Api> list(Principal principal) {
    authorization.requireScope(principal, READ_APIS, API_READ, "apis");
    return apis.list();
  }
}
