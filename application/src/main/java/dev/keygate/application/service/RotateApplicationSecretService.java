package dev.keygate.application.service;

import static dev.keygate.application.port.in.ManagementScope.UPDATE_APPLICATIONS;
import static dev.keygate.domain.audit.AuditAction.APPLICATION_ROTATE_SECRET;

import dev.keygate.application.port.in.CreatedApplication;
import dev.keygate.application.port.in.Principal;
import dev.keygate.application.port.in.RotateApplicationSecretUseCase;
import dev.keygate.application.port.in.Secret;
import dev.keygate.application.port.out.ApplicationRepository;
import dev.keygate.application.port.out.SecretHasher;
import dev.keygate.domain.application.Application;
import dev.keygate.domain.application.ApplicationId;
import dev.keygate.domain.token.KeyGenerator;
import java.util.Arrays;
import java.util.Optional;

/**
 * Gives an application a new secret. The new secret opens everything the application holds, so, as
 * for a key's rotation, the caller must hold all of it.
 */
public final class RotateApplicationSecretService implements RotateApplicationSecretUseCase {

  private final ApplicationRepository applications;
  private final Applications reach;
  private final Authorization authorization;
  private final KeyGenerator generator;
  private final SecretHasher hasher;
  private final Changes changes;

  RotateApplicationSecretService(
      ApplicationRepository applications,
      Applications reach,
      Authorization authorization,
      KeyGenerator generator,
      SecretHasher hasher,
      Changes changes) {
    this.applications = applications;
    this.reach = reach;
    this.authorization = authorization;
    this.generator = generator;
    this.hasher = hasher;
    this.changes = changes;
  }

  @Override
  public CreatedApplication rotate(Principal principal, ApplicationId id) {
    authorization.requireScope(
        principal, UPDATE_APPLICATIONS, APPLICATION_ROTATE_SECRET, id.value());
    Application found = reach.reachable(principal, id, APPLICATION_ROTATE_SECRET);
    reach.requireWithin(
        principal,
        found,
        APPLICATION_ROTATE_SECRET,
        "cannot rotate the secret of application " + id);
    Secret secret = new Secret(generator.newSecret());
    char[] chars = secret.chars();
    String hash;
    try {
      hash = hasher.hash(chars);
    } finally {
      Arrays.fill(chars, '\0');
    }
    Application rotated = found.withNewSecret(hash);
    changes.make(
        principal,
        APPLICATION_ROTATE_SECRET,
        id.value(),
        Optional.of(Applications.ownerOf(found)),
        () -> applications.update(rotated));
    return new CreatedApplication(rotated, secret);
  }
}
