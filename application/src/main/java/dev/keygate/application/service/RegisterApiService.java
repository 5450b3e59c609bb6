package dev.keygate.application.service;

import static dev.keygate.application.port.in.ManagementScope.CREATE_APIS;
import static dev.keygate.domain.audit.AuditAction.API_REGISTER;

import dev.keygate.application.port.in.Principal;
import dev.keygate.application.port.in.RegisterApiCommand;
import dev.keygate.application.port.in.RegisterApiUseCase;
import dev.keygate.application.port.out.ApiRepository;
import dev.keygate.domain.ConflictException;
import dev.keygate.domain.ValidationException;
import dev.keygate.domain.api.Api;
import java.time.Clock;
import java.util.Optional;

/** Registers APIs under unique audiences. */
public final class RegisterApiService implements RegisterApiUseCase {

  private final ApiRepository apis;
  private final Authorization authorization;
  private final Changes changes;
  private final Clock clock;

  RegisterApiService(
      ApiRepository apis, Authorization authorization, Changes changes, Clock clock) {
    this.apis = apis;
    this.authorization = authorization;
    this.changes = changes;
    this.clock = clock;
  }

  @Override
  public Api register(Principal principal, RegisterApiCommand command) {
    authorization.requireScope(principal, CREATE_APIS, API_REGISTER, "apis");
    authorization.requireOperator(principal, API_REGISTER, "apis");
    Api api = Api.register(command.name(), command.audience(), clock);
    if (api.isManagement()) {
      throw new ValidationException(
          "audience " + Api.MANAGEMENT_AUDIENCE + " is reserved for Keygate's management api");
    }
    if (apis.findByAudience(api.audience()).isPresent()) {
      throw new ConflictException(
          "an api with audience " + Echo.quote(api.audience()) + " already exists");
    }
    changes.make(principal, API_REGISTER, api.id().value(), Optional.empty(), () -> apis.add(api));
    return api;
  }
}
