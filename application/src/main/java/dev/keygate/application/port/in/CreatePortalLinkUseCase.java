package dev.keygate.application.port.in;

/** Opens the self-service portal for one organization or user, for a short while. */
public interface CreatePortalLinkUseCase {

  PortalLink create(Principal principal, CreatePortalLinkCommand command);
}
