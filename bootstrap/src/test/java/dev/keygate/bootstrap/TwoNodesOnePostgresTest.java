package dev.keygate.bootstrap;

import static dev.keygate.bootstrap.FeedWaits.awaitBehind;
import static dev.keygate.bootstrap.FeedWaits.awaitFeedRead;
import static dev.keygate.domain.policy.IpAllowlist.ANYWHERE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.keygate.adapter.crypto.Argon2Parameters;
import dev.keygate.application.port.in.AddScopeCommand;
import dev.keygate.application.port.in.CreateApiKeyCommand;
import dev.keygate.application.port.in.CreateOrganizationCommand;
import dev.keygate.application.port.in.IssuedApiKey;
import dev.keygate.application.port.in.RegisterApiCommand;
import dev.keygate.application.port.in.VerifyOutcome;
import dev.keygate.domain.api.Api;
import dev.keygate.domain.owner.OrgCode;
import dev.keygate.domain.owner.Owner;
import dev.keygate.domain.policy.Credits;
import dev.keygate.domain.policy.RateLimit;
import dev.keygate.domain.policy.UsagePolicy;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two Keygate nodes, each with its own pool, caches and usage recorder, sharing one real
 * PostgreSQL: what one node changes, a strict node sees on its next verification and a following
 * node once it has read the change feed (or, behind it, on its next verification again), and usage
 * counted on both adds up.
 */
class TwoNodesOnePostgresTest {

  private static final Argon2Parameters CHEAP = new Argon2Parameters(256, 1, 1);

  private static EmbeddedPostgres postgres;

  @BeforeAll
  static void startPostgres() throws Exception {
    postgres = EmbeddedPostgres.builder().start();
  }

  @AfterAll
  static void stopPostgres() throws Exception {
    postgres.close();
  }

  private static Keygate.Builder builder() {
    return Keygate.builder()
        .jdbcUrl(postgres.getJdbcUrl("postgres", "postgres"))
        .credentials("postgres", "postgres")
        .argon2(CHEAP);
  }

  /** A node that verifies strictly. */
  private static Keygate node() {
    return builder().verifyStrictly().build();
  }

  /** A node that follows the change feed, reading it every {@code poll} when nothing wakes it. */
  private static Keygate following(Duration bound, Duration poll) {
    return builder().followChanges(bound, poll).build();
  }

  @Test
  void strict_revokeOnOneNode_isAnsweredRevokedByTheOthersNextVerify() {
    try (Keygate a = node();
        Keygate b = node()) {
      IssuedApiKey issued = issueKey(a, "revocation");
      String token = issued.token().reveal();
      assertThat(b.verify(token, "read:users").outcome()).isEqualTo(VerifyOutcome.API_KEY_VERIFIED);
      assertThat(b.verify(token, "read:users").outcome()).isEqualTo(VerifyOutcome.API_KEY_VERIFIED);

      a.useCases().revokeApiKey().revoke(a.operator(), issued.key().id());

      assertThat(b.verify(token, "read:users").outcome()).isEqualTo(VerifyOutcome.API_KEY_REVOKED);
    }
  }

  @Test
  void strict_everyChangeOnOneNode_isAnsweredByTheOthersNextVerify() {
    try (Keygate a = node();
        Keygate b = node()) {
      IssuedApiKey issued = issueKey(a, "changes");
      String token = issued.token().reveal();
      var id = issued.key().id();
      assertThat(b.verify(token, "read:users").outcome()).isEqualTo(VerifyOutcome.API_KEY_VERIFIED);

      a.useCases().disableApiKey().disable(a.operator(), id);
      assertThat(b.verify(token).outcome()).isEqualTo(VerifyOutcome.API_KEY_INACTIVE);

      a.useCases().enableApiKey().enable(a.operator(), id);
      assertThat(b.verify(token).outcome()).isEqualTo(VerifyOutcome.API_KEY_VERIFIED);

      IssuedApiKey rotated = a.useCases().rotateApiKey().rotate(a.operator(), id, Duration.ZERO);
      assertThat(b.verify(token).outcome()).isEqualTo(VerifyOutcome.API_KEY_INVALID);
      assertThat(b.verify(rotated.token().reveal(), "read:users").outcome())
          .isEqualTo(VerifyOutcome.API_KEY_VERIFIED);

      var api = a.useCases().getApi().get(a.operator(), issued.key().apiId());
      var scope = api.scopes().stream().filter(s -> s.key().equals("read:users")).findFirst();
      a.useCases().deleteScope().delete(a.operator(), api.api().id(), scope.orElseThrow().id());
      assertThat(b.verify(rotated.token().reveal(), "read:users").outcome())
          .isEqualTo(VerifyOutcome.API_KEY_INSUFFICIENT_SCOPE);
    }
  }

  @Test
  void stateCacheOn_revokeOnOneNode_isSeenByTheOtherWithinTheTtl_andAtOnceOnItsOwn()
      throws InterruptedException {
    Duration ttl = Duration.ofSeconds(3);
    try (Keygate a = node();
        Keygate b = nodeWithStateCache(ttl);
        Keygate c = nodeWithStateCache(ttl)) {
      IssuedApiKey issued = issueKey(a, "ttl");
      String token = issued.token().reveal();
      assertThat(b.verify(token).outcome()).isEqualTo(VerifyOutcome.API_KEY_VERIFIED);
      assertThat(c.verify(token).outcome()).isEqualTo(VerifyOutcome.API_KEY_VERIFIED);
      long revokedAt = System.nanoTime();

      a.useCases().revokeApiKey().revoke(a.operator(), issued.key().id());

      // The trade the state cache makes: B answers from memory until the TTL has passed...
      VerifyOutcome first = b.verify(token).outcome();
      boolean withinTtl = System.nanoTime() - revokedAt < ttl.toNanos();
      if (withinTtl) {
        assertThat(first).isEqualTo(VerifyOutcome.API_KEY_VERIFIED);
      }
      // ...and then sees the revoke: polled, never later than the TTL plus a margin for slow CI.
      long deadline = revokedAt + ttl.plusSeconds(10).toNanos();
      VerifyOutcome seen = first;
      while (seen != VerifyOutcome.API_KEY_REVOKED && System.nanoTime() < deadline) {
        Thread.sleep(100);
        seen = b.verify(token).outcome();
      }
      assertThat(seen).isEqualTo(VerifyOutcome.API_KEY_REVOKED);
    }
  }

  @Test
  void stateCacheOn_aChangeMadeOnTheSameNode_isSeenAtOnce() {
    try (Keygate b = nodeWithStateCache(Duration.ofHours(1))) {
      IssuedApiKey issued = issueKey(b, "local");
      String token = issued.token().reveal();
      assertThat(b.verify(token).outcome()).isEqualTo(VerifyOutcome.API_KEY_VERIFIED);

      b.useCases().revokeApiKey().revoke(b.operator(), issued.key().id());

      assertThat(b.verify(token).outcome()).isEqualTo(VerifyOutcome.API_KEY_REVOKED);
    }
  }

  private static Keygate nodeWithStateCache(Duration ttl) {
    return builder().stateCacheTtl(ttl).build();
  }

  @Test
  void concurrentVerificationsOnBothNodes_areAllCountedAfterClose() throws Exception {
    IssuedApiKey issued;
    Keygate a = node();
    Keygate b = node();
    try {
      issued = issueKey(a, "usage");
      String token = issued.token().reveal();
      ExecutorService threads = Executors.newFixedThreadPool(8);
      List<Future<Integer>> verified = new ArrayList<>();
      for (int thread = 0; thread < 8; thread++) {
        Keygate target = thread % 2 == 0 ? a : b;
        Callable<Integer> work =
            () -> {
              int ok = 0;
              for (int i = 0; i < 250; i++) {
                ok += target.verify(token, "read:users").isValid() ? 1 : 0;
              }
              return ok;
            };
        verified.add(threads.submit(work));
      }
      int total = 0;
      for (Future<Integer> done : verified) {
        total += done.get(2, TimeUnit.MINUTES);
      }
      threads.shutdown();
      assertThat(total).isEqualTo(2_000);
    } finally {
      a.close();
      b.close();
    }

    try (Keygate reader = node()) {
      assertThat(
              reader
                  .useCases()
                  .getApiKey()
                  .get(reader.operator(), issued.key().id())
                  .usage()
                  .verificationCount())
          .isEqualTo(2_000);
    }
  }

  @Test
  void aHundredCredits_spentConcurrentlyOnBothNodes_areSpentExactlyOnce() throws Exception {
    UsagePolicy metered =
        new UsagePolicy(List.of(), Optional.of(new Credits(100, Optional.empty())), ANYWHERE);
    try (Keygate a = node();
        Keygate b = node()) {
      IssuedApiKey issued = issueKey(a, "credits", metered);

      int valid = verifyConcurrently(a, b, issued.token().reveal(), 1_000);

      assertThat(valid).isEqualTo(100);
      assertThat(b.verify(issued.token().reveal()).outcome())
          .isEqualTo(VerifyOutcome.API_KEY_USAGE_EXCEEDED);
      assertThat(
              a.useCases()
                  .getApiKey()
                  .get(a.operator(), issued.key().id())
                  .policy()
                  .credits()
                  .orElseThrow()
                  .remaining())
          .isZero();
    }
  }

  @Test
  void aRateLimit_usedConcurrentlyOnBothNodes_letsExactlyItsLimitThrough() throws Exception {
    // the longest window there is, 366 days: the test runs across its end once in a year
    UsagePolicy limited =
        new UsagePolicy(
            List.of(new RateLimit("long", 60, RateLimit.MAX_DURATION)), Optional.empty(), ANYWHERE);
    try (Keygate a = node();
        Keygate b = node()) {
      IssuedApiKey issued = issueKey(a, "limited", limited);

      int valid = verifyConcurrently(a, b, issued.token().reveal(), 400);

      assertThat(valid).isEqualTo(60);
      assertThat(a.verify(issued.token().reveal()).outcome())
          .isEqualTo(VerifyOutcome.API_KEY_RATE_LIMITED);
    }
  }

  /** Verifies {@code token} that many times, on four threads, alternating between two nodes. */
  private static int verifyConcurrently(Keygate a, Keygate b, String token, int times)
      throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(4);
    try {
      List<Future<Integer>> valid = new ArrayList<>();
      for (int thread = 0; thread < 4; thread++) {
        Keygate target = thread % 2 == 0 ? a : b;
        valid.add(
            threads.submit(
                () -> {
                  int ok = 0;
                  for (int i = 0; i < times / 4; i++) {
                    ok += target.verify(token).isValid() ? 1 : 0;
                  }
                  return ok;
                }));
      }
      int total = 0;
      for (Future<Integer> done : valid) {
        total += done.get(2, TimeUnit.MINUTES);
      }
      return total;
    } finally {
      threads.shutdown();
    }
  }

  @Test
  void follow_everyChangeOnOneNode_isAnsweredByTheOther_onceItHasReadTheFeed() {
    try (Keygate a = node();
        Keygate b = following(Duration.ofMillis(250), Duration.ofMillis(100))) {
      IssuedApiKey issued = issueKey(a, "follow");
      String token = issued.token().reveal();
      var id = issued.key().id();
      assertThat(b.verify(token, "read:users").outcome()).isEqualTo(VerifyOutcome.API_KEY_VERIFIED);

      a.useCases().disableApiKey().disable(a.operator(), id);
      awaitFeedRead(b, a);
      assertThat(b.verify(token).outcome()).isEqualTo(VerifyOutcome.API_KEY_INACTIVE);

      a.useCases().enableApiKey().enable(a.operator(), id);
      awaitFeedRead(b, a);
      assertThat(b.verify(token, "read:users").outcome()).isEqualTo(VerifyOutcome.API_KEY_VERIFIED);

      var api = a.useCases().getApi().get(a.operator(), issued.key().apiId());
      var scope = api.scopes().stream().filter(s -> s.key().equals("read:users")).findFirst();
      a.useCases().deleteScope().delete(a.operator(), api.api().id(), scope.orElseThrow().id());
      awaitFeedRead(b, a);
      assertThat(b.verify(token, "read:users").outcome())
          .isEqualTo(VerifyOutcome.API_KEY_INSUFFICIENT_SCOPE);

      a.useCases().revokeApiKey().revoke(a.operator(), id);
      awaitFeedRead(b, a);
      assertThat(b.verify(token).outcome()).isEqualTo(VerifyOutcome.API_KEY_REVOKED);
    }
  }

  @Test
  void follow_aChangeIsAnnounced_soANodeThatPollsOnlyEveryMinuteReadsItAtOnce() {
    // Polled once a minute: only LISTEN/NOTIFY wakes B before the wait below runs out.
    try (Keygate a = node();
        Keygate b = following(Duration.ofMinutes(2), Duration.ofMinutes(1))) {
      IssuedApiKey issued = issueKey(a, "notify");
      String token = issued.token().reveal();
      awaitFeedRead(b, a);
      assertThat(b.verify(token).outcome()).isEqualTo(VerifyOutcome.API_KEY_VERIFIED);

      a.useCases().revokeApiKey().revoke(a.operator(), issued.key().id());

      awaitFeedRead(b, a);
      assertThat(b.verify(token).outcome()).isEqualTo(VerifyOutcome.API_KEY_REVOKED);
    }
  }

  @Test
  void follow_aNotificationLostWithItsListener_isRecoveredByTheCatchUpQuery() throws Exception {
    // Polled every 2 s: the revoke below is announced while B has no listener, and B reads it
    // with its next catch-up query.
    try (Keygate a = node();
        Keygate b = following(Duration.ofSeconds(30), Duration.ofSeconds(2))) {
      IssuedApiKey issued = issueKey(a, "lost");
      String token = issued.token().reveal();
      assertThat(b.verify(token).outcome()).isEqualTo(VerifyOutcome.API_KEY_VERIFIED);
      awaitListening();

      dropListeners();
      a.useCases().revokeApiKey().revoke(a.operator(), issued.key().id());

      awaitFeedRead(b, a);
      assertThat(b.verify(token).outcome()).isEqualTo(VerifyOutcome.API_KEY_REVOKED);
    }
  }

  @Test
  void follow_aNodeCutOffFromTheFeed_verifiesStrictlyOnceItIsBehindTheBound() throws Exception {
    try (Keygate a = node();
        Keygate b = following(Duration.ofMillis(200), Duration.ofMillis(50))) {
      IssuedApiKey issued = issueKey(a, "cut");
      String token = issued.token().reveal();
      assertThat(b.verify(token).outcome()).isEqualTo(VerifyOutcome.API_KEY_VERIFIED);

      b.node().stopFollowing();
      awaitBehind(b);
      a.useCases().revokeApiKey().revoke(a.operator(), issued.key().id());

      // B never reads the feed again, yet refuses the key at once: it reads the key's version.
      assertThat(b.verify(token).outcome()).isEqualTo(VerifyOutcome.API_KEY_REVOKED);
      assertThat(b.node().changeFollower().position()).isLessThan(a.node().latestChange());
    }
  }

  @Test
  void follow_aNodeThatCannotReachTheDatabase_answersAsAStrictNodeDoes() {
    Keygate follower = following(Duration.ofMillis(200), Duration.ofMillis(50));
    Keygate strict = node();
    try (Keygate a = node()) {
      IssuedApiKey issued = issueKey(a, "gone");
      String token = issued.token().reveal();
      awaitFeedRead(follower, a);
      // Twice: the first verification may overlap the feed's news of the key's creation, and a
      // key read meanwhile is not remembered.
      assertThat(follower.verify(token).outcome()).isEqualTo(VerifyOutcome.API_KEY_VERIFIED);
      assertThat(follower.verify(token).outcome()).isEqualTo(VerifyOutcome.API_KEY_VERIFIED);
      assertThat(strict.verify(token).outcome()).isEqualTo(VerifyOutcome.API_KEY_VERIFIED);

      follower.node().ownPool().orElseThrow().close();
      strict.node().ownPool().orElseThrow().close();
      awaitBehind(follower);

      Throwable fromStrict = catchThrowable(() -> strict.verify(token));
      Throwable fromFollower = catchThrowable(() -> follower.verify(token));
      assertThat(fromStrict).isNotNull();
      assertThat(fromFollower).isInstanceOf(fromStrict.getClass());
      assertThat(fromFollower).hasMessage(fromStrict.getMessage());
    } finally {
      // Without their database, neither can write the usage it still holds.
      catchThrowable(follower::close);
      catchThrowable(strict::close);
    }
  }

  /** Waits, bounded, until some session listens for changes. */
  private static void awaitListening() {
    FeedWaits.awaitTrue(() -> listeners() > 0);
    assertThat(listeners()).isPositive();
  }

  private static int listeners() {
    try (Connection connection = postgres.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "select count(*) from pg_stat_activity where query = 'listen keygate_changes'")) {
      rows.next();
      return rows.getInt(1);
    } catch (SQLException e) {
      throw new IllegalStateException("could not count the listening sessions", e);
    }
  }

  /** Ends every listening session from the database's side, as a dropped connection would. */
  private static void dropListeners() throws SQLException {
    try (Connection connection = postgres.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(
          "select pg_terminate_backend(pid) from pg_stat_activity"
              + " where query = 'listen keygate_changes'");
    }
    FeedWaits.awaitTrue(() -> listeners() == 0);
  }

  private static IssuedApiKey issueKey(Keygate node, String name) {
    return issueKey(node, name, UsagePolicy.NONE);
  }

  private static IssuedApiKey issueKey(Keygate node, String name, UsagePolicy policy) {
    Api api =
        node.useCases()
            .registerApi()
            .register(node.operator(), new RegisterApiCommand("Users " + name, "users-" + name));
    node.useCases()
        .addScope()
        .add(node.operator(), new AddScopeCommand(api.id(), "read:users", "Read users"));
    node.useCases()
        .createOrganization()
        .create(
            node.operator(),
            new CreateOrganizationCommand("Acme", Optional.of(new OrgCode("org_" + name))));
    return node.useCases()
        .createApiKey()
        .create(
            node.operator(),
            new CreateApiKeyCommand(
                "Production Integration",
                api.id(),
                List.of("read:users"),
                new Owner.Org(new OrgCode("org_" + name)),
                Optional.empty(),
                policy));
  }
}
