package dev.keygate.application.port.out;

import dev.keygate.domain.token.KeyGenerator;
import java.util.Objects;

/** Everything the application needs from the world, handed over in one piece by the wiring. */
public record OutgoingPorts(
    ApiKeyRepository apiKeys,
    ApiRepository apis,
    OwnerRepository owners,
    AuditLog auditLog,
    UsageRecorder usage,
    SecretHasher hasher,
    KeyGenerator keyGenerator,
    VerifiedSecretCache verifiedSecrets,
    KeyStateCache keyStates,
    FailedAttempts failedAttempts,
    VerificationMetrics verificationMetrics,
    DeploymentLock deploymentLock) {

  public OutgoingPorts {
    Objects.requireNonNull(apiKeys, "api key repository");
    Objects.requireNonNull(apis, "api repository");
    Objects.requireNonNull(owners, "owner repository");
    Objects.requireNonNull(auditLog, "audit log");
    Objects.requireNonNull(usage, "usage recorder");
    Objects.requireNonNull(hasher, "secret hasher");
    Objects.requireNonNull(keyGenerator, "key generator");
    Objects.requireNonNull(verifiedSecrets, "verified secret cache");
    Objects.requireNonNull(keyStates, "key state cache");
    Objects.requireNonNull(failedAttempts, "failed attempts");
    Objects.requireNonNull(verificationMetrics, "verification metrics");
    Objects.requireNonNull(deploymentLock, "deployment lock");
  }

  /**
   * The ports of a deployment that does not monitor its verifications, remembers no key state
   * between them, does not limit failed attempts and is initialised by one node alone.
   */
  public OutgoingPorts(
      ApiKeyRepository apiKeys,
      ApiRepository apis,
      OwnerRepository owners,
      AuditLog auditLog,
      UsageRecorder usage,
      SecretHasher hasher,
      KeyGenerator keyGenerator,
      VerifiedSecretCache verifiedSecrets) {
    this(
        apiKeys,
        apis,
        owners,
        auditLog,
        usage,
        hasher,
        keyGenerator,
        verifiedSecrets,
        KeyStateCache.NONE,
        FailedAttempts.NONE,
        VerificationMetrics.NONE,
        DeploymentLock.NONE);
  }
}
