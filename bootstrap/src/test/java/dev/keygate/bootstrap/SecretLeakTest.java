package dev.keygate.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.joran.spi.JoranException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keygate.application.fake.TestKeygate;
import dev.keygate.application.fake.TestQueries;
import dev.keygate.application.port.in.CreateApiKeyCommand;
import dev.keygate.application.port.in.CreatePortalLinkCommand;
import dev.keygate.application.port.in.IssuedApiKey;
import dev.keygate.application.port.in.KeygateUseCases;
import dev.keygate.application.port.in.PortalLink;
import dev.keygate.application.port.in.Principal;
import dev.keygate.application.port.in.UpdateApiKeyCommand;
import dev.keygate.application.port.in.Verification;
import dev.keygate.application.port.in.VerifyOutcome;
import dev.keygate.application.port.query.ApiKeyFilter;
import dev.keygate.application.port.query.PageRequest;
import dev.keygate.domain.api.ApiId;
import dev.keygate.domain.key.ApiKey;
import dev.keygate.domain.key.ApiKeyStatus;
import dev.keygate.domain.owner.OrgCode;
import dev.keygate.domain.owner.Owner;
import dev.keygate.domain.owner.UserId;
import dev.keygate.domain.token.ParsedToken;
import dev.keygate.domain.token.TokenFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The leak suite of issue 8: a whole key lifecycle through the REST server, the local command line
 * and the embedded facade, all three on one H2 file, with the root logger at DEBUG. Afterwards
 * every token issued (and every wrong one presented) is searched for, whole, as its secret part and
 * as any 12-character piece of that secret, in every column of every table, the raw database files,
 * the log, the metrics, the audit trail, every HTTP answer (body and headers), every command's
 * output and the {@code toString()} of the facade's objects. Only the one answer that issues a
 * token may carry it, exactly once; that the search reports it there when it is not allowed proves
 * the search finds what it looks for.
 */
class SecretLeakTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern KEY_ID = Pattern.compile("api_key_[0-9a-f]{32}");

  /**
   * Characters of a secret that count as a piece of it: 12 base62 characters (71 bits), which turn
   * up by chance in the megabytes searched here with odds far below one in a billion.
   */
  private static final int PIECE = 12;

  @TempDir Path directory;

  /** Tokens Keygate issued, by where; and tokens presented that it had to refuse. */
  private final Map<String, String> issued = new TreeMap<>();

  private final Map<String, String> presented = new TreeMap<>();

  /** Tokens rotated away at once: their secret's row is gone, lookup and all. */
  private final Set<String> retired = new HashSet<>();

  /** Everything searched, by where it was found: none may hold a token or a secret. */
  private final List<Haystack> searched = new ArrayList<>();

  /** The answers that issue a token: each must carry that token exactly once, and nothing else. */
  private final List<Haystack> issuing = new ArrayList<>();

  private final ByteArrayOutputStream log = new ByteArrayOutputStream();
  private int httpAnswers;
  private int commands;
  private int facadeObjects;

  @BeforeEach
  void everyLoggerAtDebug() {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    context.reset();
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setCharset(StandardCharsets.UTF_8);
    encoder.setPattern("%-5level [%thread] %logger - %msg {%mdc} {%kvp}%n");
    encoder.start();
    OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
    appender.setContext(context);
    appender.setName("captured");
    appender.setEncoder(encoder);
    appender.setOutputStream(log);
    appender.start();
    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    root.setLevel(Level.DEBUG);
    root.addAppender(appender);
  }

  @AfterEach
  void logLikeTheTests() throws JoranException {
    URL configuration = SecretLeakTest.class.getResource("/logback-test.xml");
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    context.reset();
    JoranConfigurator configurator = new JoranConfigurator();
    configurator.setContext(context);
    configurator.doConfigure(configuration);
  }

  @Test
  void afterAFullLifecycleThroughRestCliAndFacade_noTokenNorSecretIsAnywhereButInTheAnswerIssuingIt(
      TestReporter reporter) throws Exception {
    Deployment deployment = Deployment.prepare(directory);
    try (ServingKeygate serving = ServingKeygate.serve(directory);
        Keygate facade =
            Keygate.builder().jdbcUrl(Cli.h2Url(directory)).argon2(Deployment.CHEAP).build()) {
      String root = serving.printedTokens().get(0);
      issued.put("serve: root key", root);
      Rest rest = new Rest(serving.server().port());

      throughRest(rest, root, deployment);
      throughCli(deployment);
      throughFacade(facade, deployment);

      // The trail and the meters of all three faces, as the server tells them.
      String audit = rest.send("GET", "/api/v1/audit_events?page_size=500", null, root, 200).body();
      assertThat(audit)
          .contains("\"actor\":\"api_key:")
          .contains("\"actor\":\"cli:")
          .contains("\"actor\":\"embedded:")
          .contains("api_key_create", "api_key_rotate", "api_key_disable")
          .contains("api_key_enable", "api_key_revoke");
      String metrics = rest.send("GET", "/metrics", null, null, 200).body();
      assertThat(metrics)
          .contains("keygate_verify_answers_total{code=\"API_KEY_INVALID\"}")
          .contains("keygate_http_requests_seconds_count");

      issuingAnswer("serve: standard output", serving.out(), root);
      assertThat(serving.stop()).isZero();
    }
    DatabaseScan database = DatabaseScan.of(Cli.h2Url(directory));
    searched.add(new Haystack("database", database.text()));
    searched.add(new Haystack("files under the data directory", everyFileAsText()));
    String logText = log.toString(StandardCharsets.UTF_8);
    searched.add(new Haystack("log at DEBUG", logText));

    // The log really was at DEBUG: Hibernate's SQL and Hikari's pool are in it. Jetty reached it
    // too, at INFO (JettyWireLogGuard shuts its DEBUG), as did the access log.
    assertThat(logText)
        .containsPattern("(?m)^DEBUG \\[[^]]*] org\\.hibernate\\.SQL - .*select")
        .containsPattern("(?m)^INFO  \\[[^]]*] org\\.eclipse\\.jetty\\.")
        .containsPattern("(?m)^DEBUG \\[[^]]*] com\\.zaxxer\\.hikari\\.")
        .contains("keygate.access - POST /api/v1/api_keys/verify 200 ")
        .contains("keygate.access - PUT /api/v1/api_keys/");
    // Each token's public lookup is stored next to the hash of its secret, so the scan reads
    // the very rows a leaked secret would sit in.
    for (String token : issued.values()) {
      String lookup = parse(token).lookup().value();
      if (retired.contains(token)) {
        assertThat(database.text()).doesNotContain(lookup);
      } else {
        assertThat(database.text()).contains(lookup);
      }
    }
    assertThat(database.text()).contains("$argon2id$v=19$");

    // The search finds a token where one is: in each answer that issued one, where it is allowed
    // exactly once, and would be reported were it not allowed there.
    for (Haystack answer : issuing) {
      assertThat(hits(answer.text(), answer.carries()))
          .as("%s carries its token exactly once", answer.where())
          .isEqualTo(1);
      assertThat(leaksIn(answer, Optional.empty()))
          .containsExactlyInAnyOrder(
              answer.where() + " holds the token issued by " + issuerOf(answer.carries()),
              answer.where()
                  + " holds the secret of the token issued by "
                  + issuerOf(answer.carries()),
              answer.where()
                  + " holds a piece of the secret of the token issued by "
                  + issuerOf(answer.carries()));
    }
    List<String> found = new ArrayList<>();
    for (Haystack haystack : searched) {
      found.addAll(leaksIn(haystack, Optional.empty()));
    }
    for (Haystack answer : issuing) {
      found.addAll(leaksIn(answer, Optional.of(answer.carries())));
    }
    assertThat(found).isEmpty();

    reporter.publishEntry("tokens issued and searched", String.valueOf(issued.size()));
    reporter.publishEntry("wrong tokens presented and searched", String.valueOf(presented.size()));
    reporter.publishEntry("tables scanned", String.valueOf(database.tables()));
    reporter.publishEntry("columns scanned", String.valueOf(database.columns()));
    reporter.publishEntry("rows scanned", String.valueOf(database.rows()));
    reporter.publishEntry("log lines at DEBUG and above", String.valueOf(logText.lines().count()));
    reporter.publishEntry("HTTP answers searched", String.valueOf(httpAnswers));
    reporter.publishEntry("commands run", String.valueOf(commands));
    reporter.publishEntry("facade objects searched", String.valueOf(facadeObjects));
    reporter.publishEntry("answers allowed to carry their token", String.valueOf(issuing.size()));
    reporter.publishEntry(
        "texts searched",
        (searched.size() + issuing.size())
            + ", "
            + (searched.stream().mapToLong(haystack -> haystack.text().length()).sum()
                + issuing.stream().mapToLong(answer -> answer.text().length()).sum())
            + " characters");
  }

  /** Keys for the organization and the user, and what a management client does with them. */
  private void throughRest(Rest rest, String root, Deployment deployment) {
    Exchange orgCreated =
        rest.issuing(
            "REST: org key created",
            "POST",
            "/api/v1/api_keys",
            deployment.orgKeyRequest("REST org key", "read:users", "write:users"),
            root);
    Exchange userCreated =
        rest.issuing(
            "REST: user key created",
            "POST",
            "/api/v1/api_keys",
            deployment.userKeyRequest("REST user key", "read:users"),
            root);
    String orgKeyId = orgCreated.text("/api_key/id");
    String userKeyId = userCreated.text("/api_key/id");
    String orgKey = orgCreated.text("/api_key/key");
    String userKey = userCreated.text("/api_key/key");

    rest.verify(root, orgKey, "read:users", "API_KEY_VERIFIED");
    rest.verify(
        root,
        present("REST: wrong secret", TestKeygate.withWrongSecret(orgKey)),
        "read:users",
        "API_KEY_INVALID");
    rest.verify(
        root, present("REST: typo", TestKeygate.withTypo(orgKey)), "read:users", "API_KEY_INVALID");
    rest.verify(root, userKey, "write:users", "API_KEY_INSUFFICIENT_SCOPE");
    rest.send("GET", "/api/v1/api_keys/" + orgKeyId, null, root, 200);
    rest.send("GET", "/api/v1/api_keys?org_code=" + deployment.orgCode(), null, root, 200);
    rest.send(
        "GET",
        "/api/v1/api_keys?user_id=" + deployment.userId() + "&status=active",
        null,
        root,
        200);

    String orgKeyRotated =
        rest.issuing("REST: org key rotated", "PUT", "/api/v1/api_keys/" + orgKeyId, null, root)
            .text("/api_key/key");
    retired.add(orgKey);
    rest.verify(root, orgKey, "read:users", "API_KEY_INVALID");
    rest.verify(root, orgKeyRotated, "read:users", "API_KEY_VERIFIED");
    String userKeyRotated =
        rest.issuing(
                "REST: user key rotated with grace",
                "PUT",
                "/api/v1/api_keys/" + userKeyId,
                "{\"previous_key_expires_in_seconds\":3600}",
                root)
            .text("/api_key/key");
    rest.verify(root, userKey, "read:users", "API_KEY_VERIFIED");
    rest.verify(root, userKeyRotated, "read:users", "API_KEY_VERIFIED");

    rest.send("PATCH", "/api/v1/api_keys/" + orgKeyId, "{\"status\":\"inactive\"}", root, 200);
    rest.verify(root, orgKeyRotated, "read:users", "API_KEY_INACTIVE");
    rest.send("PATCH", "/api/v1/api_keys/" + orgKeyId, "{\"status\":\"active\"}", root, 200);
    rest.verify(root, orgKeyRotated, "read:users", "API_KEY_VERIFIED");
    rest.send("DELETE", "/api/v1/api_keys/" + orgKeyId, null, root, 200);
    rest.verify(root, orgKeyRotated, "read:users", "API_KEY_REVOKED");
    rest.send("PATCH", "/api/v1/api_keys/" + orgKeyId, "{\"status\":\"active\"}", root, 409);

    // Refused callers: a wrong root secret, a revoked key, a key that is no management key.
    rest.send(
        "GET",
        "/api/v1/api_keys",
        null,
        present("REST: wrong root secret", TestKeygate.withWrongSecret(root)),
        401);
    rest.send("GET", "/api/v1/api_keys", null, orgKeyRotated, 401);
    rest.send("GET", "/api/v1/api_keys", null, userKeyRotated, 401);
    rest.send("GET", "/api/v1/api_keys/api_key_" + "0".repeat(32), null, root, 404);

    // A portal link's key, and what the portal does with it.
    String portalKey =
        rest.portalLink("REST: portal link for the organization", deployment, "org_code", root);
    rest.send("GET", "/api/v1/api_keys", null, portalKey, 200);
    Exchange portalCreated =
        rest.issuing(
            "REST: key created through the portal",
            "POST",
            "/api/v1/api_keys",
            deployment.orgKeyRequest("Portal key", "read:users"),
            portalKey);
    retired.add(portalCreated.text("/api_key/key"));
    rest.issuing(
        "REST: key rotated through the portal",
        "PUT",
        "/api/v1/api_keys/" + portalCreated.text("/api_key/id"),
        null,
        portalKey);
    rest.send(
        "DELETE", "/api/v1/api_keys/" + portalCreated.text("/api_key/id"), null, portalKey, 200);
    rest.portalLink("REST: portal link for the user", deployment, "user_id", root);
    rest.send("GET", "/api/v1/audit_events?key_id=" + orgKeyId, null, root, 200);
    rest.send("GET", "/health", null, null, 200);
  }

  /** The same lifecycle with the local command line, beside the running server. */
  private void throughCli(Deployment deployment) throws IOException {
    assertThat(cli(0, "init").out()).contains("already initialised");
    Cli.Result orgCreated =
        cliIssuing(
            "CLI: org key created",
            "keys",
            "create",
            "--name",
            "CLI org key",
            "--api",
            deployment.apiId(),
            "--scope",
            "read:users",
            "--scope",
            "write:users",
            "--org",
            deployment.orgCode(),
            "--output",
            "json");
    Cli.Result userCreated =
        cliIssuing(
            "CLI: user key created",
            "keys",
            "create",
            "--name",
            "CLI user key",
            "--api",
            deployment.apiId(),
            "--scope",
            "read:users",
            "--user",
            deployment.userId());
    String orgKeyId = keyIdIn(orgCreated.out());
    String userKeyId = keyIdIn(userCreated.out());
    String orgKey = orgCreated.tokens().get(0);
    String userKey = userCreated.tokens().get(0);

    cliVerify(orgKey, 0);
    cliVerify(present("CLI: wrong secret", TestKeygate.withWrongSecret(orgKey)), 1);
    cliVerify(present("CLI: typo", TestKeygate.withTypo(userKey)), 1);
    cliVerify(issued.get("REST: user key rotated with grace"), 0);
    // A portal link's key is a management key: it holds no scope of the users API.
    cliWithExpected(0, issued.get("REST: portal link for the user"), "keys", "verify");
    assertThat(
            JSON.readTree(cliWithInput(userKey, "keys", "verify", "--output", "json").out())
                .get("code")
                .asText())
        .isEqualTo("API_KEY_VERIFIED");

    String orgKeyRotated =
        cliIssuing("CLI: org key rotated", "keys", "rotate", orgKeyId).tokens().get(0);
    cliIssuing(
        "CLI: user key rotated with grace",
        "keys",
        "rotate",
        userKeyId,
        "--grace",
        "1h",
        "--output",
        "json");
    retired.add(orgKey);
    cliVerify(orgKey, 1);
    cliVerify(userKey, 0);
    cli(0, "keys", "disable", orgKeyId);
    cliVerify(orgKeyRotated, 1);
    cli(0, "keys", "enable", orgKeyId);
    cliVerify(orgKeyRotated, 0);
    cli(0, "keys", "revoke", orgKeyId);
    cliVerify(orgKeyRotated, 1);
    cli(4, "keys", "enable", orgKeyId);

    cli(0, "keys", "list");
    cli(0, "keys", "list", "--output", "json");
    cli(0, "keys", "list", "--org", deployment.orgCode(), "--status", "revoked");
    cli(0, "keys", "show", orgKeyId);
    cli(0, "keys", "show", userKeyId, "--output", "json");
    cli(0, "audit", "list");
    cli(0, "audit", "list", "--key", orgKeyId, "--output", "json");
    // The server listens on port 0, which no link can name: the command line is told the base.
    cliIssuing(
        "CLI: portal link for the organization",
        "portal-link",
        "--org",
        deployment.orgCode(),
        "--base-url",
        "https://keys.example.com");
    cliIssuing(
        "CLI: portal link for the user",
        "portal-link",
        "--user",
        deployment.userId(),
        "--base-url",
        "https://keys.example.com",
        "--output",
        "json");
  }

  /** The same lifecycle embedded, beside the server and the command line. */
  private void throughFacade(Keygate facade, Deployment deployment) {
    KeygateUseCases keys = facade.useCases();
    Principal me = facade.operator();
    ApiId api = new ApiId(deployment.apiId());
    Owner acme = new Owner.Org(new OrgCode(deployment.orgCode()));
    Owner alice = new Owner.User(new UserId(deployment.userId()));

    IssuedApiKey orgKey =
        facadeIssuing(
            "facade: org key created",
            keys.createApiKey()
                .create(
                    me,
                    new CreateApiKeyCommand(
                        "Facade org key",
                        api,
                        List.of("read:users", "write:users"),
                        acme,
                        Optional.empty())));
    IssuedApiKey userKey =
        facadeIssuing(
            "facade: user key created",
            keys.createApiKey()
                .create(
                    me,
                    new CreateApiKeyCommand(
                        "Facade user key", api, List.of("read:users"), alice, Optional.empty())));

    facadeVerify(facade, orgKey.token().reveal(), VerifyOutcome.API_KEY_VERIFIED);
    facadeVerify(
        facade,
        present("facade: wrong secret", TestKeygate.withWrongSecret(orgKey.token().reveal())),
        VerifyOutcome.API_KEY_INVALID);
    facadeVerify(
        facade,
        present("facade: typo", TestKeygate.withTypo(userKey.token().reveal())),
        VerifyOutcome.API_KEY_INVALID);
    facadeVerify(
        facade, issued.get("CLI: user key rotated with grace"), VerifyOutcome.API_KEY_VERIFIED);
    facadeVerify(facade, issued.get("REST: org key rotated"), VerifyOutcome.API_KEY_REVOKED);

    IssuedApiKey orgKeyRotated =
        facadeIssuing(
            "facade: org key rotated",
            keys.rotateApiKey().rotate(me, orgKey.key().id(), Duration.ZERO));
    facadeIssuing(
        "facade: user key rotated with grace",
        keys.rotateApiKey().rotate(me, userKey.key().id(), Duration.ofHours(1)));
    retired.add(orgKey.token().reveal());
    facadeVerify(facade, orgKey.token().reveal(), VerifyOutcome.API_KEY_INVALID);
    facadeVerify(facade, userKey.token().reveal(), VerifyOutcome.API_KEY_VERIFIED);

    facadeObject("disabled", keys.disableApiKey().disable(me, orgKey.key().id()));
    facadeVerify(facade, orgKeyRotated.token().reveal(), VerifyOutcome.API_KEY_INACTIVE);
    facadeObject("enabled", keys.enableApiKey().enable(me, orgKey.key().id()));
    facadeObject(
        "renamed",
        keys.updateApiKey()
            .update(
                me,
                orgKey.key().id(),
                new UpdateApiKeyCommand(
                    Optional.of("Facade org key, renamed"),
                    Optional.of(ApiKeyStatus.ACTIVE),
                    Optional.empty())));
    facadeObject("revoked", keys.revokeApiKey().revoke(me, orgKey.key().id()));
    facadeVerify(facade, orgKeyRotated.token().reveal(), VerifyOutcome.API_KEY_REVOKED);

    PortalLink link =
        keys.createPortalLink()
            .create(me, new CreatePortalLinkCommand(acme, Duration.ofMinutes(15)));
    String linkKey = link.token().reveal();
    issued.put("facade: portal link", linkKey);
    issuingAnswer("facade: portal link's token", linkKey, linkKey);
    facadeObject("portal link", link);
    facadeObject("portal link's key", link.key());
    facadeObject(
        "portal link's key verified", facade.verify(linkKey, "read:api_keys", "create:api_keys"));
    assertThat(facade.verify(linkKey).outcome()).isEqualTo(VerifyOutcome.API_KEY_VERIFIED);

    ApiKey shown = keys.getApiKey().get(me, userKey.key().id());
    facadeObject("key shown", shown);
    facadeObject("key's secrets", shown.secrets());
    facadeObject(
        "keys listed", keys.listApiKeys().list(me, ApiKeyFilter.ALL, PageRequest.first(500)));
    facadeObject(
        "audit listed",
        keys.listAuditEvents().list(me, TestQueries.allEvents(PageRequest.first(500))));
  }

  private IssuedApiKey facadeIssuing(String where, IssuedApiKey key) {
    String token = key.token().reveal();
    issued.put(where, token);
    issuingAnswer(where + ": the revealed token", token, token);
    facadeObject(where, key);
    facadeObject(where + ": its key", key.key());
    facadeObject(where + ": its token holder", key.token());
    return key;
  }

  private void facadeVerify(Keygate facade, String token, VerifyOutcome expected) {
    Verification verification = facade.verify(token, "read:users");
    assertThat(verification.outcome()).isEqualTo(expected);
    facadeObject("verification " + expected, verification);
  }

  private void facadeObject(String where, Object object) {
    facadeObjects++;
    searched.add(new Haystack("facade: toString of " + where, String.valueOf(object)));
  }

  /** The raw bytes of the H2 files, free pages and all. */
  private String everyFileAsText() throws IOException {
    StringBuilder text = new StringBuilder();
    try (Stream<Path> files = Files.walk(directory)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        text.append(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
      }
    }
    return text.toString();
  }

  private String keyIdIn(String text) {
    Matcher matcher = KEY_ID.matcher(text);
    assertThat(matcher.find()).as(text).isTrue();
    return matcher.group();
  }

  private Cli.Result cli(int expectedCode, String... args) {
    return cliWithExpected(expectedCode, "", args);
  }

  private Cli.Result cliWithInput(String input, String... args) {
    return cliWithExpected(0, input, args);
  }

  private void cliVerify(String token, int expectedCode) {
    cliWithExpected(expectedCode, token, "keys", "verify", "--scope", "read:users");
  }

  private Cli.Result cliWithExpected(int expectedCode, String input, String... args) {
    Cli.Result result = run(input, args);
    String command = "keygate " + String.join(" ", args);
    searched.add(new Haystack("CLI: out of " + command, result.out()));
    searched.add(new Haystack("CLI: err of " + command, result.err()));
    assertThat(result.code())
        .as(command + "\n" + result.out() + result.err())
        .isEqualTo(expectedCode);
    return result;
  }

  /** A command that prints a new token: its standard output may carry that token, once. */
  private Cli.Result cliIssuing(String where, String... args) {
    Cli.Result result = run("", args);
    assertThat(result.code()).as(result.err()).isZero();
    assertThat(result.tokens()).hasSize(1);
    String token = result.tokens().get(0);
    issued.put(where, token);
    issuingAnswer(where + ": standard output", result.out(), token);
    searched.add(new Haystack(where + ": standard error", result.err()));
    return result;
  }

  private Cli.Result run(String input, String... args) {
    commands++;
    return Cli.runWithInput(Cli.environment(directory), directory, input, args);
  }

  private String present(String where, String token) {
    presented.put(where, token);
    return token;
  }

  private void issuingAnswer(String where, String text, String token) {
    issuing.add(new Haystack(where, text, token));
  }

  /** What of the tokens, whole or as their secrets, {@code haystack} holds, but {@code allowed}. */
  private List<String> leaksIn(Haystack haystack, Optional<String> allowed) {
    // Issued first: a wrong token presented shares most of its secret with the one it was made
    // from, and a piece they share is told as the issued one's.
    Map<String, String> tokens = new LinkedHashMap<>();
    issued.forEach((where, token) -> tokens.put("token issued by " + where, token));
    presented.forEach((where, token) -> tokens.put("token presented by " + where, token));
    tokens.values().removeIf(token -> allowed.filter(token::equals).isPresent());

    List<String> leaks = new ArrayList<>();
    Map<String, String> pieces = new HashMap<>();
    tokens.forEach(
        (what, token) -> {
          String secret = TestKeygate.secretOf(token);
          if (haystack.text().contains(token)) {
            leaks.add(haystack.where() + " holds the " + what);
          }
          if (haystack.text().contains(secret)) {
            leaks.add(haystack.where() + " holds the secret of the " + what);
          }
          piecesOf(secret).forEach(piece -> pieces.putIfAbsent(piece, what));
        });
    allowed
        .map(TestKeygate::secretOf)
        .map(SecretLeakTest::piecesOf)
        .ifPresent(pieces.keySet()::removeAll);
    // A piece of a secret betrays a log that abbreviates (Jetty shows the ends of its buffers).
    Set<String> piecesFound = new TreeSet<>();
    String text = haystack.text();
    for (int at = 0; at + PIECE <= text.length(); at++) {
      String what = pieces.get(text.substring(at, at + PIECE));
      if (what != null) {
        piecesFound.add(haystack.where() + " holds a piece of the secret of the " + what);
      }
    }
    leaks.addAll(piecesFound);
    return leaks;
  }

  private static List<String> piecesOf(String secret) {
    List<String> pieces = new ArrayList<>();
    for (int at = 0; at + PIECE <= secret.length(); at++) {
      pieces.add(secret.substring(at, at + PIECE));
    }
    return pieces;
  }

  private String issuerOf(String token) {
    return issued.entrySet().stream()
        .filter(entry -> entry.getValue().equals(token))
        .map(Map.Entry::getKey)
        .findFirst()
        .orElseThrow();
  }

  private static int hits(String text, String needle) {
    int count = 0;
    for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
      count++;
    }
    return count;
  }

  private static ParsedToken parse(String token) {
    Optional<ParsedToken> parsed = TokenFormat.parse(token);
    assertThat(parsed).as("a well-formed token").isPresent();
    return parsed.get();
  }

  /** Text that is searched, by where it came from; {@code carries} the token it may hold. */
  private record Haystack(String where, String text, String carries) {
    Haystack(String where, String text) {
      this(where, text, null);
    }
  }

  /** An HTTP answer: status, every header, body. */
  private record Exchange(int status, String headers, String body) {
    String text(String pointer) {
      try {
        JsonNode node = JSON.readTree(body).at(pointer);
        assertThat(node.isMissingNode()).as(pointer + " in " + body).isFalse();
        return node.asText();
      } catch (IOException e) {
        throw new UncheckedIOException("not JSON: " + body, e);
      }
    }
  }

  /** An HTTP client that keeps every answer, headers and body, for the search. */
  private final class Rest {

    private final HttpClient http = HttpClient.newHttpClient();
    private final int port;

    Rest(int port) {
      this.port = port;
    }

    Exchange send(String method, String path, String json, String bearer, int expectedStatus) {
      Exchange exchange = exchange(method, path, json, bearer);
      searched.add(new Haystack("HTTP: body of " + method + " " + path, exchange.body()));
      assertThat(exchange.status())
          .as(method + " " + path + ": " + exchange.body())
          .isEqualTo(expectedStatus);
      return exchange;
    }

    /** A create or rotate: its body carries the new token, which no header may. */
    Exchange issuing(String where, String method, String path, String json, String bearer) {
      Exchange exchange = exchange(method, path, json, bearer);
      assertThat(exchange.status()).as(where + ": " + exchange.body()).isEqualTo(201);
      String token = exchange.text("/api_key/key");
      issued.put(where, token);
      issuingAnswer(where + ": body", exchange.body(), token);
      return exchange;
    }

    /** A portal link: its body carries the link, whose fragment is the new token. */
    String portalLink(String where, Deployment deployment, String field, String bearer) {
      String owner = field.equals("org_code") ? deployment.orgCode() : deployment.userId();
      Exchange exchange =
          exchange("POST", "/api/v1/portal_links", "{\"" + field + "\":\"" + owner + "\"}", bearer);
      assertThat(exchange.status()).as(exchange.body()).isEqualTo(200);
      String url = exchange.text("/url");
      assertThat(url).contains("/portal#");
      String token = url.substring(url.indexOf('#') + 1);
      issued.put(where, token);
      issuingAnswer(where + ": body", exchange.body(), token);
      return token;
    }

    void verify(String bearer, String token, String scope, String expectedCode) {
      Exchange answer =
          send(
              "POST",
              "/api/v1/api_keys/verify",
              ServeCommandTest.verifyRequest(token, scope),
              bearer,
              200);
      assertThat(answer.text("/code")).isEqualTo(expectedCode);
    }

    private Exchange exchange(String method, String path, String json, String bearer) {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
      if (bearer != null) {
        request.header("Authorization", "Bearer " + bearer);
      }
      if (json != null) {
        request.header("Content-Type", "application/json");
      }
      request.method(
          method,
          json == null
              ? HttpRequest.BodyPublishers.noBody()
              : HttpRequest.BodyPublishers.ofString(json));
      try {
        HttpResponse<String> response =
            http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        StringBuilder headers = new StringBuilder();
        response
            .headers()
            .map()
            .forEach(
                (name, values) -> headers.append(name).append(": ").append(values).append('\n'));
        httpAnswers++;
        searched.add(new Haystack("HTTP: headers of " + method + " " + path, headers.toString()));
        return new Exchange(response.statusCode(), headers.toString(), response.body());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  /**
   * Every value of every column of every table the database holds, whatever its schema, read as
   * text; tables are found through the JDBC metadata, not named here.
   */
  private record DatabaseScan(String text, int tables, int columns, int rows) {

    static DatabaseScan of(String url) throws SQLException, IOException {
      StringBuilder text = new StringBuilder();
      int tables = 0;
      int columns = 0;
      int rows = 0;
      try (Connection connection = DriverManager.getConnection(url)) {
        DatabaseMetaData metadata = connection.getMetaData();
        List<String> names = new ArrayList<>();
        try (ResultSet found = metadata.getTables(null, null, "%", new String[] {"TABLE"})) {
          while (found.next()) {
            String schema = found.getString("TABLE_SCHEM");
            if (!"INFORMATION_SCHEMA".equalsIgnoreCase(schema)) {
              names.add('"' + schema + "\".\"" + found.getString("TABLE_NAME") + '"');
            }
          }
        }
        assertThat(names).as("tables").isNotEmpty();
        for (String table : names) {
          tables++;
          try (Statement statement = connection.createStatement();
              ResultSet row = statement.executeQuery("select * from " + table)) {
            ResultSetMetaData shape = row.getMetaData();
            columns += shape.getColumnCount();
            while (row.next()) {
              rows++;
              text.append(table).append(':');
              for (int column = 1; column <= shape.getColumnCount(); column++) {
                text.append(' ').append(shape.getColumnName(column)).append('=');
                text.append(asText(row.getObject(column)));
              }
              text.append('\n');
            }
          }
        }
      }
      return new DatabaseScan(text.toString(), tables, columns, rows);
    }

    private static String asText(Object value) throws SQLException, IOException {
      if (value instanceof byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
      }
      if (value instanceof Blob blob) {
        try (InputStream in = blob.getBinaryStream()) {
          return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
      }
      if (value instanceof Clob clob) {
        try (Reader in = clob.getCharacterStream()) {
          StringWriter text = new StringWriter();
          in.transferTo(text);
          return text.toString();
        }
      }
      if (value instanceof Object[] array) {
        return Arrays.deepToString(array);
      }
      return String.valueOf(value);
    }
  }
}
