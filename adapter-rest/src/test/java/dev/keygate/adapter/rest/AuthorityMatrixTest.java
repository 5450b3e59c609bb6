package dev.keygate.adapter.rest;

import static dev.keygate.adapter.rest.JsonShapes.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keygate.application.fake.TestKeygate;
import dev.keygate.application.port.in.ManagementScope;
import dev.keygate.domain.api.Api;
import dev.keygate.domain.audit.AuditEvent;
import dev.keygate.domain.audit.AuditOutcome;
import dev.keygate.domain.key.ApiKey;
import dev.keygate.domain.owner.OrgCode;
import dev.keygate.domain.owner.Owner;
import dev.keygate.domain.owner.UserId;
import dev.keygate.wire.WireJson;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestReporter;

/**
 * Authority only shrinks, over real HTTP: every route that makes or changes a key, called by every
 * kind of caller on targets weaker, equal and stronger than the caller, each answer against the
 * table below. A refusal changes nothing and is on record as one refused audit event in the
 * caller's own trail; a success that hands out a key hands out one no stronger and no longer-lived
 * than the caller. A key-changing route the server serves without a row here fails the suite.
 *
 * <p>The world: the operator's root key; a limited operator (an operator key that manages keys but
 * cannot delete them or shape the deployment); organization A's admin (every scope) and a weaker
 * admin of A (reads and updates keys only); user U's admin; a 15-minute portal link for A; and, as
 * targets, A's product key ({@code keyA}, holding what A was granted), a product key of A holding a
 * scope A was not granted ({@code internalA}), a disabled management key of A with every scope
 * ({@code strongA}), and a management key of A that has expired ({@code expiredA}). Every key was
 * made over REST by the root key, as in a real deployment.
 */
class AuthorityMatrixTest {

  enum Caller {
    OPERATOR("operator"),
    LIMITED_OPERATOR("limited operator"),
    ORG_A_ADMIN("org A admin"),
    WEAK_ADMIN_OF_A("weak admin of A"),
    USER_U("user U"),
    PORTAL_OF_A("portal of A"),
    CUSTOMER_KEY("customer key");

    final String label;

    Caller(String label) {
      this.label = label;
    }
  }

  /**
   * {@code 403 scope}: a management scope the route needs is missing; {@code 403 beyond}: the key
   * that would come out reaches beyond the caller's authority; {@code 403 itself}: a key changing
   * its own status or expiry; {@code 404}: out of reach, as for an unknown object; {@code 409}: an
   * expired key stays expired; {@code 400}: a portal link for the operator organization; {@code 403
   * loosen}: only the operator loosens a key's usage policy; {@code 403 self}: not even the
   * operator's own key loosens its own.
   */
  private static final String OUTCOMES =
      """
      change                                      | operator | limited operator | org A admin | weak admin of A | user U | portal of A | customer key
      create product key for A                    | 201      | 201              | 201         | 403 scope       | 404    | 201         | 401
      create product key for A beyond its grants  | 201      | 201              | 403 beyond  | 403 scope       | 404    | 403 beyond  | 401
      create management key for A, every scope    | 201      | 403 beyond       | 201         | 403 scope       | 404    | 403 beyond  | 401
      create management key for A lasting to 2099 | 201      | 201              | 201         | 403 scope       | 404    | 403 beyond  | 401
      rotate the root key                         | 201      | 403 beyond       | 404         | 404             | 404    | 404         | 401
      rotate A's admin key                        | 201      | 403 beyond       | 201         | 403 beyond      | 404    | 403 beyond  | 401
      rotate keyA                                 | 201      | 201              | 201         | 201             | 404    | 201         | 401
      rotate internalA                            | 201      | 201              | 403 beyond  | 403 beyond      | 404    | 403 beyond  | 401
      enable strongA                              | 200      | 403 beyond       | 200         | 403 beyond      | 404    | 403 beyond  | 401
      prolong the portal link to 2099             | 200      | 403 beyond       | 200         | 403 beyond      | 404    | 403 itself  | 401
      prolong expiredA                            | 409      | 409              | 409         | 409             | 404    | 409         | 401
      disable A's admin key                       | 200      | 200              | 403 itself  | 200             | 404    | 200         | 401
      revoke A's admin key                        | 200      | 200              | 200         | 403 scope       | 404    | 200         | 401
      tighten meteredA's policy                   | 200      | 200              | 200         | 200             | 404    | 200         | 401
      loosen meteredA's policy                    | 200      | 200              | 403 loosen  | 403 loosen      | 404    | 403 loosen  | 401
      loosen the limited operator's own policy    | 200      | 403 self         | 404         | 404             | 404    | 404         | 401
      make a portal link for A                    | 200      | 403 scope        | 200         | 403 scope       | 404    | 403 scope   | 401
      make a portal link for the operator         | 400      | 403 scope        | 404         | 403 scope       | 404    | 403 scope   | 401
      """;

  private static final String LATER = "2099-01-01T00:00:00Z";

  /** Each change as a request: method, path and body, with the world's names in place. */
  private static final Map<String, Change> CHANGES =
      changes(
          new Change(
              "create product key for A",
              "POST",
              "/api/v1/api_keys",
              "{\"name\":\"n\",\"api_id\":\"${users}\",\"scope_ids\":[\"read:users\"],"
                  + "\"org_code\":\"org_a\"}",
              null),
          new Change(
              "create product key for A beyond its grants",
              "POST",
              "/api/v1/api_keys",
              "{\"name\":\"n\",\"api_id\":\"${users}\",\"scope_ids\":[\"admin:refunds\"],"
                  + "\"org_code\":\"org_a\"}",
              null),
          new Change(
              "create management key for A, every scope",
              "POST",
              "/api/v1/api_keys",
              "{\"name\":\"n\",\"api_id\":\"${management}\",\"scope_ids\":${every},"
                  + "\"org_code\":\"org_a\"}",
              null),
          new Change(
              "create management key for A lasting to 2099",
              "POST",
              "/api/v1/api_keys",
              "{\"name\":\"n\",\"api_id\":\"${management}\",\"scope_ids\":[\"read:api_keys\"],"
                  + "\"org_code\":\"org_a\",\"expires_on\":\""
                  + LATER
                  + "\"}",
              null),
          new Change("rotate the root key", "PUT", "/api/v1/api_keys/${root}", null, "root"),
          new Change("rotate A's admin key", "PUT", "/api/v1/api_keys/${adminA}", null, "adminA"),
          new Change("rotate keyA", "PUT", "/api/v1/api_keys/${keyA}", null, "keyA"),
          new Change("rotate internalA", "PUT", "/api/v1/api_keys/${internalA}", null, "internalA"),
          new Change(
              "enable strongA",
              "PATCH",
              "/api/v1/api_keys/${strongA}",
              "{\"status\":\"active\"}",
              "strongA"),
          new Change(
              "prolong the portal link to 2099",
              "PATCH",
              "/api/v1/api_keys/${portalA}",
              "{\"expires_on\":\"" + LATER + "\"}",
              "portalA"),
          new Change(
              "prolong expiredA",
              "PATCH",
              "/api/v1/api_keys/${expiredA}",
              "{\"expires_on\":\"" + LATER + "\"}",
              "expiredA"),
          new Change(
              "disable A's admin key",
              "PATCH",
              "/api/v1/api_keys/${adminA}",
              "{\"status\":\"inactive\"}",
              "adminA"),
          new Change(
              "revoke A's admin key", "DELETE", "/api/v1/api_keys/${adminA}", null, "adminA"),
          new Change(
              "tighten meteredA's policy",
              "PATCH",
              "/api/v1/api_keys/${meteredA}",
              "{\"rate_limits\":[{\"name\":\"burst\",\"limit\":5,\"duration_seconds\":1}],"
                  + "\"credits\":{\"remaining\":50},\"ip_allowlist\":[\"203.0.113.0/25\"]}",
              "meteredA"),
          new Change(
              "loosen meteredA's policy",
              "PATCH",
              "/api/v1/api_keys/${meteredA}",
              "{\"rate_limits\":[],\"credits\":null,\"ip_allowlist\":[]}",
              "meteredA"),
          new Change(
              "loosen the limited operator's own policy",
              "PATCH",
              "/api/v1/api_keys/${limitedOperator}",
              "{\"rate_limits\":[]}",
              "limitedOperator"),
          new Change(
              "make a portal link for A",
              "POST",
              "/api/v1/portal_links",
              "{\"org_code\":\"org_a\"}",
              null),
          new Change(
              "make a portal link for the operator",
              "POST",
              "/api/v1/portal_links",
              "{\"org_code\":\"keygate-operator\"}",
              null));

  /** The routes that make or change a key: each needs rows above. */
  private static final Set<String> KEY_CHANGING_ROUTES =
      Set.of(
          "POST /api/v1/api_keys",
          "PUT /api/v1/api_keys/{key_id}",
          "PATCH /api/v1/api_keys/{key_id}",
          "DELETE /api/v1/api_keys/{key_id}",
          "POST /api/v1/portal_links");

  private static final Map<String, Map<Caller, Outcome>> TABLE = table();

  @Test
  void givenTheServersRouteTable_everyKeyChangingRouteHasRows_andEveryRowACall() {
    Set<String> served = new TreeSet<>();
    try (RestFixture rest = new RestFixture()) {
      for (ManagementEndpoint endpoint : ManagementEndpoint.servedBy(rest)) {
        boolean changesKeys =
            endpoint.route().path().startsWith("/api/v1/api_keys")
                || endpoint.route().path().startsWith("/api/v1/portal_links");
        if (changesKeys
            && !endpoint.method().equals("GET")
            && !endpoint.name().endsWith("verify")) {
          served.add(endpoint.name());
        }
      }
    }
    Set<String> covered = new TreeSet<>();
    CHANGES.values().forEach(change -> covered.add(change.method() + " " + change.template()));

    assertThat(served).isEqualTo(KEY_CHANGING_ROUTES);
    assertThat(covered).isEqualTo(KEY_CHANGING_ROUTES);
    assertThat(CHANGES.keySet()).isEqualTo(TABLE.keySet());
  }

  @TestFactory
  Stream<DynamicTest> givenEveryKeyChangeAndCaller_whenTried_thenAuthorityOnlyShrinks(
      TestReporter reporter) {
    List<DynamicTest> cells = new ArrayList<>();
    TABLE.forEach(
        (change, row) ->
            row.forEach(
                (caller, outcome) ->
                    cells.add(
                        DynamicTest.dynamicTest(
                            caller.label + ": " + change + " answers " + outcome,
                            () -> new Cell(CHANGES.get(change), caller, outcome).check()))));
    String count =
        cells.size() + " cells: " + TABLE.size() + " changes x " + Caller.values().length;
    reporter.publishEntry("authority matrix", count);
    System.out.println("authority matrix: " + count);
    return cells.stream();
  }

  // Keys made by keys die with their maker, over HTTP

  @Test
  void givenMakerRevokedOrDisabled_theKeysAndPortalLinksItMade_answer401() {
    try (RestFixture rest = new RestFixture()) {
      World world = new World(rest);
      RestFixture.Answer made =
          rest.call(
              "POST",
              "/api/v1/api_keys",
              world.resolve(CHANGES.get("create management key for A lasting to 2099").body()),
              world.adminA.key());
      RestFixture.Answer link =
          rest.call("POST", "/api/v1/portal_links", "{\"org_code\":\"org_a\"}", world.adminA.key());
      String madeKey = made.text("/api_key/key");
      String linkKey = portalKeyOf(link);
      assertThat(rest.call("GET", "/api/v1/api_keys", null, madeKey).status()).isEqualTo(200);
      assertThat(rest.call("GET", "/api/v1/api_keys", null, linkKey).status()).isEqualTo(200);

      rest.call("PATCH", "/api/v1/api_keys/" + world.adminA.id(), "{\"status\":\"inactive\"}");
      assertError(rest.call("GET", "/api/v1/api_keys", null, madeKey), 401, "UNAUTHORIZED");
      assertError(rest.call("GET", "/api/v1/api_keys", null, linkKey), 401, "UNAUTHORIZED");

      rest.call("PATCH", "/api/v1/api_keys/" + world.adminA.id(), "{\"status\":\"active\"}");
      assertThat(rest.call("GET", "/api/v1/api_keys", null, madeKey).status()).isEqualTo(200);

      rest.call("DELETE", "/api/v1/api_keys/" + world.adminA.id(), null);
      assertError(rest.call("GET", "/api/v1/api_keys", null, madeKey), 401, "UNAUTHORIZED");
      assertError(rest.call("GET", "/api/v1/api_keys", null, linkKey), 401, "UNAUTHORIZED");
    }
  }

  @Test
  void givenPortalLink_keysItMadeForTheCustomersApi_outliveIt_theyAreNotAuthority() {
    try (RestFixture rest = new RestFixture()) {
      World world = new World(rest);
      RestFixture.Answer made =
          rest.call(
              "POST",
              "/api/v1/api_keys",
              world.resolve(CHANGES.get("create product key for A").body()),
              world.portalA.key());
      rest.keygate.clock.advance(Duration.ofHours(1));

      assertError(
          rest.call("GET", "/api/v1/api_keys", null, world.portalA.key()), 401, "UNAUTHORIZED");
      RestFixture.Answer verified =
          rest.call(
              "POST",
              "/api/v1/api_keys/verify",
              "{\"api_key\":\"" + made.text("/api_key/key") + "\"}");
      assertThat(verified.text("/code")).isEqualTo("API_KEY_VERIFIED");
    }
  }

  private static String portalKeyOf(RestFixture.Answer link) {
    String url = link.text("/url");
    return url.substring(url.indexOf('#') + 1);
  }

  /** One caller trying one change, in a world of its own. */
  private static final class Cell {

    private final Change change;
    private final Caller caller;
    private final Outcome outcome;

    Cell(Change change, Caller caller, Outcome outcome) {
      this.change = change;
      this.caller = caller;
      this.outcome = outcome;
    }

    void check() {
      try (RestFixture rest = new RestFixture()) {
        checkIn(rest, new World(rest));
      } catch (AssertionError failure) {
        throw new AssertionError(
            caller.label
                + ": "
                + change.name()
                + " should answer "
                + outcome
                + ": "
                + failure.getMessage(),
            failure);
      }
    }

    private void checkIn(RestFixture rest, World world) {
      RestFixture.Issued presented = world.keyOf(caller);
      List<ApiKey> keysBefore = rest.keygate.apiKeys.all();
      int events = rest.keygate.auditLog.events().size();

      RestFixture.Answer answer =
          rest.call(
              change.method(),
              world.resolve(change.path()),
              change.body() == null ? null : world.resolve(change.body()),
              presented.key());

      assertThat(answer.status()).as(answer.body()).isEqualTo(outcome.status());
      for (String token : world.tokens()) {
        assertThat(answer.body()).doesNotContain(token);
      }
      List<AuditEvent> added =
          rest.keygate.auditLog.events().subList(events, rest.keygate.auditLog.events().size());
      if (outcome.status() >= 400) {
        assertThat(rest.keygate.apiKeys.all()).isEqualTo(keysBefore);
        if (outcome.status() != 403 && outcome.status() != 404) {
          // No key (401), bad input (400) or an illegal transition (409): nothing to audit.
          assertThat(added).isEmpty();
          return;
        }
        assertThat(added)
            .as("the refusal, once, on the trail of who was refused")
            .singleElement()
            .satisfies(
                event -> {
                  assertThat(event.outcome()).isEqualTo(AuditOutcome.REFUSED);
                  assertThat(event.actor()).isEqualTo("api_key:" + presented.id());
                  assertThat(event.targetOwner()).isEqualTo(world.confinementOf(caller));
                });
        String message = answer.text("/errors/0/message");
        switch (outcome.detail()) {
          case "scope" -> assertThat(message).startsWith("missing scope");
          case "beyond" ->
              assertThat(message)
                  .containsAnyOf(
                      "which the caller does not hold",
                      "would outlive the caller's own key",
                      "is not granted to organization org_a");
          case "loosen" ->
              assertThat(message)
                  .isEqualTo(
                      "only the operator may loosen a key's rate limits, credits or allowed"
                          + " addresses; they may be tightened");
          case "self" ->
              assertThat(message)
                  .isEqualTo(
                      "a key cannot loosen its own rate limits, credits or allowed addresses");
          case "itself" ->
              assertThat(message)
                  .isEqualTo("a key cannot change its own status or expiry; whoever issued it can");
          default -> {
            // 400, 404 and 409 are told by their status and code
          }
        }
        return;
      }
      assertThat(added).extracting(AuditEvent::outcome).containsExactly(AuditOutcome.SUCCEEDED);
      issuedKey(answer).ifPresent(token -> assertNoStrongerThanTheCaller(rest, world, token));
    }

    /** The key a success handed out: a created or rotated key, or a portal link's. */
    private static Optional<String> issuedKey(RestFixture.Answer answer) {
      JsonNode json = answer.json();
      if (json.at("/api_key/key").isTextual()) {
        return Optional.of(json.at("/api_key/key").asText());
      }
      if (json.at("/url").isTextual()) {
        return Optional.of(portalKeyOf(answer));
      }
      return Optional.empty();
    }

    /**
     * A management key handed out holds no scope the caller lacks and ends no later than the
     * caller's own key; a key of another API holds only what its owner was granted, unless the
     * operator itself made it.
     */
    private void assertNoStrongerThanTheCaller(RestFixture rest, World world, String token) {
      ApiKey issued = world.storedKey(world.idOf(token));
      // By id: a caller that rotated itself no longer opens anything with the token it presented.
      ApiKey callers = world.storedKey(world.keyOf(caller).id());
      if (issued.apiId().equals(world.management.id())) {
        assertThat(callers.scopeKeys()).containsAll(issued.scopeKeys());
        callers
            .expiresOn()
            .ifPresent(
                end ->
                    assertThat(issued.expiresOn())
                        .hasValueSatisfying(own -> assertThat(own).isBeforeOrEqualTo(end)));
      } else if (!world.isOperator(caller)) {
        assertThat(Set.of("read:users")).containsAll(issued.scopeKeys());
      }
    }
  }

  // The world every cell starts from

  private static final class World {

    final RestFixture rest;
    final RestFixture.Issued root;
    final RestFixture.Issued limitedOperator;
    final RestFixture.Issued adminA;
    final RestFixture.Issued weakAdminA;
    final RestFixture.Issued adminU;
    final RestFixture.Issued portalA;
    final RestFixture.Issued keyA;
    final RestFixture.Issued internalA;
    final RestFixture.Issued strongA;
    final RestFixture.Issued expiredA;
    final RestFixture.Issued meteredA;
    final Api management;
    private final Api users;

    World(RestFixture rest) {
      this.rest = rest;
      users = rest.keygate.registerApi("https://users.example.com");
      rest.keygate.addScope(users, "read:users");
      rest.keygate.addScope(users, "admin:refunds");
      rest.keygate.createOrganization("org_a");
      rest.keygate.createUser("kp_u");
      rest.keygate.grant(new Owner.Org(new OrgCode("org_a")), users, "read:users");
      management = rest.keygate.apis.findByAudience(Api.MANAGEMENT_AUDIENCE).orElseThrow();
      root = new RestFixture.Issued(idOf(rest.rootKey), rest.rootKey);
      limitedOperator =
          rest.managementKey(
              "org_code",
              "keygate-operator",
              "read:api_keys",
              "create:api_keys",
              "update:api_keys",
              "delete:api_keys",
              "read:apis",
              "read:api_scopes");
      // Under a limit it never reaches here: its own policy is there to be loosened.
      rest.call(
          "PATCH",
          "/api/v1/api_keys/" + limitedOperator.id(),
          "{\"rate_limits\":[{\"name\":\"calls\",\"limit\":1000000,\"duration_seconds\":1}]}");
      adminA = rest.managementKey("org_code", "org_a");
      weakAdminA = rest.managementKey("org_code", "org_a", "read:api_keys", "update:api_keys");
      adminU = rest.managementKey("user_id", "kp_u");
      portalA = portalLink(rest);
      keyA =
          rest.createKey(
              resolveWith(CHANGES.get("create product key for A").body(), users, management));
      internalA =
          rest.createKey(
              resolveWith(
                  CHANGES.get("create product key for A beyond its grants").body(),
                  users,
                  management));
      meteredA =
          rest.createKey(
              "{\"name\":\"metered\",\"api_id\":\""
                  + users.id().value()
                  + "\",\"scope_ids\":[\"read:users\"],\"org_code\":\"org_a\","
                  + "\"rate_limits\":[{\"name\":\"burst\",\"limit\":10,\"duration_seconds\":1}],"
                  + "\"credits\":{\"remaining\":100},\"ip_allowlist\":[\"203.0.113.0/24\"]}");
      strongA = rest.managementKey("org_code", "org_a");
      rest.call("PATCH", "/api/v1/api_keys/" + strongA.id(), "{\"status\":\"inactive\"}");
      expiredA =
          rest.createKey(
              WireJson.write(
                  Map.of(
                      "name", "short-lived",
                      "api_id", management.id().value(),
                      "scope_ids", List.of("read:api_keys"),
                      "org_code", "org_a",
                      "expires_on",
                          rest.keygate.clock.instant().plus(Duration.ofMinutes(1)).toString())));
      rest.keygate.clock.advance(Duration.ofMinutes(2));
    }

    private static RestFixture.Issued portalLink(RestFixture rest) {
      RestFixture.Answer link = rest.post("/api/v1/portal_links", "{\"org_code\":\"org_a\"}");
      String token = portalKeyOf(link);
      return new RestFixture.Issued(idOfToken(rest, token), token);
    }

    String idOf(String token) {
      return idOfToken(rest, token);
    }

    /** The id of the key a token opens, read from the store: the token may no longer work. */
    private static String idOfToken(RestFixture rest, String token) {
      return rest.keygate
          .apiKeys
          .findBySecretLookup(TestKeygate.lookupOf(token))
          .orElseThrow(() -> new AssertionError("no stored key for a token"))
          .id()
          .value();
    }

    RestFixture.Issued keyOf(Caller caller) {
      return switch (caller) {
        case OPERATOR -> root;
        case LIMITED_OPERATOR -> limitedOperator;
        case ORG_A_ADMIN -> adminA;
        case WEAK_ADMIN_OF_A -> weakAdminA;
        case USER_U -> adminU;
        case PORTAL_OF_A -> portalA;
        case CUSTOMER_KEY -> keyA;
      };
    }

    boolean isOperator(Caller caller) {
      return caller == Caller.OPERATOR || caller == Caller.LIMITED_OPERATOR;
    }

    /** Whose trail a refusal of {@code caller} belongs to. */
    Optional<Owner> confinementOf(Caller caller) {
      return switch (caller) {
        case OPERATOR, LIMITED_OPERATOR -> Optional.empty();
        case USER_U -> Optional.of(new Owner.User(new UserId("kp_u")));
        default -> Optional.of(new Owner.Org(new OrgCode("org_a")));
      };
    }

    ApiKey storedKey(String id) {
      return rest.keygate.apiKeys.all().stream()
          .filter(key -> key.id().value().equals(id))
          .findFirst()
          .orElseThrow(() -> new AssertionError("no stored key " + id));
    }

    List<String> tokens() {
      return Stream.of(
              root,
              limitedOperator,
              adminA,
              weakAdminA,
              adminU,
              portalA,
              keyA,
              internalA,
              strongA,
              expiredA,
              meteredA)
          .map(RestFixture.Issued::key)
          .toList();
    }

    String resolve(String text) {
      return resolveWith(text, users, management)
          .replace("${root}", root.id())
          .replace("${adminA}", adminA.id())
          .replace("${keyA}", keyA.id())
          .replace("${internalA}", internalA.id())
          .replace("${strongA}", strongA.id())
          .replace("${portalA}", portalA.id())
          .replace("${expiredA}", expiredA.id())
          .replace("${meteredA}", meteredA.id())
          .replace("${limitedOperator}", limitedOperator.id());
    }

    private static String resolveWith(String text, Api users, Api management) {
      return text.replace("${users}", users.id().value())
          .replace("${management}", management.id().value())
          .replace(
              "${every}",
              WireJson.write(
                  Arrays.stream(ManagementScope.values()).map(ManagementScope::key).toList()));
    }
  }

  /**
   * One change as a request.
   *
   * @param target the world's key the change is made to, or null for a route that makes one
   */
  record Change(String name, String method, String path, String body, String target) {

    /** The route the change is made on, such as {@code /api/v1/api_keys/{key_id}}. */
    String template() {
      return path.replaceAll("\\$\\{[A-Za-z]+}", "{key_id}");
    }
  }

  /** An expected answer: a status and, for a 403, the reason it gives. */
  record Outcome(int status, String detail, String text) {

    static Outcome parse(String cell) {
      String[] parts = cell.split(" ", 2);
      return new Outcome(Integer.parseInt(parts[0]), parts.length > 1 ? parts[1] : "", cell);
    }

    @Override
    public String toString() {
      return text;
    }
  }

  private static Map<String, Change> changes(Change... changes) {
    Map<String, Change> byName = new LinkedHashMap<>();
    for (Change change : changes) {
      byName.put(change.name(), change);
    }
    return byName;
  }

  private static Map<String, Map<Caller, Outcome>> table() {
    List<String> lines = OUTCOMES.lines().filter(line -> !line.isBlank()).toList();
    List<String> header = cells(lines.get(0));
    for (Caller caller : Caller.values()) {
      if (!header.get(caller.ordinal() + 1).equals(caller.label)) {
        throw new AssertionError("column " + (caller.ordinal() + 1) + " is " + header);
      }
    }
    Map<String, Map<Caller, Outcome>> table = new LinkedHashMap<>();
    for (String line : lines.subList(1, lines.size())) {
      List<String> cells = cells(line);
      Map<Caller, Outcome> row = new LinkedHashMap<>();
      for (Caller caller : Caller.values()) {
        row.put(caller, Outcome.parse(cells.get(caller.ordinal() + 1)));
      }
      table.put(cells.get(0), row);
    }
    return table;
  }

  private static List<String> cells(String line) {
    return Arrays.stream(line.split("\\|")).map(String::strip).toList();
  }
}
