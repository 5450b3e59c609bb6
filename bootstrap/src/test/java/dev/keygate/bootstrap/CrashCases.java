package dev.keygate.bootstrap;

import static dev.keygate.bootstrap.ReportEntriesOnStandardOutput.entries;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keygate.application.port.in.AddScopeCommand;
import dev.keygate.application.port.in.CreateApiKeyCommand;
import dev.keygate.application.port.in.CreateOrganizationCommand;
import dev.keygate.application.port.in.IssuedApiKey;
import dev.keygate.application.port.in.RegisterApiCommand;
import dev.keygate.application.port.in.VerifyOutcome;
import dev.keygate.domain.api.Api;
import dev.keygate.domain.owner.OrgCode;
import dev.keygate.domain.owner.Owner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.io.TempDir;

/**
 * A child JVM ({@link CrashDriver}) creates, rotates and verifies keys until it is killed with
 * SIGKILL at a moment chosen at random after some progress; then this JVM opens the same database
 * and checks that every key whose call had returned verifies with its latest token, that no row is
 * half-written, that no change is stored without its audit event, and that no more usage was lost
 * than one flush interval holds. {@link CrashOnH2FileTest} and {@link CrashOnPostgresTest} run it
 * on each database.
 */
abstract class CrashCases {

  /** The child's usage flush interval, shorter than the default to keep the run short. */
  static final Duration FLUSH_INTERVAL = Duration.ofMillis(250);

  /**
   * Verifications this close to the kill may be lost: the interval the last ones wait in memory,
   * and twice as long again for a flush that a busy machine starts late or is still committing.
   */
  static final Duration LOSS_WINDOW = FLUSH_INTERVAL.multipliedBy(3);

  private static final String ORG = "org_crash";

  @TempDir Path directory;

  /** Where the child and this JVM find the database. */
  abstract Database database();

  /** A database as both JVMs reach it. */
  record Database(String url, Optional<String> user, Optional<String> password) {

    Keygate open() {
      Keygate.Builder builder = Keygate.builder().jdbcUrl(url).argon2(Deployment.CHEAP);
      user.ifPresent(name -> builder.credentials(name, password.orElse(null)));
      return builder.build();
    }

    Connection connect() throws SQLException {
      return DriverManager.getConnection(url, user.orElse(""), password.orElse(""));
    }
  }

  @Test
  void
      sigkillWhileCreatingAndRotating_everyReturnedKeyVerifies_nothingIsHalfWrittenOrUnaudited_usageLossStaysWithinAFlushInterval(
          TestReporter reporter) throws Exception {
    Prepared prepared = prepare();
    Path journalFile = directory.resolve("journal");
    long killedAt = runDriverAndKillIt(prepared.apiId(), journalFile);
    Journal journal = Journal.read(journalFile);

    Map<String, StoredKey> stored;
    Map<String, Long> rotateEvents;
    try (Connection db = database().connect()) {
      assertNothingHalfWritten(db);
      // Read before anything verifies again and counts usage of its own.
      stored = StoredKey.ofOrganization(db, ORG);
      rotateEvents = succeededEvents(db, "API_KEY_ROTATE");
    }

    // Every key whose create returned is stored; at most the creates in flight added more.
    assertThat(stored.keySet()).containsAll(journal.keys().keySet());
    assertThat(stored.size() - journal.keys().size()).isBetween(0, journal.createsInFlight());
    for (StoredKey key : stored.values()) {
      // No rotation had a grace, so each key holds exactly its current secret.
      assertThat(key.secrets()).as(key.id()).isEqualTo(1);
      assertThat(key.status()).as(key.id()).isEqualTo("ACTIVE");
      if (!journal.keys().containsKey(key.id())) {
        assertThat(key.version()).as(key.id()).isEqualTo(prepared.createdVersion());
        assertThat(key.verifications()).as(key.id()).isZero();
      }
    }
    // A change and its audit event commit together: each rotation stored has its event.
    for (StoredKey key : stored.values()) {
      assertThat(rotateEvents.getOrDefault(key.id(), 0L) * prepared.versionStep())
          .as("rotation events of " + key.id())
          .isEqualTo(key.version() - prepared.createdVersion());
    }
    // One version step per rotation that committed: those that returned, and perhaps the one in
    // flight, which then left a secret whose token nobody was given.
    Set<String> committedInFlight = new HashSet<>();
    for (Key key : journal.keys().values()) {
      long returned = prepared.createdVersion() + key.rotations() * prepared.versionStep();
      long version = stored.get(key.id()).version();
      if (key.rotationInFlight() && version == returned + prepared.versionStep()) {
        committedInFlight.add(key.id());
      } else {
        assertThat(version).as(key.id()).isEqualTo(returned);
      }
    }

    int tokensChecked = 0;
    try (Keygate restarted = database().open()) {
      for (Key key : journal.keys().values()) {
        List<String> tokens = key.tokens();
        VerifyOutcome latest =
            committedInFlight.contains(key.id())
                ? VerifyOutcome.API_KEY_INVALID
                : VerifyOutcome.API_KEY_VERIFIED;
        for (int i = 0; i < tokens.size(); i++) {
          boolean isLatest = i == tokens.size() - 1;
          assertThat(restarted.verify(tokens.get(i), "read:users").outcome())
              .as((isLatest ? "latest" : "rotated-away") + " token of " + key.id())
              .isEqualTo(isLatest ? latest : VerifyOutcome.API_KEY_INVALID);
          tokensChecked++;
        }
      }
    }

    long cutoff = killedAt - LOSS_WINDOW.toMillis();
    long performed = 0;
    long performedBeforeWindow = 0;
    long storedTotal = 0;
    long lost = 0;
    long overcounted = 0;
    for (Key key : journal.keys().values()) {
      long counted = stored.get(key.id()).verifications();
      long before = key.verifiedBefore(cutoff);
      // Every verification made before the window was written...
      assertThat(counted).as("usage of " + key.id()).isGreaterThanOrEqualTo(before);
      lost += Math.max(0, key.verified().size() - counted);
      overcounted += Math.max(0, counted - key.verified().size());
      performed += key.verified().size();
      performedBeforeWindow += before;
      storedTotal += counted;
    }
    // ...and nothing was counted that was not made, but for the one verification that may have
    // returned without its journal line (the driver verifies on one thread).
    assertThat(overcounted).isLessThanOrEqualTo(1);
    assertThat(performedBeforeWindow).as("verifications before the window").isPositive();

    Map<String, Object> counts = new LinkedHashMap<>();
    counts.put("keys created (returned)", journal.keys().size());
    counts.put(
        "rotations returned", journal.keys().values().stream().mapToLong(Key::rotations).sum());
    counts.put("creates in flight at the kill", journal.createsInFlight());
    counts.put(
        "rotations in flight at the kill",
        journal.keys().values().stream().filter(Key::rotationInFlight).count());
    counts.put("of which committed", committedInFlight.size());
    counts.put("tokens checked after restart", tokensChecked);
    counts.put("verifications performed", performed);
    counts.put(
        "performed before the last " + LOSS_WINDOW.toMillis() + " ms", performedBeforeWindow);
    counts.put("verifications stored", storedTotal);
    counts.put("lost", lost);
    counts.put("stored without a journal line (in flight)", overcounted);
    reporter.publishEntry(entries(counts));
  }

  /**
   * Starts the driver, lets it make progress, kills it with SIGKILL a random moment later; answers
   * when it was killed, in epoch milliseconds.
   */
  private long runDriverAndKillIt(String apiId, Path journal) throws Exception {
    Path out = directory.resolve("driver.out");
    Path err = directory.resolve("driver.err");
    Process driver = startDriver(apiId, journal, out, err);
    long killedAt;
    try {
      awaitProgress(driver, journal, err);
      Thread.sleep(ThreadLocalRandom.current().nextLong(LOSS_WINDOW.toMillis()));
      killedAt = System.currentTimeMillis();
    } finally {
      driver.destroyForcibly();
    }
    assertThat(driver.waitFor(1, TimeUnit.MINUTES)).isTrue();
    // 128 + 9: destroyForcibly sent SIGKILL, so nothing of the driver ran after it, no hook.
    assertThat(driver.exitValue()).as(Files.readString(err)).isEqualTo(137);
    String printed = Files.readString(out) + Files.readString(err);
    for (Key key : Journal.read(journal).keys().values()) {
      for (String token : key.tokens()) {
        assertThat(printed.contains(token)).as("a token of " + key.id() + " printed").isFalse();
      }
    }
    return killedAt;
  }

  /** The API, scope and organization the driver uses, and how versions move, learnt on the side. */
  private Prepared prepare() {
    try (Keygate keygate = database().open()) {
      var keys = keygate.useCases();
      var me = keygate.operator();
      Api api = keys.registerApi().register(me, new RegisterApiCommand("Crash API", "crash"));
      keys.addScope().add(me, new AddScopeCommand(api.id(), "read:users", "Read users"));
      keys.createOrganization()
          .create(me, new CreateOrganizationCommand("Crash", Optional.of(new OrgCode(ORG))));
      keys.createOrganization()
          .create(me, new CreateOrganizationCommand("Side", Optional.of(new OrgCode("org_side"))));
      IssuedApiKey side =
          keys.createApiKey()
              .create(
                  me,
                  new CreateApiKeyCommand(
                      "side",
                      api.id(),
                      List.of("read:users"),
                      new Owner.Org(new OrgCode("org_side")),
                      Optional.empty()));
      IssuedApiKey rotated = keys.rotateApiKey().rotate(me, side.key().id(), Duration.ZERO);
      long step = rotated.key().version() - side.key().version();
      assertThat(step).isPositive();
      return new Prepared(api.id().value(), side.key().version(), step);
    }
  }

  private record Prepared(String apiId, long createdVersion, long versionStep) {}

  private Process startDriver(String apiId, Path journal, Path out, Path err) throws IOException {
    Database database = database();
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(CrashDriver.class.getName());
    command.add(database.url());
    command.add(database.user().orElse("-"));
    command.add(database.password().orElse("-"));
    command.add(apiId);
    command.add(ORG);
    command.add(journal.toString());
    command.add(String.valueOf(FLUSH_INTERVAL.toMillis()));
    return new ProcessBuilder(command)
        .directory(directory.toFile())
        .redirectOutput(out.toFile())
        .redirectError(err.toFile())
        .start();
  }

  /**
   * Waits until the driver has created and rotated keys and has verified for twice the loss window,
   * so that the usage bound has verifications to hold for; fails if the driver dies first.
   */
  private static void awaitProgress(Process driver, Path journal, Path err) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
    while (Instant.now().isBefore(deadline)) {
      if (!driver.isAlive()) {
        throw new AssertionError("the driver ended before the kill: " + Files.readString(err));
      }
      if (Files.exists(journal)) {
        Journal progress = Journal.read(journal);
        long rotations = progress.keys().values().stream().mapToLong(Key::rotations).sum();
        if (progress.keys().size() >= 5
            && rotations >= 5
            && progress.firstVerified().isPresent()
            && progress.firstVerified().get()
                < System.currentTimeMillis() - 2 * LOSS_WINDOW.toMillis()) {
          return;
        }
      }
      Thread.sleep(50);
    }
    throw new AssertionError("the driver made too little progress: " + Files.readString(err));
  }

  /** A key as stored, with the number of its secrets. */
  record StoredKey(String id, String status, long version, long verifications, long secrets) {

    /** Every key of {@code orgCode}, by id. */
    static Map<String, StoredKey> ofOrganization(Connection db, String orgCode)
        throws SQLException {
      Map<String, StoredKey> keys = new HashMap<>();
      try (PreparedStatement query =
          db.prepareStatement(
              "select k.id, k.status, k.version, k.verification_count,"
                  + " (select count(*) from key_secrets s where s.api_key_id = k.id)"
                  + " from api_keys k where k.owner_type = 'ORGANIZATION' and k.owner_id = ?")) {
        query.setString(1, orgCode);
        try (ResultSet rows = query.executeQuery()) {
          while (rows.next()) {
            StoredKey key =
                new StoredKey(
                    rows.getString(1),
                    rows.getString(2),
                    rows.getLong(3),
                    rows.getLong(4),
                    rows.getLong(5));
            keys.put(key.id(), key);
          }
        }
      }
      return keys;
    }
  }

  /** How many times each target was the subject of a succeeded {@code action}. */
  private static Map<String, Long> succeededEvents(Connection db, String action)
      throws SQLException {
    Map<String, Long> counts = new HashMap<>();
    try (PreparedStatement query =
        db.prepareStatement(
            "select target, count(*) from audit_events"
                + " where action = ? and outcome = 'SUCCEEDED' group by target")) {
      query.setString(1, action);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          counts.put(rows.getString(1), rows.getLong(2));
        }
      }
    }
    return counts;
  }

  /**
   * Every table, every relation: no row refers to one that is missing, none is incomplete, and no
   * change is stored without its audit event.
   */
  private static void assertNothingHalfWritten(Connection db) throws SQLException {
    Map<String, String> violations = new LinkedHashMap<>();
    violations.put(
        "keys without a secret",
        "select count(*) from api_keys k"
            + " where not exists (select 1 from key_secrets s where s.api_key_id = k.id)");
    violations.put(
        "secrets without a key",
        "select count(*) from key_secrets s"
            + " where not exists (select 1 from api_keys k where k.id = s.api_key_id)");
    violations.put(
        "keys whose secrets are not numbered 0..n-1",
        "select count(*) from (select api_key_id from key_secrets group by api_key_id"
            + " having min(position) <> 0 or max(position) <> count(*) - 1"
            + " or count(distinct position) <> count(*)) t");
    violations.put(
        "keys without a scope",
        "select count(*) from api_keys k"
            + " where not exists (select 1 from api_key_scopes x where x.api_key_id = k.id)");
    violations.put(
        "key scopes without a key",
        "select count(*) from api_key_scopes x"
            + " where not exists (select 1 from api_keys k where k.id = x.api_key_id)");
    violations.put(
        "key scopes without a scope",
        "select count(*) from api_key_scopes x"
            + " where not exists (select 1 from api_scopes s where s.id = x.scope_id)");
    violations.put(
        "key scopes of another api than the key's",
        "select count(*) from api_key_scopes x join api_keys k on k.id = x.api_key_id"
            + " join api_scopes s on s.id = x.scope_id where s.api_id <> k.api_id");
    violations.put(
        "keys of a missing api",
        "select count(*) from api_keys k where not exists (select 1 from apis a where a.id = k.api_id)");
    violations.put(
        "keys of a missing owner",
        "select count(*) from api_keys k where"
            + " (k.owner_type = 'ORGANIZATION'"
            + " and not exists (select 1 from organizations o where o.code = k.owner_id))"
            + " or (k.owner_type = 'USER'"
            + " and not exists (select 1 from users u where u.id = k.owner_id))"
            + " or k.owner_type not in ('ORGANIZATION', 'USER')");
    violations.put(
        "scopes of a missing api",
        "select count(*) from api_scopes s where not exists (select 1 from apis a where a.id = s.api_id)");
    violations.put(
        "keys whose revocation time disagrees with their status",
        "select count(*) from api_keys where (status = 'REVOKED' and revoked_on is null)"
            + " or (status <> 'REVOKED' and revoked_on is not null)"
            + " or status not in ('ACTIVE', 'INACTIVE', 'REVOKED')");
    violations.put(
        "keys whose usage disagrees with itself",
        "select count(*) from api_keys where verification_count < 0"
            + " or (verification_count = 0 and last_verified_on is not null)"
            + " or (verification_count > 0 and last_verified_on is null)");
    violations.put(
        "audit events of created or rotated keys that do not exist",
        "select count(*) from audit_events a where a.outcome = 'SUCCEEDED'"
            + " and a.action in ('API_KEY_CREATE', 'API_KEY_ROTATE')"
            + " and not exists (select 1 from api_keys k where k.id = a.target)");
    violations.put(
        "keys stored without their creation event",
        "select count(*) from api_keys k where not exists (select 1 from audit_events a"
            + " where a.target = k.id and a.action = 'API_KEY_CREATE' and a.outcome = 'SUCCEEDED')");
    violations.put(
        "organizations stored without their creation event",
        "select count(*) from organizations o where not exists (select 1 from audit_events a where a.target = o.code"
            + " and a.action = 'ORGANIZATION_CREATE' and a.outcome = 'SUCCEEDED')");
    violations.put(
        "migrations that did not succeed",
        "select count(*) from \"flyway_schema_history\" where not \"success\"");
    Map<String, Long> found = new LinkedHashMap<>();
    for (Map.Entry<String, String> check : violations.entrySet()) {
      try (PreparedStatement query = db.prepareStatement(check.getValue());
          ResultSet row = query.executeQuery()) {
        row.next();
        found.put(check.getKey(), row.getLong(1));
      }
    }
    assertThat(found).allSatisfy((violation, count) -> assertThat(count).as(violation).isZero());
  }

  /** One key of the driver's, as the journal tells it. */
  static final class Key {

    private final String id;
    private final List<String> tokens = new ArrayList<>();
    private final List<Long> verified = new ArrayList<>();
    private boolean rotationInFlight;

    Key(String id, String token) {
      this.id = id;
      tokens.add(token);
    }

    String id() {
      return id;
    }

    /** The token it was created with, then each token a rotation returned. */
    List<String> tokens() {
      return tokens;
    }

    long rotations() {
      return tokens.size() - 1;
    }

    boolean rotationInFlight() {
      return rotationInFlight;
    }

    /** When each counted verification returned, in epoch milliseconds. */
    List<Long> verified() {
      return verified;
    }

    long verifiedBefore(long epochMillis) {
      return verified.stream().filter(at -> at < epochMillis).count();
    }
  }

  /** The driver's journal, read to its last whole line. */
  record Journal(Map<String, Key> keys, int createsInFlight, Optional<Long> firstVerified) {

    static Journal read(Path file) throws IOException {
      String text = Files.readString(file, StandardCharsets.US_ASCII);
      // A line is written with one call; still, only whole lines count.
      String whole = text.substring(0, text.lastIndexOf('\n') + 1);
      Map<String, Key> keys = new LinkedHashMap<>();
      int creating = 0;
      int created = 0;
      Optional<Long> firstVerified = Optional.empty();
      for (String line : whole.lines().toList()) {
        String[] word = line.split(" ");
        switch (word[0]) {
          case "creating" -> creating++;
          case "created" -> {
            created++;
            keys.put(word[2], new Key(word[2], word[3]));
          }
          case "rotating" -> keys.get(word[1]).rotationInFlight = true;
          case "rotated" -> {
            Key key = keys.get(word[1]);
            key.tokens.add(word[2]);
            key.rotationInFlight = false;
          }
          case "verified" -> {
            long at = Long.parseLong(word[2]);
            keys.get(word[1]).verified.add(at);
            firstVerified = firstVerified.isPresent() ? firstVerified : Optional.of(at);
          }
          case "started" -> {}
          default -> throw new AssertionError("unexpected journal line: " + word[0]);
        }
      }
      return new Journal(keys, creating - created, firstVerified);
    }
  }
}
