package dev.keygate.adapter.persistence;

import dev.keygate.application.port.out.ApiKeyRepository;
import dev.keygate.application.port.out.ApiRepository;
import dev.keygate.application.port.out.ApplicationRepository;
import dev.keygate.application.port.out.AuditLog;
import dev.keygate.application.port.out.ChangeFeed;
import dev.keygate.application.port.out.CreditLedger;
import dev.keygate.application.port.out.GrantRepository;
import dev.keygate.application.port.out.Outbox;
import dev.keygate.application.port.out.OwnerRepository;
import dev.keygate.application.port.out.SigningKeyRepository;
import dev.keygate.application.port.out.UnitOfWork;
import dev.keygate.application.port.out.UsageHistory;
import dev.keygate.application.port.out.WebhookRepository;
import dev.keygate.application.port.query.PageRequest;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.jpa.HibernatePersistenceConfiguration;

/**
 * Keygate's storage on one database: migrates the schema with Flyway (unless it has every migration
 * already), then serves every persistence port: changes through one Hibernate session factory,
 * reads in plain SQL. Works on H2 and PostgreSQL alike.
 */
public final class JpaPersistence implements AutoCloseable {

  private final DataSource dataSource;
  private final Hibernate hibernate;
  private final ApiKeyRepository apiKeys;
  private final ApiRepository apis;
  private final OwnerRepository owners;
  private final GrantRepository grants;
  private final AuditLog auditLog;
  private final ApplicationRepository applications;
  private final SigningKeyRepository signingKeys;
  private final Transactions transactions;
  private final JdbcChangeFeed changeFeed;
  private final boolean postgres;
  private final CreditLedger credits;
  private final UsageHistory usageHistory;
  private final WebhookRepository webhooks;
  private final Outbox outbox;

  private JpaPersistence(DataSource dataSource, Hibernate hibernate, Database database) {
    this.dataSource = dataSource;
    this.hibernate = hibernate;
    this.postgres = database.postgres();
    this.changeFeed = new JdbcChangeFeed(dataSource, postgres, LocalSignal.of(database.url()));
    this.transactions = new Transactions(hibernate, dataSource, changeFeed);
    this.credits = new JdbcCreditLedger(dataSource, transactions, postgres);
    this.usageHistory = new JdbcUsageHistory(dataSource);
    this.apiKeys = new JpaApiKeyRepository(transactions);
    this.apis = new JpaApiRepository(transactions);
    this.owners = new JpaOwnerRepository(transactions);
    this.grants = new JpaGrantRepository(transactions);
    this.auditLog = new JpaAuditLog(transactions);
    this.applications = new JpaApplicationRepository(transactions);
    this.signingKeys = new JpaSigningKeyRepository(transactions);
    this.webhooks = new JpaWebhookRepository(transactions);
    this.outbox = new JdbcOutbox(transactions, postgres);
  }

  /**
   * Brings the schema up to date and opens the storage, Hibernate started: a server's first change
   * does not wait for it. The pool stays the caller's to close.
   */
  public static JpaPersistence open(DataSource dataSource) {
    JpaPersistence persistence = openForOneCommand(dataSource);
    try {
      persistence.hibernate.get();
    } catch (RuntimeException e) {
      persistence.close();
      throw e;
    }
    return persistence;
  }

  /**
   * Brings the schema up to date and opens the storage for one command: reads are plain SQL, and
   * Hibernate, the longer part of a short command's run, starts only if the command changes
   * something. The pool stays the caller's to close.
   */
  public static JpaPersistence openForOneCommand(DataSource dataSource) {
    // A database that has every migration already needs nothing from Flyway, whose own start
    // would be a good part of a short command's run.
    if (!SchemaVersions.allApplied(dataSource, List.of(V4__StripBidirectionalControls.class))) {
      Flyway.configure()
          .dataSource(dataSource)
          .locations("classpath:" + SchemaVersions.LOCATION)
          .javaMigrations(new V4__StripBidirectionalControls())
          .load()
          .migrate();
    }
    return new JpaPersistence(dataSource, new Hibernate(dataSource), Database.behind(dataSource));
  }

  /** Hibernate's session factory over the pool, started when first asked for. */
  private static final class Hibernate implements Supplier<EntityManagerFactory> {

    private final DataSource dataSource;
    private volatile EntityManagerFactory started;
    private boolean closed;

    Hibernate(DataSource dataSource) {
      this.dataSource = dataSource;
    }

    @Override
    public EntityManagerFactory get() {
      EntityManagerFactory factory = started;
      if (factory != null) {
        return factory;
      }
      synchronized (this) {
        if (closed) {
          throw new IllegalStateException("the storage is closed");
        }
        if (started == null) {
          started = start(dataSource);
        }
        return started;
      }
    }

    private static EntityManagerFactory start(DataSource dataSource) {
      return new HibernatePersistenceConfiguration("keygate")
          .managedClasses(
              ApiKeyEntity.class,
              KeySecretEntity.class,
              ApiEntity.class,
              ScopeEntity.class,
              OrganizationEntity.class,
              UserEntity.class,
              GrantEntity.class,
              AuditEventEntity.class,
              ApplicationEntity.class,
              SigningKeyEntity.class,
              WebhookEntity.class)
          .property(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, dataSource)
          .property(AvailableSettings.JDBC_TIME_ZONE, "UTC")
          .property(AvailableSettings.DEFAULT_BATCH_FETCH_SIZE, PageRequest.MAX_SIZE)
          .createEntityManagerFactory();
    }

    synchronized void close() {
      closed = true;
      if (started != null) {
        started.close();
      }
    }
  }

  /** Which database a pool is on: PostgreSQL or not (H2), and its URL. */
  private record Database(boolean postgres, String url) {

    static Database behind(DataSource dataSource) {
      try (Connection connection = dataSource.getConnection()) {
        DatabaseMetaData database = connection.getMetaData();
        return new Database(
            database.getDatabaseProductName().equalsIgnoreCase("PostgreSQL"), database.getURL());
      } catch (SQLException e) {
        throw new IllegalStateException("could not tell which database this is", e);
      }
    }
  }

  public ApiKeyRepository apiKeys() {
    return apiKeys;
  }

  public ApiRepository apis() {
    return apis;
  }

  public OwnerRepository owners() {
    return owners;
  }

  public GrantRepository grants() {
    return grants;
  }

  public AuditLog auditLog() {
    return auditLog;
  }

  public ApplicationRepository applications() {
    return applications;
  }

  public SigningKeyRepository signingKeys() {
    return signingKeys;
  }

  /** What changed, in commit order, for every node to follow. */
  public ChangeFeed changeFeed() {
    return changeFeed;
  }

  /** The credits of metered keys, spent atomically in the database. */
  public CreditLedger credits() {
    return credits;
  }

  /** The verification counts the usage recorder wrote. */
  public UsageHistory usageHistory() {
    return usageHistory;
  }

  /** The webhooks and their signing secrets as stored. */
  public WebhookRepository webhooks() {
    return webhooks;
  }

  /** The key events waiting to be sent to webhooks, and the log of their deliveries. */
  public Outbox outbox() {
    return outbox;
  }

  /**
   * Whether the database is PostgreSQL: then every node sharing it can count rate limits in it
   * ({@link JdbcRateLimiter}); on H2, one process owns the database and counts them in memory.
   */
  public boolean isPostgres() {
    return postgres;
  }

  /** The transaction that one use case's repository calls join. */
  public UnitOfWork unitOfWork() {
    return transactions;
  }

  /** Whether Hibernate has started: at once when opened for a server, else at the first change. */
  boolean hibernateStarted() {
    return hibernate.started != null;
  }

  /** Whether the database answers right now, for health checks. */
  public boolean ping() {
    try (Connection connection = dataSource.getConnection()) {
      return connection.isValid(2);
    } catch (SQLException e) {
      return false;
    }
  }

  @Override
  public void close() {
    try {
      changeFeed.close();
    } finally {
      hibernate.close();
    }
  }
}
