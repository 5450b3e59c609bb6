package dev.keygate.bootstrap;

import static dev.keygate.bootstrap.ReportEntriesOnStandardOutput.entries;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keygate.bootstrap.ServingKeygate.Answer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;

/**
 * Fifty calls at once on one key or one name, over HTTP against a real server, released together by
 * a latch so that they overlap: every answer is a success or a 409 in the API's error shape (never
 * a 500), and what is stored afterwards is a state the calls could legally have reached one after
 * the other. {@link RaceOnH2FileTest} and {@link RaceOnPostgresTest} run these cases on each
 * database, whose optimistic locking fails differently.
 */
abstract class RaceCases {

  static final int CALLS = 50;

  private static final String KEYS = "/api/v1/api_keys";

  private String apiId;
  private String orgCode;

  /** The server under test, shared by the cases of a class. */
  abstract ServingKeygate server();

  /** A new connection to the server's database, to read what it stored. */
  abstract Connection database() throws SQLException;

  /** The root key the server printed on its empty database. */
  String root() {
    return server().printedTokens().get(0);
  }

  @BeforeEach
  void registerAnApiAndAnOrganization() {
    String name = UUID.randomUUID().toString().substring(0, 8);
    apiId =
        server()
            .post(
                "/api/v1/apis",
                "{\"name\":\"Race " + name + "\",\"audience\":\"race-" + name + "\"}",
                root())
            .hasStatus(200)
            .text("/api/id");
    server()
        .post("/api/v1/apis/" + apiId + "/scopes", "{\"key\":\"read:users\"}", root())
        .hasStatus(200);
    orgCode =
        server()
            .post(
                "/api/v1/organization",
                "{\"name\":\"Race\",\"code\":\"org_race_" + name + "\"}",
                root())
            .hasStatus(200)
            .text("/organization/code");
  }

  @Test
  void fiftyConcurrentRotateDisableRevokeCalls_endInALegalState_everyLoserAnswered409(
      TestReporter reporter) throws Exception {
    Issued key = createKey("mixed");
    long versionBefore = version(key.id());
    long versionStep = versionStepOfOneChange();

    List<Call> calls =
        all(
            CALLS,
            i -> {
              if (i % 3 == 0) {
                return new Call(
                    "rotate", server().send("PUT", KEYS + "/" + key.id(), null, root()));
              } else if (i % 3 == 1) {
                return new Call(
                    "disable",
                    server()
                        .send("PATCH", KEYS + "/" + key.id(), "{\"status\":\"inactive\"}", root()));
              }
              return new Call(
                  "revoke", server().send("DELETE", KEYS + "/" + key.id(), null, root()));
            });

    calls.forEach(RaceCases::assertSucceededOrConflict);
    long rotated = wins(calls, "rotate");
    long disabled = wins(calls, "disable");
    long revoked = wins(calls, "revoke");
    long wins = rotated + disabled + revoked;
    reporter.publishEntry(
        entries(
            "rotate won", rotated,
            "disable won", disabled,
            "revoke won", revoked,
            "lost (409)", CALLS - wins));

    // Revoking is terminal: at most one revoke can win, and then the key stays revoked.
    assertThat(revoked).isLessThanOrEqualTo(1);
    assertThat(wins).isPositive();
    String expectedStatus = revoked == 1 ? "revoked" : disabled > 0 ? "inactive" : "active";
    assertThat(server().get(KEYS + "/" + key.id(), root()).hasStatus(200).text("/api_key/status"))
        .isEqualTo(expectedStatus);
    try (Connection db = database();
        PreparedStatement query =
            db.prepareStatement("select revoked_on from api_keys where id = ?")) {
      query.setString(1, key.id());
      try (ResultSet row = query.executeQuery()) {
        assertThat(row.next()).isTrue();
        assertThat(row.getTimestamp(1) != null).isEqualTo(revoked == 1);
      }
    }
    // Every win, and nothing else, moved the version on and left its audit event.
    assertThat(version(key.id())).isEqualTo(versionBefore + wins * versionStep);
    assertThat(succeededAuditEvents(key.id())).isEqualTo(wins);

    // The rotations had no grace: one secret is left, the one of the last rotation that won (or
    // the first, if none did), and it answers as the final status says.
    assertThat(secretRows(key.id())).isEqualTo(1);
    List<String> tokens = new ArrayList<>(List.of(key.token()));
    calls.stream()
        .filter(call -> call.kind().equals("rotate") && call.answer().status() == 201)
        .forEach(call -> tokens.add(call.answer().text("/api_key/key")));
    List<String> outcomes = tokens.stream().map(this::verify).toList();
    String live =
        switch (expectedStatus) {
          case "revoked" -> "API_KEY_REVOKED";
          case "inactive" -> "API_KEY_INACTIVE";
          default -> "API_KEY_VERIFIED";
        };
    assertThat(outcomes).filteredOn(live::equals).hasSize(1);
    assertThat(outcomes).filteredOn("API_KEY_INVALID"::equals).hasSize(tokens.size() - 1);
  }

  @Test
  void fiftyConcurrentRotations_exactlyOneReturnedKeyVerifies_andTheOriginalNoLonger(
      TestReporter reporter) throws Exception {
    Issued key = createKey("rotations");
    long versionBefore = version(key.id());
    long versionStep = versionStepOfOneChange();

    List<Answer> answers =
        all(CALLS, i -> server().send("PUT", KEYS + "/" + key.id(), null, root()));

    answers.forEach(answer -> assertSucceededOrConflict(new Call("rotate", answer)));
    List<String> returned =
        answers.stream()
            .filter(answer -> answer.status() == 201)
            .map(answer -> answer.text("/api_key/key"))
            .toList();
    List<String> outcomes = returned.stream().map(this::verify).toList();
    reporter.publishEntry(
        entries(
            "rotations won", returned.size(),
            "lost (409)", CALLS - returned.size(),
            "returned keys verified", tally(outcomes, "API_KEY_VERIFIED")));

    assertThat(returned).isNotEmpty().doesNotHaveDuplicates();
    assertThat(outcomes).filteredOn("API_KEY_VERIFIED"::equals).hasSize(1);
    assertThat(outcomes).filteredOn("API_KEY_INVALID"::equals).hasSize(returned.size() - 1);
    assertThat(verify(key.token())).isEqualTo("API_KEY_INVALID");
    assertThat(secretRows(key.id())).isEqualTo(1);
    assertThat(version(key.id())).isEqualTo(versionBefore + returned.size() * versionStep);
    assertThat(succeededAuditEvents(key.id())).isEqualTo(returned.size());
  }

  @Test
  void fiftyConcurrentRotationsWithAGrace_loseNoSecret_everyReturnedKeyStillVerifies(
      TestReporter reporter) throws Exception {
    Issued key = createKey("graceful");

    List<Answer> answers =
        all(
            CALLS,
            i ->
                server()
                    .send(
                        "PUT",
                        KEYS + "/" + key.id(),
                        "{\"previous_key_expires_in_seconds\":3600}",
                        root()));

    answers.forEach(answer -> assertSucceededOrConflict(new Call("rotate", answer)));
    List<String> returned =
        answers.stream()
            .filter(answer -> answer.status() == 201)
            .map(answer -> answer.text("/api_key/key"))
            .toList();
    reporter.publishEntry(
        entries("rotations won", returned.size(), "lost (409)", CALLS - returned.size()));

    // Within the grace every secret a rotation returned, and the first, must still verify: a
    // rotation that overwrote another's write would have dropped that one's secret.
    assertThat(returned).isNotEmpty();
    for (String token : returned) {
      assertThat(verify(token)).isEqualTo("API_KEY_VERIFIED");
    }
    assertThat(verify(key.token())).isEqualTo("API_KEY_VERIFIED");
    assertThat(secretRows(key.id())).isEqualTo(returned.size() + 1);
  }

  @Test
  void fiftyConcurrentRegistrationsOfOneAudience_oneIsCreated_theOthersAnswer409(
      TestReporter reporter) throws Exception {
    String audience = "https://race-" + UUID.randomUUID() + ".example.com";

    List<Answer> answers =
        all(
            CALLS,
            i ->
                server()
                    .post(
                        "/api/v1/apis",
                        "{\"name\":\"Race " + i + "\",\"audience\":\"" + audience + "\"}",
                        root()));

    answers.forEach(answer -> assertCreatedOrConflict(answer, 200));
    List<String> created =
        answers.stream()
            .filter(answer -> answer.status() == 200)
            .map(answer -> answer.text("/api/id"))
            .toList();
    reporter.publishEntry(
        entries("registrations created", created.size(), "lost (409)", CALLS - created.size()));

    assertThat(created).hasSize(1);
    List<String> listed = new ArrayList<>();
    for (JsonNode api : server().get("/api/v1/apis", root()).hasStatus(200).json().get("apis")) {
      if (api.get("audience").asText().equals(audience)) {
        listed.add(api.get("id").asText());
      }
    }
    assertThat(listed).containsExactlyElementsOf(created);
  }

  @Test
  void fiftyConcurrentAdditionsOfOneScopeKey_oneIsCreated_theOthersAnswer409(TestReporter reporter)
      throws Exception {
    String path = "/api/v1/apis/" + apiId + "/scopes";

    List<Answer> answers =
        all(
            CALLS,
            i ->
                server()
                    .post(
                        path,
                        "{\"key\":\"write:users\",\"description\":\"call " + i + "\"}",
                        root()));

    answers.forEach(answer -> assertCreatedOrConflict(answer, 200));
    List<String> created =
        answers.stream()
            .filter(answer -> answer.status() == 200)
            .map(answer -> answer.text("/scope/id"))
            .toList();
    reporter.publishEntry(
        entries("scopes created", created.size(), "lost (409)", CALLS - created.size()));

    assertThat(created).hasSize(1);
    List<String> listed = new ArrayList<>();
    for (JsonNode scope : server().get(path, root()).hasStatus(200).json().get("scopes")) {
      if (scope.get("key").asText().equals("write:users")) {
        listed.add(scope.get("id").asText());
      }
    }
    assertThat(listed).containsExactlyElementsOf(created);
  }

  /** A call of one kind and its answer. */
  record Call(String kind, Answer answer) {}

  /** A key's id and the token it was created with. */
  record Issued(String id, String token) {}

  /**
   * Runs {@code count} calls on as many threads, released together once every thread waits at the
   * latch; answers them in call order.
   */
  static <T> List<T> all(int count, IntFunction<T> call) throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(count);
    CountDownLatch ready = new CountDownLatch(count);
    CountDownLatch go = new CountDownLatch(1);
    try {
      List<Future<T>> pending = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        int index = i;
        pending.add(
            threads.submit(
                () -> {
                  ready.countDown();
                  go.await();
                  return call.apply(index);
                }));
      }
      assertThat(ready.await(1, TimeUnit.MINUTES)).isTrue();
      go.countDown();
      List<T> results = new ArrayList<>();
      for (Future<T> done : pending) {
        results.add(done.get(2, TimeUnit.MINUTES));
      }
      return results;
    } finally {
      threads.shutdownNow();
    }
  }

  private static void assertSucceededOrConflict(Call call) {
    int success = call.kind().equals("rotate") ? 201 : 200;
    assertCreatedOrConflict(call.answer(), success);
  }

  /** The success status, or a 409 with one error in the API's shape; never anything else. */
  private static void assertCreatedOrConflict(Answer answer, int success) {
    assertThat(answer.status()).as(answer.body()).isIn(success, 409);
    if (answer.status() == 409) {
      JsonNode errors = answer.json().get("errors");
      assertThat(errors.size()).as(answer.body()).isEqualTo(1);
      assertThat(errors.get(0).get("code").asText()).isEqualTo("CONFLICT");
      assertThat(errors.get(0).get("message").asText()).isNotBlank();
    }
  }

  private static long wins(List<Call> calls, String kind) {
    return calls.stream()
        .filter(call -> call.kind().equals(kind) && call.answer().status() < 300)
        .count();
  }

  private static long tally(List<String> outcomes, String outcome) {
    return outcomes.stream().filter(outcome::equals).count();
  }

  private Issued createKey(String name) {
    Answer created =
        server()
            .post(
                KEYS,
                "{\"name\":\""
                    + name
                    + "\",\"api_id\":\""
                    + apiId
                    + "\",\"scope_ids\":[\"read:users\"],\"org_code\":\""
                    + orgCode
                    + "\"}",
                root())
            .hasStatus(201);
    return new Issued(created.text("/api_key/id"), created.text("/api_key/key"));
  }

  /** The verify answer's code for {@code token}, as the root key asks. */
  private String verify(String token) {
    return server()
        .post(KEYS + "/verify", "{\"api_key\":\"" + token + "\"}", root())
        .hasStatus(200)
        .text("/code");
  }

  /** How far one stored change moves a key's version, measured on a key of its own. */
  private long versionStepOfOneChange() throws SQLException {
    Issued key = createKey("calibration");
    long before = version(key.id());
    server().send("PATCH", KEYS + "/" + key.id(), "{\"name\":\"renamed\"}", root()).hasStatus(200);
    long step = version(key.id()) - before;
    assertThat(step).isPositive();
    return step;
  }

  private long version(String keyId) throws SQLException {
    return count("select version from api_keys where id = ?", keyId);
  }

  private long secretRows(String keyId) throws SQLException {
    return count("select count(*) from key_secrets where api_key_id = ?", keyId);
  }

  private long succeededAuditEvents(String keyId) throws SQLException {
    return count(
        "select count(*) from audit_events where target = ? and outcome = 'SUCCEEDED'"
            + " and action in ('API_KEY_ROTATE', 'API_KEY_UPDATE', 'API_KEY_REVOKE')",
        keyId);
  }

  private long count(String sql, String parameter) throws SQLException {
    try (Connection db = database();
        PreparedStatement query = db.prepareStatement(sql)) {
      query.setString(1, parameter);
      try (ResultSet row = query.executeQuery()) {
        assertThat(row.next()).as(sql).isTrue();
        return row.getLong(1);
      }
    }
  }
}
