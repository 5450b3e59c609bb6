package dev.keygate.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keygate.application.port.in.ManagementScope;
import dev.keygate.domain.audit.AuditEvent;
import dev.keygate.domain.audit.AuditOutcome;
import dev.keygate.wire.WireJson;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Authority only shrinks, for M2M applications, over real HTTP: every route that makes or changes
 * an application, called by every kind of caller, each answer against the table below. A refusal
 * changes nothing and is one refused audit event; an application-changing route the server serves
 * without a row here fails the suite.
 *
 * <p>The callers: the operator's root key; an operator application's token (a deployment-wide
 * application holding every application scope and read:api_keys); organization A's admin key (every
 * application scope, no expiry); an application of A's token (every application scope); and user
 * U's key (every management scope). A token lives an hour, so what an application's token hands out
 * must end within that hour: it cannot give an application without an end access to the management
 * API. The targets: {@code appD} (the deployment's), {@code appA} (A's) and {@code appB} (B's),
 * each authorized for the management API with read:applications; the product API {@code users},
 * granted to A.
 */
class ApplicationAuthorityMatrixTest {

  enum Caller {
    OPERATOR("operator key"),
    OPERATOR_APP("operator app token"),
    ORG_A_ADMIN("org A admin key"),
    APP_OF_A("app of A token"),
    USER_U("user key");

    final String label;

    Caller(String label) {
      this.label = label;
    }
  }

  /**
   * {@code 403 scope}: a scope the route needs is missing; {@code 403 beyond}: the application
   * would reach beyond the caller's authority; {@code 403 user}: a user's key manages no
   * application; {@code 404}: out of reach, as for an unknown one; {@code 400}: not authorized for
   * the scope's API.
   */
  private static final String OUTCOMES =
      """
      change                                         | operator key | operator app token | org A admin key | app of A token | user key
      create an application                          | 201          | 201                | 201             | 201            | 403 user
      create an application for B                    | 201          | 201                | 404             | 404            | 403 user
      rename appA                                    | 200          | 200                | 200             | 200            | 404
      rename appB                                    | 200          | 200                | 404             | 404            | 404
      delete appA                                    | 200          | 200                | 200             | 200            | 404
      delete appB                                    | 200          | 200                | 404             | 404            | 404
      rotate the secret of appA                      | 200          | 403 beyond         | 200             | 403 beyond     | 404
      rotate the secret of appD                      | 200          | 403 beyond         | 404             | 404            | 404
      authorize appA for users                       | 200          | 403 beyond         | 200             | 403 beyond     | 404
      authorize appB for users                       | 200          | 403 beyond         | 404             | 404            | 404
      withdraw appA from the management api          | 200          | 200                | 200             | 200            | 404
      grant appA create:applications                 | 200          | 403 beyond         | 200             | 403 beyond     | 404
      grant appA read:audit_events                   | 200          | 403 beyond         | 403 beyond      | 403 beyond     | 404
      grant appD create:applications                 | 200          | 403 beyond         | 404             | 404            | 404
      take read:applications from appA               | 200          | 200                | 200             | 200            | 404
      take read:applications from appB               | 200          | 200                | 404             | 404            | 404
      get appA                                       | 200          | 200                | 200             | 200            | 404
      get appB                                       | 200          | 200                | 404             | 404            | 404
      list applications                              | 200          | 200                | 200             | 200            | 200
      """;

  /** Each change's request: method, path and body, with the world's names to fill in. */
  private static final Map<String, String[]> CALLS = new LinkedHashMap<>();

  static {
    CALLS.put(
        "create an application",
        new String[] {"POST", "/api/v1/applications", "{\"name\":\"New\",\"type\":\"m2m\"}"});
    CALLS.put(
        "create an application for B",
        new String[] {
          "POST",
          "/api/v1/applications",
          "{\"name\":\"New\",\"type\":\"m2m\",\"org_code\":\"org_b\"}"
        });
    CALLS.put(
        "rename appA",
        new String[] {"PATCH", "/api/v1/applications/${appA}", "{\"name\":\"Renamed\"}"});
    CALLS.put(
        "rename appB",
        new String[] {"PATCH", "/api/v1/applications/${appB}", "{\"name\":\"Renamed\"}"});
    CALLS.put("delete appA", new String[] {"DELETE", "/api/v1/applications/${appA}", null});
    CALLS.put("delete appB", new String[] {"DELETE", "/api/v1/applications/${appB}", null});
    CALLS.put(
        "rotate the secret of appA",
        new String[] {"POST", "/api/v1/applications/${appA}/rotate_secret", null});
    CALLS.put(
        "rotate the secret of appD",
        new String[] {"POST", "/api/v1/applications/${appD}/rotate_secret", null});
    CALLS.put(
        "authorize appA for users",
        new String[] {
          "PATCH", "/api/v1/apis/${users}/applications", "{\"applications\":[{\"id\":\"${appA}\"}]}"
        });
    CALLS.put(
        "authorize appB for users",
        new String[] {
          "PATCH", "/api/v1/apis/${users}/applications", "{\"applications\":[{\"id\":\"${appB}\"}]}"
        });
    CALLS.put(
        "withdraw appA from the management api",
        new String[] {
          "PATCH",
          "/api/v1/apis/${management}/applications",
          "{\"applications\":[{\"id\":\"${appA}\",\"operation\":\"delete\"}]}"
        });
    CALLS.put(
        "grant appA create:applications",
        new String[] {
          "POST",
          "/api/v1/apis/${management}/applications/${appA}/scopes/${create:applications}",
          null
        });
    CALLS.put(
        "grant appA read:audit_events",
        new String[] {
          "POST",
          "/api/v1/apis/${management}/applications/${appA}/scopes/${read:audit_events}",
          null
        });
    CALLS.put(
        "grant appD create:applications",
        new String[] {
          "POST",
          "/api/v1/apis/${management}/applications/${appD}/scopes/${create:applications}",
          null
        });
    CALLS.put(
        "take read:applications from appA",
        new String[] {
          "DELETE",
          "/api/v1/apis/${management}/applications/${appA}/scopes/${read:applications}",
          null
        });
    CALLS.put(
        "take read:applications from appB",
        new String[] {
          "DELETE",
          "/api/v1/apis/${management}/applications/${appB}/scopes/${read:applications}",
          null
        });
  }

  static {
    CALLS.put("get appA", new String[] {"GET", "/api/v1/applications/${appA}", null});
    CALLS.put("get appB", new String[] {"GET", "/api/v1/applications/${appB}", null});
    CALLS.put("list applications", new String[] {"GET", "/api/v1/applications", null});
  }

  private static final List<String> APPLICATION_SCOPES =
      List.of(
          "read:applications", "create:applications", "update:applications", "delete:applications");

  @Test
  void everyApplicationRoute_isCalledByTheMatrix() {
    Set<String> served;
    try (RestFixture rest = new RestFixture()) {
      served =
          ManagementEndpoint.servedBy(rest).stream()
              .filter(ApplicationAuthorityMatrixTest::isApplicationRoute)
              .map(endpoint -> endpoint.method() + " " + endpoint.route().path())
              .collect(Collectors.toCollection(TreeSet::new));
    }
    Set<String> called =
        CALLS.values().stream()
            .map(
                call ->
                    call[0]
                        + " "
                        + call[1]
                            .replace("${appA}", "{application_id}")
                            .replace("${appB}", "{application_id}")
                            .replace("${appD}", "{application_id}")
                            .replace("${users}", "{api_id}")
                            .replace("${management}", "{api_id}")
                            .replaceAll("\\$\\{[a-z_:]+}", "{scope_id}"))
            .collect(Collectors.toCollection(TreeSet::new));

    assertThat(called).isEqualTo(served);
    assertThat(rows().keySet()).isEqualTo(CALLS.keySet());
  }

  /** The routes this matrix holds, and {@code TenancyMatrixTest} leaves to it. */
  static boolean isApplicationRoute(ManagementEndpoint endpoint) {
    return endpoint.route().path().contains("/applications");
  }

  @Test
  void theListShows_exactlyTheApplicationsWithinReach() {
    try (RestFixture rest = new RestFixture()) {
      World world = new World(rest);
      Map<Caller, List<String>> seen = new LinkedHashMap<>();
      for (Caller caller : Caller.values()) {
        List<String> ids = new ArrayList<>();
        rest.call("GET", "/api/v1/applications", null, world.bearer(caller))
            .json()
            .get("applications")
            .forEach(application -> ids.add(application.get("id").asText()));
        seen.put(caller, ids);
      }
      String appD = world.fill("${appD}");
      String appA = world.fill("${appA}");
      String appB = world.fill("${appB}");
      assertThat(seen.get(Caller.OPERATOR)).contains(appD, appA, appB).hasSize(5);
      assertThat(seen.get(Caller.OPERATOR_APP)).isEqualTo(seen.get(Caller.OPERATOR));
      assertThat(seen.get(Caller.ORG_A_ADMIN)).contains(appA).doesNotContain(appD, appB).hasSize(2);
      assertThat(seen.get(Caller.APP_OF_A)).isEqualTo(seen.get(Caller.ORG_A_ADMIN));
      assertThat(seen.get(Caller.USER_U)).isEmpty();
    }
  }

  @TestFactory
  Stream<DynamicTest> everyChange_byEveryCaller_answersAsTheTableSays() {
    List<DynamicTest> cells = new ArrayList<>();
    rows()
        .forEach(
            (change, row) -> {
              for (Caller caller : Caller.values()) {
                String expected = row.get(caller);
                cells.add(
                    DynamicTest.dynamicTest(
                        caller.label + ": " + change + " answers " + expected,
                        () -> check(change, caller, expected)));
              }
            });
    return cells.stream();
  }

  private static void check(String change, Caller caller, String expected) {
    try (RestFixture rest = new RestFixture()) {
      World world = new World(rest);
      String[] call = CALLS.get(change);
      String bearer = world.bearer(caller);
      int before = rest.keygate.auditLog.events().size();
      JsonNode stateBefore = world.state();

      RestFixture.Answer answer =
          rest.call(
              call[0], world.fill(call[1]), call[2] == null ? null : world.fill(call[2]), bearer);

      int status = Integer.parseInt(expected.split(" ")[0]);
      assertThat(answer.status()).as(answer.body()).isEqualTo(status);
      if (status >= 400) {
        assertThat(world.state()).as("a refusal changes nothing").isEqualTo(stateBefore);
        List<AuditEvent> added =
            rest.keygate.auditLog.events().subList(before, rest.keygate.auditLog.events().size());
        if (status == 403 || status == 404) {
          assertThat(added)
              .as("one refused event")
              .singleElement()
              .satisfies(event -> assertThat(event.outcome()).isEqualTo(AuditOutcome.REFUSED));
        }
        if (expected.equals("403 beyond")) {
          assertThat(answer.body()).contains("caller");
        }
      }
      if (answer.status() == 201) {
        // Whatever an application's token makes ends within the token's hour.
        String id = answer.text("/application/id");
        if (caller == Caller.OPERATOR_APP || caller == Caller.APP_OF_A) {
          assertThat(
                  rest.keygate
                      .applications
                      .findById(new dev.keygate.domain.application.ApplicationId(id))
                      .orElseThrow()
                      .expiresOn())
              .isPresent();
        }
      }
    }
  }

  private static Map<String, Map<Caller, String>> rows() {
    Map<String, Map<Caller, String>> rows = new LinkedHashMap<>();
    List<String> lines = OUTCOMES.lines().filter(line -> !line.isBlank()).toList();
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = Arrays.stream(line.split("\\|")).map(String::strip).toArray(String[]::new);
      Map<Caller, String> row = new LinkedHashMap<>();
      for (Caller caller : Caller.values()) {
        row.put(caller, cells[caller.ordinal() + 1]);
      }
      rows.put(cells[0], row);
    }
    return rows;
  }

  /** The callers and the targets, all made over REST by the root key. */
  private static final class World {
    private final RestFixture rest;
    private final Map<String, String> names = new LinkedHashMap<>();
    private final Map<Caller, String> bearers = new LinkedHashMap<>();

    World(RestFixture rest) {
      this.rest = rest;
      String management = rest.managementApiId();
      names.put("management", management);
      for (JsonNode scope : rest.get("/api/v1/apis/" + management).json().at("/api/scopes")) {
        names.put(scope.get("key").asText(), scope.get("id").asText());
      }
      ok(rest.post("/api/v1/organization", "{\"name\":\"A\",\"code\":\"org_a\"}"));
      ok(rest.post("/api/v1/organization", "{\"name\":\"B\",\"code\":\"org_b\"}"));
      ok(rest.post("/api/v1/user", "{\"id\":\"kp_u\",\"name\":\"U\"}"));
      String users =
          rest.post(
                  "/api/v1/apis", "{\"name\":\"Users\",\"audience\":\"https://users.example.com\"}")
              .text("/api/id");
      names.put("users", users);
      ok(rest.post("/api/v1/apis/" + users + "/scopes", "{\"key\":\"read:users\"}"));
      ok(
          rest.call(
              "PUT",
              "/api/v1/organizations/org_a/grants/" + users,
              "{\"scope_ids\":[\"read:users\"]}"));

      names.put("appD", application(null, "read:applications")[0]);
      names.put("appA", application("org_a", "read:applications")[0]);
      names.put("appB", application("org_b", "read:applications")[0]);

      bearers.put(Caller.OPERATOR, rest.rootKey);
      List<String> operatorScopes = new ArrayList<>(APPLICATION_SCOPES);
      operatorScopes.add("read:api_keys");
      bearers.put(
          Caller.OPERATOR_APP, token(application(null, operatorScopes.toArray(String[]::new))));
      bearers.put(
          Caller.ORG_A_ADMIN,
          rest.managementKey("org_code", "org_a", APPLICATION_SCOPES.toArray(String[]::new)).key());
      bearers.put(
          Caller.APP_OF_A, token(application("org_a", APPLICATION_SCOPES.toArray(String[]::new))));
      bearers.put(
          Caller.USER_U,
          rest.managementKey(
                  "user_id",
                  "kp_u",
                  Arrays.stream(ManagementScope.values())
                      .map(ManagementScope::key)
                      .toArray(String[]::new))
              .key());
    }

    String bearer(Caller caller) {
      return bearers.get(caller);
    }

    /** {id, secret} of an application made by the root key, on the management API. */
    private String[] application(String org, String... scopes) {
      String body =
          org == null
              ? "{\"name\":\"App\",\"type\":\"m2m\"}"
              : "{\"name\":\"App\",\"type\":\"m2m\",\"org_code\":\"" + org + "\"}";
      RestFixture.Answer created = rest.post("/api/v1/applications", body);
      assertThat(created.status()).as(created.body()).isEqualTo(201);
      String id = created.text("/application/id");
      ok(
          rest.call(
              "PATCH",
              "/api/v1/apis/" + names.get("management") + "/applications",
              "{\"applications\":[{\"id\":\"" + id + "\"}]}"));
      for (String scope : scopes) {
        ok(
            rest.post(
                "/api/v1/apis/"
                    + names.get("management")
                    + "/applications/"
                    + id
                    + "/scopes/"
                    + names.get(scope),
                null));
      }
      return new String[] {id, created.text("/application/client_secret")};
    }

    private String token(String[] application) {
      String form =
          "grant_type=client_credentials&client_id="
              + application[0]
              + "&client_secret="
              + URLEncoder.encode(application[1], StandardCharsets.UTF_8)
              + "&audience="
              + URLEncoder.encode(rest.base() + "/api", StandardCharsets.UTF_8);
      RestFixture.Answer answer =
          rest.send(
              HttpRequest.newBuilder(URI.create(rest.base() + "/oauth2/token"))
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(HttpRequest.BodyPublishers.ofString(form))
                  .build());
      assertThat(answer.status()).as(answer.body()).isEqualTo(200);
      return answer.text("/access_token");
    }

    String fill(String template) {
      String filled = template;
      for (Map.Entry<String, String> name : names.entrySet()) {
        filled = filled.replace("${" + name.getKey() + "}", name.getValue());
      }
      return filled;
    }

    /** Every application as stored, secrets' hashes included: what a refusal must leave alone. */
    JsonNode state() {
      return WireJson.mapper()
          .valueToTree(
              rest.keygate.applications.list(java.util.Optional.empty()).stream()
                  .map(
                      application ->
                          List.of(
                              application.id().value(),
                              application.name(),
                              application.secretHash(),
                              application.apis().stream().map(Object::toString).sorted().toList(),
                              application.scopes().stream()
                                  .map(scope -> scope.key())
                                  .sorted()
                                  .toList()))
                  .toList());
    }

    private static void ok(RestFixture.Answer answer) {
      assertThat(answer.status()).as(answer.body()).isBetween(200, 201);
    }
  }
}
