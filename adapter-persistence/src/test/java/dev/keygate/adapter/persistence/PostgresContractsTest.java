package dev.keygate.adapter.persistence;

import dev.keygate.application.contract.ApiKeyRepositoryContract;
import dev.keygate.application.contract.ApiRepositoryContract;
import dev.keygate.application.contract.ApplicationRepositoryContract;
import dev.keygate.application.contract.AuditLogContract;
import dev.keygate.application.contract.ChangeFeedContract;
import dev.keygate.application.contract.CreditLedgerContract;
import dev.keygate.application.contract.GrantRepositoryContract;
import dev.keygate.application.contract.OutboxContract;
import dev.keygate.application.contract.OwnerRepositoryContract;
import dev.keygate.application.contract.RateLimiterContract;
import dev.keygate.application.contract.SigningKeyRepositoryContract;
import dev.keygate.application.contract.Stores;
import dev.keygate.application.contract.UnitOfWorkContract;
import dev.keygate.application.contract.UsageRecorderContract;
import dev.keygate.application.contract.WebhookRepositoryContract;
import dev.keygate.application.port.out.Outbox;
import dev.keygate.application.port.out.RateLimiter;
import dev.keygate.application.port.out.UsageHistory;
import dev.keygate.application.port.out.UsageRecorder;
import dev.keygate.application.port.out.WebhookRepository;
import java.time.Duration;
import org.junit.jupiter.api.Nested;

/** Every persistence contract on Postgres. */
class PostgresContractsTest {

  @Nested
  class Changes extends ChangeFeedContract {
    @Override
    protected Stores openEmptyStores() {
      return TestDatabases.postgres().emptyStores();
    }
  }

  @Nested
  class ApiKeys extends ApiKeyRepositoryContract {
    @Override
    protected Stores openEmptyStores() {
      return TestDatabases.postgres().emptyStores();
    }
  }

  @Nested
  class Apis extends ApiRepositoryContract {
    @Override
    protected Stores openEmptyStores() {
      return TestDatabases.postgres().emptyStores();
    }
  }

  @Nested
  class Owners extends OwnerRepositoryContract {
    @Override
    protected Stores openEmptyStores() {
      return TestDatabases.postgres().emptyStores();
    }
  }

  @Nested
  class Applications extends ApplicationRepositoryContract {
    @Override
    protected Stores openEmptyStores() {
      return TestDatabases.postgres().emptyStores();
    }
  }

  @Nested
  class SigningKeys extends SigningKeyRepositoryContract {
    @Override
    protected Stores openEmptyStores() {
      return TestDatabases.postgres().emptyStores();
    }
  }

  @Nested
  class Grants extends GrantRepositoryContract {
    @Override
    protected Stores openEmptyStores() {
      return TestDatabases.postgres().emptyStores();
    }
  }

  @Nested
  class Audit extends AuditLogContract {
    @Override
    protected Stores openEmptyStores() {
      return TestDatabases.postgres().emptyStores();
    }
  }

  @Nested
  class Units extends UnitOfWorkContract {
    @Override
    protected Stores openEmptyStores() {
      return TestDatabases.postgres().emptyStores();
    }
  }

  @Nested
  class Usage extends UsageRecorderContract {
    private WriteBehindUsageRecorder recorder;

    @Override
    protected Stores openEmptyStores() {
      // an interval long enough that only the contract's own flushes write; the contract's time,
      // so that its counts are not too old to keep
      recorder =
          new WriteBehindUsageRecorder(
              TestDatabases.postgres().dataSource(), Duration.ofHours(1), CLOCK);
      return TestDatabases.postgres().emptyStores();
    }

    @Override
    protected void closeStores() {
      recorder.close();
    }

    @Override
    protected UsageRecorder recorder() {
      return recorder;
    }

    @Override
    protected void flush() {
      recorder.flush();
    }

    @Override
    protected UsageHistory history() {
      return TestDatabases.postgres().persistence().usageHistory();
    }
  }

  @Nested
  class Credits extends CreditLedgerContract {
    @Override
    protected Stores openEmptyStores() {
      return TestDatabases.postgres().emptyStores();
    }
  }

  @Nested
  class RateLimits extends RateLimiterContract {
    @Override
    protected RateLimiter openEmptyLimiter() {
      TestDatabases.postgres().emptyStores();
      return new JdbcRateLimiter(TestDatabases.postgres().dataSource());
    }
  }

  @Nested
  class Webhooks extends WebhookRepositoryContract {
    @Override
    protected Stores openEmptyStores() {
      return TestDatabases.postgres().emptyStores();
    }

    @Override
    protected WebhookRepository webhooks() {
      return TestDatabases.postgres().persistence().webhooks();
    }
  }

  @Nested
  class Events extends OutboxContract {
    @Override
    protected Stores openEmptyStores() {
      return TestDatabases.postgres().emptyStores();
    }

    @Override
    protected Outbox outbox() {
      return TestDatabases.postgres().persistence().outbox();
    }

    @Override
    protected WebhookRepository webhooks() {
      return TestDatabases.postgres().persistence().webhooks();
    }
  }
}
