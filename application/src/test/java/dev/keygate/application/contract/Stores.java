package dev.keygate.application.contract;

import dev.keygate.application.port.out.ApiKeyRepository;
import dev.keygate.application.port.out.ApiRepository;
import dev.keygate.application.port.out.ApplicationRepository;
import dev.keygate.application.port.out.AuditLog;
import dev.keygate.application.port.out.ChangeFeed;
import dev.keygate.application.port.out.CreditLedger;
import dev.keygate.application.port.out.GrantRepository;
import dev.keygate.application.port.out.OwnerRepository;
import dev.keygate.application.port.out.SigningKeyRepository;
import dev.keygate.application.port.out.UnitOfWork;

/** One empty store's persistence ports, as a contract test sees them. */
public record Stores(
    ApiKeyRepository apiKeys,
    ApiRepository apis,
    OwnerRepository owners,
    GrantRepository grants,
    AuditLog auditLog,
    UnitOfWork unitOfWork,
    ApplicationRepository applications,
    SigningKeyRepository signingKeys,
    ChangeFeed changeFeed,
    CreditLedger credits) {}
