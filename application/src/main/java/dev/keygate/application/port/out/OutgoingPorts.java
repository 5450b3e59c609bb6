package dev.keygate.application.port.out;

import dev.keygate.domain.token.KeyGenerator;
import java.util.Objects;

/** Everything the application needs from the world, handed over in one piece by the wiring. */
public record OutgoingPorts(
    ApiKeyRepository apiKeys,
    ApiRepository apis,
    OwnerRepository owners,
    GrantRepository grants,
    AuditLog auditLog,
    UsageRecorder usage,
    SecretHasher hasher,
    KeyGenerator keyGenerator,
    VerifiedSecretCache verifiedSecrets,
    KeyStateCache keyStates,
    ChangeFeed changeFeed,
    FailedAttempts failedAttempts,
    CreationQuota creationQuota,
    VerificationMetrics verificationMetrics,
    DeploymentLock deploymentLock,
    UnitOfWork unitOfWork,
    ApplicationRepository applications,
    SigningKeyRepository signingKeys,
    AccessTokens accessTokens,
    RateLimiter rateLimiter,
    CreditLedger credits,
    UsageHistory usageHistory,
    WebhookRepository webhooks,
    Outbox outbox,
    WebhookSender webhookSender,
    ScanningSignatures scanningSignatures) {

  public OutgoingPorts {
    Objects.requireNonNull(apiKeys, "api key repository");
    Objects.requireNonNull(apis, "api repository");
    Objects.requireNonNull(owners, "owner repository");
    Objects.requireNonNull(grants, "grant repository");
    Objects.requireNonNull(auditLog, "audit log");
    Objects.requireNonNull(usage, "usage recorder");
    Objects.requireNonNull(hasher, "secret hasher");
    Objects.requireNonNull(keyGenerator, "key generator");
    Objects.requireNonNull(verifiedSecrets, "verified secret cache");
    Objects.requireNonNull(keyStates, "key state cache");
    Objects.requireNonNull(changeFeed, "change feed");
    Objects.requireNonNull(failedAttempts, "failed attempts");
    Objects.requireNonNull(creationQuota, "creation quota");
    Objects.requireNonNull(verificationMetrics, "verification metrics");
    Objects.requireNonNull(deploymentLock, "deployment lock");
    Objects.requireNonNull(unitOfWork, "unit of work");
    Objects.requireNonNull(applications, "application repository");
    Objects.requireNonNull(signingKeys, "signing key repository");
    Objects.requireNonNull(accessTokens, "access tokens");
    Objects.requireNonNull(rateLimiter, "rate limiter");
    Objects.requireNonNull(credits, "credit ledger");
    Objects.requireNonNull(usageHistory, "usage history");
    Objects.requireNonNull(webhooks, "webhook repository");
    Objects.requireNonNull(outbox, "outbox");
    Objects.requireNonNull(webhookSender, "webhook sender");
    Objects.requireNonNull(scanningSignatures, "scanning signatures");
  }
}
