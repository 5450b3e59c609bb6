package dev.keygate.application.service;

import static dev.keygate.application.port.in.ManagementScope.READ_API_KEYS;
import static dev.keygate.domain.audit.AuditAction.USAGE_READ;

import dev.keygate.application.port.in.GetUsageUseCase;
import dev.keygate.application.port.in.Principal;
import dev.keygate.application.port.in.UsagePeriod;
import dev.keygate.application.port.in.UsageReport;
import dev.keygate.application.port.out.ApiKeyRepository;
import dev.keygate.application.port.out.OwnerRepository;
import dev.keygate.application.port.out.UsageHistory;
import dev.keygate.application.port.query.UsageQuery;
import dev.keygate.domain.key.ApiKeyId;
import dev.keygate.domain.owner.Owner;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reads verification counts for a key, or for all keys of an owner, within the caller's reach. A
 * count is written behind, so the last second or so may not be in it yet.
 */
public final class GetUsageService implements GetUsageUseCase {

  private final ApiKeyRepository apiKeys;
  private final OwnerRepository owners;
  private final UsageHistory history;
  private final Authorization authorization;
  private final Clock clock;

  GetUsageService(
      ApiKeyRepository apiKeys,
      OwnerRepository owners,
      UsageHistory history,
      Authorization authorization,
      Clock clock) {
    this.apiKeys = apiKeys;
    this.owners = owners;
    this.history = history;
    this.authorization = authorization;
    this.clock = clock;
  }

  @Override
  public UsageReport ofKey(Principal principal, ApiKeyId keyId, UsagePeriod period) {
    authorization.requireScope(principal, READ_API_KEYS, USAGE_READ, keyId.value());
    authorization.reachableKey(principal, apiKeys.findById(keyId), keyId, USAGE_READ);
    return report(Optional.of(keyId), Optional.empty(), period);
  }

  @Override
  public UsageReport ofOwner(Principal principal, Owner owner, UsagePeriod period) {
    authorization.requireScope(principal, READ_API_KEYS, USAGE_READ, owner.id());
    authorization.requireReach(principal, owner, USAGE_READ);
    if (!owners.exists(owner)) {
      throw Authorization.ownerNotFound(owner);
    }
    return report(Optional.empty(), Optional.of(owner), period);
  }

  private UsageReport report(Optional<ApiKeyId> key, Optional<Owner> owner, UsagePeriod period) {
    Instant current =
        clock
            .instant()
            .truncatedTo(period == UsagePeriod.LAST_24_HOURS ? ChronoUnit.HOURS : ChronoUnit.DAYS);
    Instant from = current.minus(period.bucket().multipliedBy(period.buckets() - 1L));
    Instant to = current.plus(period.bucket());
    Map<Instant, Map<String, Long>> counts = new TreeMap<>();
    for (Instant start = from; start.isBefore(to); start = start.plus(period.bucket())) {
      counts.put(start, new LinkedHashMap<>());
    }
    for (UsageHistory.Count count :
        history.counts(new UsageQuery(key, owner, period.granularity(), from, to))) {
      Map<String, Long> bucket = counts.get(count.start());
      if (bucket != null) {
        bucket.merge(count.outcome(), count.count(), Long::sum);
      }
    }
    List<UsageReport.Bucket> buckets = new ArrayList<>();
    counts.forEach((start, byOutcome) -> buckets.add(new UsageReport.Bucket(start, byOutcome)));
    return new UsageReport(period, buckets);
  }
}
