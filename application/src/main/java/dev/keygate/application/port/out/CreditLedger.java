package dev.keygate.application.port.out;

import dev.keygate.domain.key.ApiKeyId;
import dev.keygate.domain.policy.Refill;
import java.time.Instant;
import java.util.Optional;

/**
 * The credits each metered key has left, kept apart from the key so that spending them never
 * changes the key. A spend is one atomic step in the store: concurrent verifications on any number
 * of nodes never spend a credit twice nor grant one that was not there.
 */
public interface CreditLedger {

  /**
   * The outcome of a spend.
   *
   * @param granted whether the cost was spent
   * @param remaining the credits left after it (when granted) or now (when not)
   */
  record Spend(boolean granted, long remaining) {}

  /**
   * Spends {@code cost} of the key's credits when that many are left, after applying {@code refill}
   * if it fell due since the last one. A key with no credits recorded is refused with none left.
   */
  Spend spend(ApiKeyId keyId, long cost, Optional<Refill> refill, Instant now);

  /**
   * Sets the key's credits, the refill clock starting at {@code refilledAt}: the last time a refill
   * was due, so the next one comes when it is due next. Joins the caller's unit of work.
   */
  void set(ApiKeyId keyId, long remaining, Instant refilledAt);

  /**
   * Lowers the key's credits to {@code remaining} when more are left, atomically, so uses spent
   * meanwhile are never given back. Joins the caller's unit of work.
   */
  void lowerTo(ApiKeyId keyId, long remaining);

  /** Forgets the key's credits: it is no longer metered. Joins the caller's unit of work. */
  void remove(ApiKeyId keyId);
}
