package dev.keygate.application.port.in;

/** Grants an application a scope of an API it is authorized for. */
public interface AddApplicationScopeUseCase {

  void add(Principal principal, ApplicationScopeCommand command);
}
