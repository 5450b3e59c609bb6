package dev.keygate.application.port.in;

/** Authorizes applications to ask tokens for an API, or withdraws that, in one unit. */
public interface AuthorizeApplicationsUseCase {

  AuthorizedApplications authorize(Principal principal, AuthorizeApplicationsCommand command);
}
