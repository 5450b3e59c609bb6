package dev.keygate.application.port.in;

/** Takes a scope away from an application. */
public interface RemoveApplicationScopeUseCase {

  void remove(Principal principal, ApplicationScopeCommand command);
}
