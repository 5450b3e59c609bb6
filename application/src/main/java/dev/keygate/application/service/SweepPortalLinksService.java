package dev.keygate.application.service;

import dev.keygate.application.port.in.SweepPortalLinksUseCase;
import dev.keygate.application.port.out.ApiKeyRepository;
import dev.keygate.application.port.out.AuditLog;
import dev.keygate.application.port.out.UnitOfWork;
import dev.keygate.application.port.out.VerifiedSecretCache;
import dev.keygate.domain.audit.AuditAction;
import dev.keygate.domain.audit.AuditEvent;
import dev.keygate.domain.audit.AuditOutcome;
import dev.keygate.domain.key.ApiKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Removes expired portal links' keys a batch at a time, each batch and its audit events in one
 * unit. A key is removed a few minutes after it expired, not at once: its expiry notice and the
 * usage counted for it until then are written first.
 */
public final class SweepPortalLinksService implements SweepPortalLinksUseCase {

  /** How the audit trail names the sweep. */
  static final String ACTOR = "keygate";

  /** How long after its expiry a portal link's key is removed. */
  static final Duration SWEEP_AFTER = Duration.ofMinutes(5);

  static final int BATCH = 100;

  private final ApiKeyRepository apiKeys;
  private final AuditLog auditLog;
  private final UnitOfWork unitOfWork;
  private final KeyStates keyStates;
  private final VerifiedSecretCache verifiedSecrets;
  private final Clock clock;

  SweepPortalLinksService(
      ApiKeyRepository apiKeys,
      AuditLog auditLog,
      UnitOfWork unitOfWork,
      KeyStates keyStates,
      VerifiedSecretCache verifiedSecrets,
      Clock clock) {
    this.apiKeys = apiKeys;
    this.auditLog = auditLog;
    this.unitOfWork = unitOfWork;
    this.keyStates = keyStates;
    this.verifiedSecrets = verifiedSecrets;
    this.clock = clock;
  }

  @Override
  public int sweep() {
    Instant expiredBefore = clock.instant().minus(SWEEP_AFTER);
    int removed = 0;
    while (true) {
      List<ApiKey> batch =
          unitOfWork.inTransaction(
              () -> {
                List<ApiKey> gone = apiKeys.removeExpiredPortalLinks(expiredBefore, BATCH);
                for (ApiKey key : gone) {
                  auditLog.record(
                      AuditEvent.now(
                          clock,
                          ACTOR,
                          AuditAction.PORTAL_LINK_DELETE,
                          key.id().value(),
                          Optional.of(key.owner()),
                          AuditOutcome.SUCCEEDED,
                          "expired " + key.expiresOn().orElseThrow()));
                }
                return gone;
              });
      for (ApiKey key : batch) {
        verifiedSecrets.forget(key.id());
        keyStates.forget(key.id());
      }
      removed += batch.size();
      if (batch.size() < BATCH) {
        return removed;
      }
    }
  }
}
