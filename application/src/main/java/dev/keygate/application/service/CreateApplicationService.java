package dev.keygate.application.service;

import static dev.keygate.application.port.in.ManagementScope.CREATE_APPLICATIONS;
import static dev.keygate.application.port.in.ManagementScope.UPDATE_APPLICATIONS;
import static dev.keygate.domain.audit.AuditAction.APPLICATION_CREATE;

import dev.keygate.application.port.in.CreateApplicationCommand;
import dev.keygate.application.port.in.CreateApplicationUseCase;
import dev.keygate.application.port.in.CreatedApplication;
import dev.keygate.application.port.in.ManagementScope;
import dev.keygate.application.port.in.Principal;
import dev.keygate.application.port.in.Secret;
import dev.keygate.application.port.out.ApplicationRepository;
import dev.keygate.application.port.out.OwnerRepository;
import dev.keygate.application.port.out.SecretHasher;
import dev.keygate.domain.api.Api;
import dev.keygate.domain.api.Scope;
import dev.keygate.domain.application.Application;
import dev.keygate.domain.application.ApplicationId;
import dev.keygate.domain.owner.OrgCode;
import dev.keygate.domain.owner.Owner;
import dev.keygate.domain.token.KeyGenerator;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Creates M2M applications. The operator may make one for the deployment or for any organization,
 * an organization admin only for its own; a user's key none. An application made by a management
 * key works only while that key does, and never past its expiry. Asked for management scopes, it is
 * made authorized for the management API with them, within the caller's own authority.
 */
public final class CreateApplicationService implements CreateApplicationUseCase {

  private final ApplicationRepository applications;
  private final OwnerRepository owners;
  private final ApiLookup lookup;
  private final Applications reach;
  private final Authorization authorization;
  private final KeyGenerator generator;
  private final SecretHasher hasher;
  private final Changes changes;
  private final Clock clock;

  CreateApplicationService(
      ApplicationRepository applications,
      OwnerRepository owners,
      ApiLookup lookup,
      Applications reach,
      Authorization authorization,
      KeyGenerator generator,
      SecretHasher hasher,
      Changes changes,
      Clock clock) {
    this.applications = applications;
    this.owners = owners;
    this.lookup = lookup;
    this.reach = reach;
    this.authorization = authorization;
    this.generator = generator;
    this.hasher = hasher;
    this.changes = changes;
    this.clock = clock;
  }

  @Override
  public CreatedApplication create(Principal principal, CreateApplicationCommand command) {
    authorization.requireScope(principal, CREATE_APPLICATIONS, APPLICATION_CREATE, "applications");
    reach.requireOrganizationOrOperator(principal, APPLICATION_CREATE, "applications");
    if (!command.managementScopes().isEmpty()) {
      // Granting scopes is updating an application, whatever call does it.
      authorization.requireScope(
          principal, UPDATE_APPLICATIONS, APPLICATION_CREATE, "applications");
    }
    Optional<OrgCode> org = command.org();
    if (org.isEmpty() && principal.confinement().isPresent()) {
      org = Optional.of(((Owner.Org) principal.confinement().get()).code());
    }
    if (org.isPresent()) {
      Owner owner = new Owner.Org(org.get());
      authorization.requireReach(principal, owner, APPLICATION_CREATE);
      if (!owners.exists(owner)) {
        throw Authorization.ownerNotFound(owner);
      }
    }
    Secret secret = new Secret(generator.newSecret());
    char[] chars = secret.chars();
    String hash;
    try {
      hash = hasher.hash(chars);
    } finally {
      java.util.Arrays.fill(chars, '\0');
    }
    Application application =
        Application.create(
            ApplicationId.generate(clock),
            command.name(),
            org,
            hash,
            clock.instant(),
            principal.actor(),
            principal.key(),
            principal.expiresOn());
    if (!command.managementScopes().isEmpty()) {
      application = withManagementScopes(application, command.managementScopes());
      reach.requireWithin(
          principal,
          application,
          APPLICATION_CREATE,
          "cannot create an application with management scopes beyond the caller's");
    }
    Application created = application;
    changes.make(
        principal,
        APPLICATION_CREATE,
        application.id().value(),
        Optional.of(Applications.ownerOf(created)),
        () -> applications.add(created));
    return new CreatedApplication(created, secret);
  }

  private Application withManagementScopes(Application application, Set<ManagementScope> scopes) {
    Api management = lookup.management();
    Application authorized = application.authorizedFor(management.id());
    List<String> keys = scopes.stream().map(ManagementScope::key).sorted().toList();
    for (Scope scope : lookup.scopes(management, keys)) {
      authorized = authorized.granted(scope);
    }
    return authorized;
  }
}
