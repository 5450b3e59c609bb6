package dev.keygate.application.service;

import dev.keygate.application.port.in.CreateApiKeyCommand;
import dev.keygate.application.port.in.CreateApiKeyUseCase;
import dev.keygate.application.port.in.CreateRootKeyUseCase;
import dev.keygate.application.port.in.IssuedApiKey;
import dev.keygate.application.port.in.ManagementScope;
import dev.keygate.application.port.in.Principal;
import dev.keygate.application.port.out.ApiRepository;
import dev.keygate.application.port.out.OwnerRepository;
import dev.keygate.domain.ForbiddenException;
import dev.keygate.domain.NotFoundException;
import dev.keygate.domain.api.Api;
import dev.keygate.domain.api.Scope;
import dev.keygate.domain.owner.Organization;
import dev.keygate.domain.owner.Owner;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

/**
 * Issues a root key through {@link CreateApiKeyUseCase}, so that the key, its audit event and its
 * change feed entry commit together as any key's do. It holds every scope the management API
 * defines: on a deployment not yet served since an upgrade, the scopes that upgrade brings come to
 * it on the next {@code serve}, as they come to every key that held all the others.
 */
public final class CreateRootKeyService implements CreateRootKeyUseCase {

  private final ApiRepository apis;
  private final OwnerRepository owners;
  private final CreateApiKeyUseCase createApiKey;

  CreateRootKeyService(
      ApiRepository apis, OwnerRepository owners, CreateApiKeyUseCase createApiKey) {
    this.apis = apis;
    this.owners = owners;
    this.createApiKey = createApiKey;
  }

  @Override
  public IssuedApiKey create(Principal principal, String name) {
    // Authority only shrinks: a key, even a root key, may not mint a key that outlives it, nor may
    // an authority that ends (an access token), so only whoever can open the database itself makes
    // a root key.
    if (!principal.isOperator()
        || principal.key().isPresent()
        || principal.expiresOn().isPresent()
        || !principal.scopes().containsAll(EnumSet.allOf(ManagementScope.class))) {
      throw new ForbiddenException(
          "a root key is made only by the operator's own tools, such as the local command line");
    }
    Optional<Api> management = apis.findByAudience(Api.MANAGEMENT_AUDIENCE);
    if (management.isEmpty() || owners.findOrganization(Organization.OPERATOR_CODE).isEmpty()) {
      throw new NotFoundException(
          "keygate is not initialised: run 'keygate init', which prints the first root key");
    }
    List<String> every = apis.scopes(management.get().id()).stream().map(Scope::key).toList();
    return createApiKey.create(
        principal,
        new CreateApiKeyCommand(
            name,
            management.get().id(),
            every,
            new Owner.Org(Organization.OPERATOR_CODE),
            Optional.empty()));
  }
}
