package dev.keygate.application.fake;

import dev.keygate.application.port.out.UsageHistory;
import dev.keygate.application.port.out.UsageRecorder;
import dev.keygate.application.port.query.UsageQuery;
import dev.keygate.domain.key.ApiKeyId;
import dev.keygate.domain.owner.Owner;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/** {@link UsageRecorder} that counts verifications per key and keeps the latest address. */
public final class InMemoryUsageRecorder implements UsageRecorder, UsageHistory {

  private final List<Recorded> outcomes = new ArrayList<>();
  private Function<ApiKeyId, Owner> ownerOf = keyId -> null;

  /** Tells the recorder whose each key is, for reads of an owner's usage. */
  public synchronized void ownersFrom(Function<ApiKeyId, Owner> ownerOf) {
    this.ownerOf = ownerOf;
  }

  private final Map<ApiKeyId, Long> counts = new HashMap<>();
  private final Optional<InMemoryApiKeyRepository> store;
  private final Map<ApiKeyId, Optional<String>> lastIps = new HashMap<>();

  /** A recorder that only counts. */
  public InMemoryUsageRecorder() {
    this.store = Optional.empty();
  }

  /** A recorder that also writes the usage into {@code store} at once, as a flush would. */
  public InMemoryUsageRecorder(InMemoryApiKeyRepository store) {
    this.store = Optional.of(store);
  }

  @Override
  public synchronized void record(
      ApiKeyId keyId, String outcome, Instant verifiedOn, Optional<String> clientIp) {
    outcomes.add(new Recorded(keyId, outcome, verifiedOn));
    if (!VERIFIED.equals(outcome)) {
      return;
    }
    counts.merge(keyId, 1L, Long::sum);
    lastIps.put(keyId, clientIp);
    store.ifPresent(keys -> keys.addUsage(keyId, 1, verifiedOn, clientIp));
  }

  /** One verification as recorded. */
  public record Recorded(ApiKeyId keyId, String outcome, Instant on) {}

  /** Every verification recorded, valid or not, in order. */
  public synchronized List<Recorded> recorded() {
    return List.copyOf(outcomes);
  }

  /** The counts of the query's key, or of the keys {@code ownerOf} says belong to its owner. */
  @Override
  public synchronized List<Count> counts(UsageQuery query) {
    Map<List<Object>, Long> summed =
        new TreeMap<>(java.util.Comparator.comparing(Object::toString));
    for (Recorded one : outcomes) {
      boolean matches =
          query.key().map(one.keyId()::equals).orElse(false)
              || query.owner().map(owner -> owner.equals(ownerOf.apply(one.keyId()))).orElse(false);
      if (!matches || one.on().isBefore(query.from()) || !one.on().isBefore(query.to())) {
        continue;
      }
      Instant start =
          one.on()
              .truncatedTo(
                  query.granularity() == UsageQuery.Granularity.HOUR
                      ? ChronoUnit.HOURS
                      : ChronoUnit.DAYS);
      summed.merge(List.of(start, one.outcome()), 1L, Long::sum);
    }
    List<Count> result = new ArrayList<>();
    summed.forEach(
        (key, count) -> result.add(new Count((Instant) key.get(0), (String) key.get(1), count)));
    return result;
  }

  public synchronized long count(ApiKeyId keyId) {
    return counts.getOrDefault(keyId, 0L);
  }

  public synchronized Optional<String> lastIp(ApiKeyId keyId) {
    return lastIps.getOrDefault(keyId, Optional.empty());
  }
}
