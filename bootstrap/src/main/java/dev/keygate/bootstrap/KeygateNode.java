package dev.keygate.bootstrap;

import com.zaxxer.hikari.HikariDataSource;
import dev.keygate.adapter.crypto.Argon2Parameters;
import dev.keygate.adapter.crypto.Argon2SecretHasher;
import dev.keygate.adapter.crypto.NimbusAccessTokens;
import dev.keygate.adapter.crypto.SecureRandomKeyGenerator;
import dev.keygate.adapter.memory.Bucket4jCreationQuota;
import dev.keygate.adapter.memory.Bucket4jFailedAttempts;
import dev.keygate.adapter.memory.CaffeineKeyStateCache;
import dev.keygate.adapter.memory.CaffeineVerifiedSecretCache;
import dev.keygate.adapter.memory.LocalRateLimiter;
import dev.keygate.adapter.metrics.MicrometerVerificationMetrics;
import dev.keygate.adapter.persistence.DataSources;
import dev.keygate.adapter.persistence.EmbeddedDatabase;
import dev.keygate.adapter.persistence.JdbcDeploymentLock;
import dev.keygate.adapter.persistence.JdbcRateLimiter;
import dev.keygate.adapter.persistence.JpaPersistence;
import dev.keygate.adapter.persistence.WriteBehindUsageRecorder;
import dev.keygate.adapter.webhook.HttpWebhookSender;
import dev.keygate.application.port.in.KeygateUseCases;
import dev.keygate.application.port.out.OutgoingPorts;
import dev.keygate.application.port.out.VerificationMetrics;
import dev.keygate.application.service.AccessTokenSettings;
import dev.keygate.application.service.ChangeFollower;
import dev.keygate.application.service.KeygateServices;
import dev.keygate.application.service.VerifyMode;
import dev.keygate.application.service.WebhookDelivery;
import dev.keygate.domain.token.KeyPrefix;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Keygate node wired by hand: the database and its storage, the usage recorder, the hasher, the
 * verification caches, the failed-attempt limit and every use case on top. The embedding facade and
 * the server are both built on it, so there is one wiring to read.
 */
final class KeygateNode implements AutoCloseable {

  static final Duration DEFAULT_VERIFIED_TOKEN_TTL = Duration.ofMinutes(5);
  static final long DEFAULT_VERIFIED_TOKEN_CAPACITY = 100_000;
  static final Duration DEFAULT_USAGE_FLUSH_INTERVAL = Duration.ofSeconds(1);
  static final long DEFAULT_KEY_STATE_CAPACITY = 100_000;

  private static final Logger LOG = LoggerFactory.getLogger(KeygateNode.class);

  private final KeygateServices useCases;
  private final JpaPersistence persistence;
  private final WriteBehindUsageRecorder usage;
  private final Optional<HikariDataSource> ownPool;
  private final Optional<Thread> following;
  private final Duration deliveryPoll;
  private ScheduledExecutorService delivering;

  private KeygateNode(
      KeygateServices useCases,
      JpaPersistence persistence,
      WriteBehindUsageRecorder usage,
      Optional<HikariDataSource> ownPool,
      Optional<Thread> following,
      Duration deliveryPoll) {
    this.useCases = useCases;
    this.deliveryPoll = deliveryPoll;
    this.persistence = persistence;
    this.usage = usage;
    this.ownPool = ownPool;
    this.following = following;
  }

  /**
   * Where a node keeps its data: a database named by its JDBC URL, Keygate's own embedded database,
   * or a pool of the host's.
   */
  sealed interface Storage {

    /** A database named by its JDBC URL, with the credentials configured for it, if any. */
    record Jdbc(String url, Optional<String> user, Optional<String> password) implements Storage {
      public Jdbc {
        Objects.requireNonNull(url, "jdbc url");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
      }

      /** The URL and the user; never the password. */
      @Override
      public String toString() {
        return "Jdbc[" + url + ", user " + user.orElse("(none)") + "]";
      }
    }

    /**
     * Keygate's own H2 database in {@code directory}, made its owner's alone, with the credentials
     * it keeps there.
     */
    record Embedded(Path directory) implements Storage {
      public Embedded {
        Objects.requireNonNull(directory, "directory");
      }
    }

    /** A pool of the host's own, which stays the host's to close. */
    record HostPool(DataSource dataSource) implements Storage {
      public HostPool {
        Objects.requireNonNull(dataSource, "data source");
      }
    }
  }

  /**
   * What a node is made of.
   *
   * @param signingKeyEncryption the key the private halves of signing keys are stored encrypted
   *     under; stored plain when empty
   * @param meters where verifications are counted; nothing is counted when empty
   */
  record Settings(
      Storage storage,
      KeyPrefix keyPrefix,
      Argon2Parameters argon2,
      Clock clock,
      Duration verifiedTokenTtl,
      long verifiedTokenCapacity,
      Duration usageFlushInterval,
      VerificationOptions verification,
      TenantOptions tenants,
      Duration accessTokenTtl,
      Optional<KeyEncryptionKey> signingKeyEncryption,
      WebhookOptions webhooks,
      Optional<MeterRegistry> meters) {

    Settings {
      Objects.requireNonNull(storage, "storage");
      Objects.requireNonNull(keyPrefix, "key prefix");
      Objects.requireNonNull(argon2, "argon2 parameters");
      Objects.requireNonNull(clock, "clock");
      Objects.requireNonNull(verifiedTokenTtl, "verified token ttl");
      Objects.requireNonNull(usageFlushInterval, "usage flush interval");
      Objects.requireNonNull(verification, "verification options");
      Objects.requireNonNull(tenants, "tenant options");
      Objects.requireNonNull(accessTokenTtl, "access token ttl");
      Objects.requireNonNull(signingKeyEncryption, "signing key encryption");
      Objects.requireNonNull(webhooks, "webhook options");
      Objects.requireNonNull(meters, "meters");
    }

    /** These settings verifying strictly, as a command that verifies once and exits does. */
    Settings verifyingStrictly() {
      return new Settings(
          storage,
          keyPrefix,
          argon2,
          clock,
          verifiedTokenTtl,
          verifiedTokenCapacity,
          usageFlushInterval,
          verification.strict(),
          tenants,
          accessTokenTtl,
          signingKeyEncryption,
          webhooks,
          meters);
    }
  }

  /** Opens the database (migrating it if needed) and wires the node together. */
  static KeygateNode open(Settings settings) {
    return open(settings, JpaPersistence::open);
  }

  /**
   * {@link #open} for one command that exits when done: Hibernate starts only if the command
   * changes something, so a command that only reads answers without waiting for it.
   */
  static KeygateNode openForOneCommand(Settings settings) {
    return open(settings, JpaPersistence::openForOneCommand);
  }

  private static KeygateNode open(
      Settings settings, Function<DataSource, JpaPersistence> storageOpening) {
    WebhookOptions webhooks = settings.webhooks();
    Optional<HikariDataSource> ownPool = openPool(settings.storage());
    DataSource database =
        settings.storage() instanceof Storage.HostPool host ? host.dataSource() : ownPool.get();
    JpaPersistence persistence;
    try {
      persistence = storageOpening.apply(database);
    } catch (RuntimeException e) {
      ownPool.ifPresent(HikariDataSource::close);
      throw e;
    }
    WriteBehindUsageRecorder usage =
        new WriteBehindUsageRecorder(database, settings.usageFlushInterval(), settings.clock());
    VerificationMetrics metrics =
        settings
            .meters()
            .<VerificationMetrics>map(MicrometerVerificationMetrics::new)
            .orElse(VerificationMetrics.NONE);
    OutgoingPorts ports =
        new OutgoingPorts(
            persistence.apiKeys(),
            persistence.apis(),
            persistence.owners(),
            persistence.grants(),
            persistence.auditLog(),
            usage,
            new Argon2SecretHasher(settings.argon2()),
            new SecureRandomKeyGenerator(),
            new CaffeineVerifiedSecretCache(
                settings.verifiedTokenTtl(), settings.verifiedTokenCapacity()),
            new CaffeineKeyStateCache(
                settings.verification().keyStateTtl(), DEFAULT_KEY_STATE_CAPACITY),
            persistence.changeFeed(),
            new Bucket4jFailedAttempts(
                settings.verification().failedAttemptsPerMinute(),
                Duration.ofMinutes(1),
                Bucket4jFailedAttempts.DEFAULT_CAPACITY),
            new Bucket4jCreationQuota(
                settings.tenants().keyCreationsPerMinute(), Bucket4jCreationQuota.DEFAULT_CAPACITY),
            metrics,
            new JdbcDeploymentLock(database),
            persistence.unitOfWork(),
            persistence.applications(),
            persistence.signingKeys(),
            settings
                .signingKeyEncryption()
                .map(key -> new NimbusAccessTokens(key.bytes()))
                .orElseGet(NimbusAccessTokens::new),
            // Shared by every node on PostgreSQL; on H2, one process owns the database.
            persistence.isPostgres() ? new JdbcRateLimiter(database) : new LocalRateLimiter(),
            persistence.credits(),
            persistence.usageHistory(),
            persistence.webhooks(),
            persistence.outbox(),
            settings
                .signingKeyEncryption()
                .map(key -> new HttpWebhookSender(webhooks.settings().sendTimeout(), key.bytes()))
                .orElseGet(() -> new HttpWebhookSender(webhooks.settings().sendTimeout())),
            webhooks.scanning());
    KeygateServices useCases =
        new KeygateServices(
            ports,
            settings.keyPrefix(),
            settings.clock(),
            settings.verification().settings(),
            settings.tenants().limits(),
            new AccessTokenSettings(settings.accessTokenTtl()),
            webhooks.settings());
    Optional<Thread> following =
        settings.verification().mode() == VerifyMode.FOLLOW
            ? Optional.of(follow(useCases.changeFollower(), settings.verification().followPoll()))
            : Optional.empty();
    return new KeygateNode(useCases, persistence, usage, ownPool, following, webhooks.poll());
  }

  /** Starts following the change feed on a daemon thread of its own. */
  private static Thread follow(ChangeFollower follower, Duration poll) {
    Thread thread =
        new Thread(
            () ->
                follower.follow(
                    poll,
                    failed ->
                        LOG.warn(
                            "The change feed cannot be read ({}); verifying strictly until it can",
                            failed.getMessage()),
                    () -> LOG.info("The change feed is read again; verifying from memory")),
            "keygate-change-feed");
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  /** Removes expired portal links' keys; a failure waits for the next hour, saying why. */
  private void sweepPortalLinks() {
    try {
      useCases.sweepPortalLinks().sweep();
    } catch (RuntimeException e) {
      LOG.warn("Expired portal links' keys cannot be removed right now ({})", e.getMessage());
    }
  }

  /**
   * Starts delivering webhooks and sending expiry notices on a daemon thread of its own, as a
   * server and an embedding application do; a command that runs once and exits leaves its events in
   * the outbox for them. Several nodes may deliver from one database: each delivery is claimed by
   * one.
   */
  synchronized void startDelivering() {
    if (delivering != null) {
      return;
    }
    delivering =
        Executors.newSingleThreadScheduledExecutor(
            work -> {
              Thread thread = new Thread(work, "keygate-webhooks");
              thread.setDaemon(true);
              return thread;
            });
    WebhookDelivery delivery = useCases.webhookDelivery();
    // Deliveries are looked for at every poll; expiry notices, which read every key expiring
    // within the notice period, once a minute; the log is pruned once an hour.
    long minute = Math.max(1, Duration.ofMinutes(1).toMillis() / deliveryPoll.toMillis());
    long hour = Math.max(1, Duration.ofHours(1).toMillis() / deliveryPoll.toMillis());
    long[] rounds = {0};
    boolean[] failing = {false};
    delivering.scheduleWithFixedDelay(
        () -> {
          try {
            long round = rounds[0]++;
            if (round % minute == 0) {
              delivery.noticeExpiries();
            }
            delivery.deliverDue();
            if (round % hour == 0) {
              delivery.prune();
              sweepPortalLinks();
            }
            if (failing[0]) {
              LOG.info("Webhooks are delivered again");
              failing[0] = false;
            }
          } catch (RuntimeException e) {
            if (!failing[0]) {
              LOG.warn("Webhooks cannot be delivered right now ({}); trying again", e.getMessage());
              failing[0] = true;
            }
          }
        },
        0,
        deliveryPoll.toMillis(),
        TimeUnit.MILLISECONDS);
  }

  private synchronized void stopDelivering() {
    if (delivering == null) {
      return;
    }
    delivering.shutdownNow();
    try {
      delivering.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The pool a node opens on its storage, unless the host brought its own. */
  private static Optional<HikariDataSource> openPool(Storage storage) {
    if (storage instanceof Storage.Jdbc jdbc) {
      return Optional.of(
          DataSources.pool(jdbc.url(), jdbc.user().orElse(null), jdbc.password().orElse(null)));
    }
    if (storage instanceof Storage.Embedded embedded) {
      return Optional.of(EmbeddedDatabase.open(embedded.directory()).pool());
    }
    return Optional.empty();
  }

  /** Every use case; each takes the acting principal. */
  KeygateUseCases useCases() {
    return useCases;
  }

  /** Whether the database answers right now. */
  boolean isDatabaseUp() {
    return persistence.ping();
  }

  /** The pool this node opened, if it opened one; for tests that take the database away. */
  Optional<HikariDataSource> ownPool() {
    return ownPool;
  }

  /** The number of the latest change committed to this node's database; for tests. */
  long latestChange() {
    return persistence.changeFeed().latest();
  }

  /** What follows the change feed for this node; it runs in {@link VerifyMode#FOLLOW} only. */
  ChangeFollower changeFollower() {
    return useCases.changeFollower();
  }

  /**
   * Stops following the change feed, as when the following thread died: from the bound on, this
   * node verifies strictly. For tests.
   */
  void stopFollowing() {
    following.ifPresent(KeygateNode::stop);
  }

  private static void stop(Thread thread) {
    thread.interrupt();
    try {
      thread.join(Duration.ofSeconds(5).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Stops following the feed, writes the pending usage counts, then releases the database. */
  @Override
  public void close() {
    stopDelivering();
    stopFollowing();
    try {
      usage.close();
    } finally {
      try {
        persistence.close();
      } finally {
        ownPool.ifPresent(HikariDataSource::close);
      }
    }
  }
}
