package dev.keygate.adapter.rest;

import dev.keygate.application.fake.FakeKeyGenerator;
import dev.keygate.application.fake.TestKeygate;
import dev.keygate.application.port.out.OutgoingPorts;
import dev.keygate.application.port.out.ScanningSignatures;
import dev.keygate.application.service.AccessTokenSettings;
import dev.keygate.application.service.KeygateServices;
import dev.keygate.application.service.TenantLimits;
import dev.keygate.application.service.WebhookSettings;
import dev.keygate.domain.key.ApiKey;
import dev.keygate.domain.token.KeyPrefix;

/**
 * The use cases of a {@link TestKeygate}'s fakes, as {@code new TestKeygate()} wires them, but
 * trusting {@code signatures} for secret scanning reports: a scanner's real keys in place of the
 * fake's digest.
 */
final class ScannerWiring {

  private ScannerWiring() {}

  static KeygateServices trusting(TestKeygate k, ScanningSignatures signatures) {
    OutgoingPorts ports =
        new OutgoingPorts(
            k.apiKeys,
            k.apis,
            k.owners,
            k.grants,
            k.auditLog,
            k.usage,
            k.hasher,
            new FakeKeyGenerator(42),
            k.verifiedSecrets,
            k.keyStates,
            k.changeFeed,
            k.failedAttempts,
            k.creationQuota,
            k.verificationMetrics,
            k.deploymentLock,
            k.unitOfWork,
            k.applications,
            k.signingKeys,
            k.accessTokens,
            k.rateLimiter,
            k.credits,
            k.usage,
            k.webhooks,
            k.outbox,
            k.webhookSender,
            signatures);
    k.usage.ownersFrom(id -> k.apiKeys.findById(id).map(ApiKey::owner).orElse(null));
    return new KeygateServices(
        ports,
        KeyPrefix.DEFAULT,
        k.clock,
        TestKeygate.STRICT,
        TenantLimits.DEFAULTS,
        AccessTokenSettings.DEFAULTS,
        WebhookSettings.DEFAULTS);
  }
}
