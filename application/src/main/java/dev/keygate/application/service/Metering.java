package dev.keygate.application.service;

import dev.keygate.application.port.out.CreditLedger;
import dev.keygate.domain.key.ApiKey;
import dev.keygate.domain.policy.Credits;
import java.time.Instant;
import java.util.Optional;

/**
 * Keeps a key's stored credits in step with its policy, in the unit that changes the key: the
 * ledger holds the count that verifications spend, the key only how it is refilled.
 */
final class Metering {

  private final CreditLedger ledger;

  Metering(CreditLedger ledger) {
    this.ledger = ledger;
  }

  /** A new key's credits, when it is metered; the refill clock starts at the last due time. */
  void start(ApiKey key, Instant now) {
    key.policy().credits().ifPresent(credits -> set(key, credits, now));
  }

  /**
   * The credits of a key whose policy changed to {@code credits} (empty: no longer metered). A
   * change that tightens the policy lowers the count of a metered key, atomically, so uses spent
   * since it was read are never given back; any other sets it.
   */
  void change(
      ApiKey before, ApiKey after, Optional<Credits> credits, boolean tightening, Instant now) {
    if (credits.isEmpty()) {
      if (before.policy().credits().isPresent()) {
        ledger.remove(after.id());
      }
      return;
    }
    if (tightening && before.policy().credits().isPresent()) {
      ledger.lowerTo(after.id(), credits.get().remaining());
    } else {
      set(after, credits.get(), now);
    }
  }

  private void set(ApiKey key, Credits credits, Instant now) {
    Instant refilledAt = credits.refill().map(refill -> refill.lastDue(now)).orElse(now);
    ledger.set(key.id(), credits.remaining(), refilledAt);
  }
}
