package dev.keygate.application.port.in;

import dev.keygate.domain.key.ApiKeyId;
import dev.keygate.domain.owner.Owner;

/** Read how keys were verified: per key, or summed over an owner's keys. */
public interface GetUsageUseCase {

  UsageReport ofKey(Principal principal, ApiKeyId keyId, UsagePeriod period);

  UsageReport ofOwner(Principal principal, Owner owner, UsagePeriod period);
}
