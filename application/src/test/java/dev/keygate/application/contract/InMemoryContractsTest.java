package dev.keygate.application.contract;

import dev.keygate.application.fake.InMemoryApiKeyRepository;
import dev.keygate.application.fake.InMemoryApiRepository;
import dev.keygate.application.fake.InMemoryApplicationRepository;
import dev.keygate.application.fake.InMemoryAuditLog;
import dev.keygate.application.fake.InMemoryChangeFeed;
import dev.keygate.application.fake.InMemoryCreditLedger;
import dev.keygate.application.fake.InMemoryGrantRepository;
import dev.keygate.application.fake.InMemoryOutbox;
import dev.keygate.application.fake.InMemoryOwnerRepository;
import dev.keygate.application.fake.InMemoryRateLimiter;
import dev.keygate.application.fake.InMemorySigningKeyRepository;
import dev.keygate.application.fake.InMemoryUnitOfWork;
import dev.keygate.application.fake.InMemoryUsageRecorder;
import dev.keygate.application.fake.InMemoryWebhookRepository;
import dev.keygate.application.port.out.Outbox;
import dev.keygate.application.port.out.RateLimiter;
import dev.keygate.application.port.out.UsageHistory;
import dev.keygate.application.port.out.UsageRecorder;
import dev.keygate.application.port.out.WebhookRepository;
import dev.keygate.domain.key.ApiKey;
import java.time.Clock;
import org.junit.jupiter.api.Nested;

/** The persistence contracts against the in-memory fakes, so the fakes stay true to them. */
class InMemoryContractsTest {

  private static Stores inMemory() {
    InMemoryApiRepository apis = new InMemoryApiRepository();
    InMemoryChangeFeed feed = new InMemoryChangeFeed();
    InMemoryApiKeyRepository apiKeys = new InMemoryApiKeyRepository(feed);
    return new Stores(
        apiKeys,
        apis,
        new InMemoryOwnerRepository(apiKeys),
        new InMemoryGrantRepository(apis, feed),
        new InMemoryAuditLog(),
        new InMemoryUnitOfWork(),
        new InMemoryApplicationRepository(apis, feed),
        new InMemorySigningKeyRepository(feed),
        feed,
        new InMemoryCreditLedger());
  }

  @Nested
  class Changes extends ChangeFeedContract {
    @Override
    protected Stores openEmptyStores() {
      return inMemory();
    }
  }

  @Nested
  class ApiKeys extends ApiKeyRepositoryContract {
    @Override
    protected Stores openEmptyStores() {
      return inMemory();
    }
  }

  @Nested
  class Apis extends ApiRepositoryContract {
    @Override
    protected Stores openEmptyStores() {
      return inMemory();
    }
  }

  @Nested
  class Owners extends OwnerRepositoryContract {
    @Override
    protected Stores openEmptyStores() {
      return inMemory();
    }
  }

  @Nested
  class Applications extends ApplicationRepositoryContract {
    @Override
    protected Stores openEmptyStores() {
      return inMemory();
    }
  }

  @Nested
  class SigningKeys extends SigningKeyRepositoryContract {
    @Override
    protected Stores openEmptyStores() {
      return inMemory();
    }
  }

  @Nested
  class Grants extends GrantRepositoryContract {
    @Override
    protected Stores openEmptyStores() {
      return inMemory();
    }
  }

  @Nested
  class Audit extends AuditLogContract {
    @Override
    protected Stores openEmptyStores() {
      return inMemory();
    }
  }

  @Nested
  class Units extends UnitOfWorkContract {
    @Override
    protected Stores openEmptyStores() {
      return inMemory();
    }
  }

  @Nested
  class Usage extends UsageRecorderContract {
    private InMemoryUsageRecorder recorder;

    @Override
    protected Stores openEmptyStores() {
      Stores stores = inMemory();
      recorder = new InMemoryUsageRecorder((InMemoryApiKeyRepository) stores.apiKeys());
      recorder.ownersFrom(id -> stores.apiKeys().findById(id).map(ApiKey::owner).orElse(null));
      return stores;
    }

    @Override
    protected UsageRecorder recorder() {
      return recorder;
    }

    @Override
    protected void flush() {
      // the fake writes at once
    }

    @Override
    protected UsageHistory history() {
      return recorder;
    }
  }

  @Nested
  class Credits extends CreditLedgerContract {
    @Override
    protected Stores openEmptyStores() {
      return inMemory();
    }
  }

  @Nested
  class RateLimits extends RateLimiterContract {
    @Override
    protected RateLimiter openEmptyLimiter() {
      return new InMemoryRateLimiter();
    }
  }

  @Nested
  class Webhooks extends WebhookRepositoryContract {
    private final InMemoryWebhookRepository webhooks = new InMemoryWebhookRepository();

    @Override
    protected Stores openEmptyStores() {
      return inMemory();
    }

    @Override
    protected WebhookRepository webhooks() {
      return webhooks;
    }
  }

  @Nested
  class Events extends OutboxContract {
    private final InMemoryWebhookRepository webhooks = new InMemoryWebhookRepository();
    private final InMemoryOutbox outbox = new InMemoryOutbox(webhooks, Clock.systemUTC());

    @Override
    protected Stores openEmptyStores() {
      return inMemory();
    }

    @Override
    protected Outbox outbox() {
      return outbox;
    }

    @Override
    protected WebhookRepository webhooks() {
      return webhooks;
    }
  }
}
