package dev.keygate.application.fake;

import dev.keygate.application.port.out.CreditLedger;
import dev.keygate.domain.key.ApiKeyId;
import dev.keygate.domain.policy.Refill;
import dev.keygate.domain.policy.RefillMode;
import java.time.Instant;
import java.util.Optional;
import java.util.TreeMap;

/** {@link CreditLedger} in a map; its writes are undone with the unit of work they joined. */
public final class InMemoryCreditLedger implements CreditLedger {

  private record Balance(long remaining, Instant refilledAt) {}

  private final TreeMap<String, Balance> balances = new TreeMap<>();

  @Override
  public synchronized Spend spend(ApiKeyId keyId, long cost, Optional<Refill> refill, Instant now) {
    Balance balance = balances.get(keyId.value());
    if (balance == null) {
      return new Spend(false, 0);
    }
    if (refill.isPresent() && balance.refilledAt().isBefore(refill.get().lastDue(now))) {
      Refill due = refill.get();
      long refilled =
          due.mode() == RefillMode.SET ? due.amount() : balance.remaining() + due.amount();
      if (refilled < cost) {
        // As the stores do: a refill is applied with the spend it makes possible, else later.
        return new Spend(false, refilled);
      }
      balance = new Balance(refilled, due.lastDue(now));
    }
    if (balance.remaining() < cost) {
      return new Spend(false, balance.remaining());
    }
    balances.put(keyId.value(), new Balance(balance.remaining() - cost, balance.refilledAt()));
    return new Spend(true, balance.remaining() - cost);
  }

  @Override
  public synchronized void set(ApiKeyId keyId, long remaining, Instant refilledAt) {
    InMemoryUnitOfWork.willChange(this, balances, keyId.value());
    balances.put(keyId.value(), new Balance(remaining, refilledAt));
  }

  @Override
  public synchronized void lowerTo(ApiKeyId keyId, long remaining) {
    Balance balance = balances.get(keyId.value());
    if (balance != null && balance.remaining() > remaining) {
      InMemoryUnitOfWork.willChange(this, balances, keyId.value());
      balances.put(keyId.value(), new Balance(remaining, balance.refilledAt()));
    }
  }

  @Override
  public synchronized void remove(ApiKeyId keyId) {
    InMemoryUnitOfWork.willChange(this, balances, keyId.value());
    balances.remove(keyId.value());
  }

  /** The credits the key has left as stored, when it has any recorded. */
  public synchronized Optional<Long> remaining(ApiKeyId keyId) {
    return Optional.ofNullable(balances.get(keyId.value())).map(Balance::remaining);
  }
}
