package dev.keygate.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local command line on an H2 file, in-process as the jar runs it: the issue's acceptance flow
 * from init to the audit trail, then no secret left in the database files.
 */
class LocalCommandsTest {

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  private static final Pattern KEY_ID = Pattern.compile("api_key_[0-9a-f]{32}");
  private static final String ACTOR = "cli:" + System.getProperty("user.name");

  @TempDir Path directory;

  private Map<String, String> environment;

  @BeforeEach
  void cheapArgon2OnAnH2FileInTheTemporaryDirectory() {
    environment = Cli.environment(directory);
  }

  @Test
  void acceptanceFlow_fromInitToTheAuditTrail() throws IOException {
    String rootKey = ok(keygate("init")).tokens().get(0);

    String apiId =
        json(ok(
                keygate(
                    "apis",
                    "register",
                    "--name",
                    "Users API",
                    "--audience",
                    "https://users.example.com",
                    "--output",
                    "json")))
            .at("/api/id")
            .asText();
    ok(keygate("scopes", "add", "--api", apiId, "--key", "read:users", "--description", "Read"));
    ok(keygate("scopes", "add", "--api", apiId, "--key", "write:users"));
    failsWith(
        keygate("scopes", "add", "--api", apiId, "--key", "write:users"),
        4,
        "keygate scopes add: api " + apiId + " already has a scope 'write:users'");

    assertThat(ok(keygate("orgs", "create", "--name", "Acme", "--code", "org_acme")).out())
        .isEqualTo("Created organization org_acme (Acme).\n");
    assertThat(
            ok(keygate(
                    "users",
                    "create",
                    "--id",
                    "kp_alice",
                    "--name",
                    "Alice",
                    "--email",
                    "alice@example.com"))
                .out())
        .isEqualTo("Created user kp_alice (Alice).\n");

    Cli.Result orgKeyCreated =
        ok(
            keygate(
                "keys",
                "create",
                "--name",
                "Production Integration",
                "--api",
                apiId,
                "--scope",
                "read:users",
                "--scope",
                "write:users",
                "--org",
                "org_acme"));
    assertThat(orgKeyCreated.out())
        .contains("for organization org_acme", "API key, shown only this time");
    assertThat(orgKeyCreated.tokens()).hasSize(1);
    String orgKey = orgKeyCreated.tokens().get(0);
    String orgKeyId = keyId(orgKeyCreated.out());

    JsonNode userKeyCreated =
        json(
            ok(
                keygate(
                    "keys",
                    "create",
                    "--name",
                    "User API Access",
                    "--api",
                    apiId,
                    "--scope",
                    "read:users",
                    "--user",
                    "kp_alice",
                    "--output",
                    "json")));
    assertThat(userKeyCreated.get("code").asText()).isEqualTo("API_KEY_CREATED");
    String userKey = userKeyCreated.at("/api_key/key").asText();
    String userKeyId = userKeyCreated.at("/api_key/id").asText();

    verifies(orgKey, "--scope", "read:users", "--scope", "write:users");
    refused(verify(userKey, "--scope", "write:users"), "API_KEY_INSUFFICIENT_SCOPE");
    refused(verify(withTypo(orgKey)), "API_KEY_INVALID");

    Cli.Result rotated = ok(keygate("keys", "rotate", orgKeyId, "--grace", "1h"));
    assertThat(rotated.out())
        .contains("the previous key keeps working until ", "API key, shown only this time");
    assertThat(rotated.tokens()).hasSize(1).doesNotContain(orgKey);
    String newOrgKey = rotated.tokens().get(0);
    verifies(orgKey);
    verifies(newOrgKey);

    assertThat(ok(keygate("keys", "disable", orgKeyId)).out()).startsWith("Disabled API key ");
    refused(verify(newOrgKey), "API_KEY_INACTIVE");
    assertThat(ok(keygate("keys", "enable", orgKeyId)).out()).startsWith("Enabled API key ");
    verifies(newOrgKey);

    assertThat(ok(keygate("keys", "revoke", orgKeyId)).out()).startsWith("Revoked API key ");
    refused(verify(newOrgKey), "API_KEY_REVOKED");
    refused(verify(orgKey), "API_KEY_REVOKED");
    failsWith(
        keygate("keys", "enable", orgKeyId),
        4,
        "keygate keys enable: api key " + orgKeyId + " is revoked and cannot be enabled");

    assertThat(listedIds("--org", "org_acme")).containsExactly(orgKeyId);
    assertThat(listedIds("--user", "kp_alice")).containsExactly(userKeyId);
    assertThat(listedIds("--api", apiId)).containsExactly(orgKeyId, userKeyId);
    assertThat(listedIds("--status", "revoked")).containsExactly(orgKeyId);
    assertThat(listedIds("--status", "active", "--api", apiId)).containsExactly(userKeyId);
    JsonNode firstPage = json(ok(keygate("keys", "list", "--api", apiId, "--limit", "1", "-o")));
    assertThat(firstPage.get("has_more").asBoolean()).isTrue();
    assertThat(listedIds("--api", apiId, "--limit", "1", "--after", orgKeyId))
        .containsExactly(userKeyId);
    String table = ok(keygate("keys", "list", "--org", "org_acme")).out();
    assertThat(table.lines().findFirst().orElseThrow())
        .startsWith("ID")
        .contains("NAME", "OWNER", "STATUS", "KEY", "CREATED", "SCOPES");
    assertThat(table)
        .contains(orgKeyId, "Production Integration", "organization org_acme", "revoked")
        .contains(newOrgKey.substring(0, 13) + "…" + newOrgKey.substring(newOrgKey.length() - 4))
        .doesNotContain(userKeyId, newOrgKey);

    JsonNode audit = json(ok(keygate("audit", "list", "--key", orgKeyId, "--output", "json")));
    List<String> actions = new ArrayList<>();
    for (JsonNode event : audit.get("audit_events")) {
      actions.add(event.get("action").asText());
      assertThat(event.get("actor").asText()).isEqualTo(ACTOR);
      assertThat(event.get("target").asText()).isEqualTo(orgKeyId);
      assertThat(event.get("outcome").asText()).isEqualTo("succeeded");
    }
    assertThat(actions)
        .containsExactly(
            "api_key_create",
            "api_key_rotate",
            "api_key_disable",
            "api_key_enable",
            "api_key_revoke");
    String auditTable = ok(keygate("audit", "list", "--key", orgKeyId)).out();
    assertThat(auditTable.lines())
        .hasSize(6)
        .allSatisfy(line -> assertThat(line).doesNotContain(userKeyId));
    assertThat(auditTable).contains(ACTOR, "api_key_create", "api_key_revoke", "succeeded");

    // Every successful verification was counted, though each ran in a command of its own.
    JsonNode shown = json(ok(keygate("keys", "show", orgKeyId, "--output", "json")));
    assertThat(shown.at("/api_key/status").asText()).isEqualTo("revoked");
    assertThat(shown.at("/api_key/verification_count").asLong()).isEqualTo(4);

    assertNoSecretIn(directory, rootKey, orgKey, newOrgKey, userKey);
  }

  @Test
  void keysShow_tellsOwnerScopesStatusAndThePreviousKeyDuringItsGrace() {
    Deployment deployment = Deployment.prepare(directory);
    String keyId =
        keyId(
            ok(keygate(
                    "keys",
                    "create",
                    "--name",
                    "Nightly export",
                    "--api",
                    deployment.apiId(),
                    "--scope",
                    "read:users",
                    "--user",
                    "kp_alice",
                    "--expires-in",
                    "90d"))
                .out());
    ok(keygate("keys", "rotate", keyId, "--grace", "2h"));

    String shown = ok(keygate("keys", "show", keyId)).out();

    assertThat(shown)
        .contains("Id:", keyId)
        .contains("Name:", "Nightly export")
        .contains("Owner:", "user kp_alice")
        .contains("Scopes:", "read:users")
        .contains("Status:", "active")
        .contains("Previous key:", " until 20")
        .contains("Created:", " by " + ACTOR)
        .contains("Last verified:", "never")
        .contains("Verifications:", "0")
        .containsPattern("Expires: +20\\d\\d-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ\n");
  }

  @Test
  void keysList_showsExpiryAndGraceEnd_searches_andLeavesPortalLinksKeysOut() {
    ok(keygate("init"));
    Deployment deployment = Deployment.prepare(directory);
    String keyId =
        keyId(
            ok(keygate(
                    "keys",
                    "create",
                    "--name",
                    "Nightly export",
                    "--api",
                    deployment.apiId(),
                    "--org",
                    "org_acme",
                    "--expires-in",
                    "90d"))
                .out());
    ok(
        keygate(
            "keys", "create", "--name", "Other", "--api", deployment.apiId(), "--org", "org_acme"));
    ok(keygate("keys", "rotate", keyId, "--grace", "2h"));
    ok(keygate("portal-link", "--org", "org_acme", "--base-url", "https://keys.example.com"));
    String time = "20\\d\\d-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ";

    String table = ok(keygate("keys", "list", "--search", "NIGHTLY")).out();

    assertThat(table.lines().findFirst().orElseThrow()).contains("EXPIRES", "GRACE ENDS");
    assertThat(table.lines().filter(line -> line.startsWith("api_key_")))
        .singleElement()
        .satisfies(
            row ->
                assertThat(row)
                    .startsWith(keyId)
                    .containsPattern(" active +.*" + time + " +" + time + " +" + time + " +"));
    JsonNode listed = json(ok(keygate("keys", "list", "--search", "nightly", "-o")));
    assertThat(listed.at("/api_keys/0/id").asText()).isEqualTo(keyId);
    String jsonTime = "20\\d\\d-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z";
    assertThat(listed.at("/api_keys/0/expires_on").asText()).matches(jsonTime);
    assertThat(listed.at("/api_keys/0/previous_secret_expires_on").asText()).matches(jsonTime);
    assertThat(ok(keygate("keys", "show", keyId)).out()).containsPattern("Grace ends: +" + time);
    String all = ok(keygate("keys", "list", "--org", "org_acme")).out();
    assertThat(all).contains("Nightly export", "Other").doesNotContain("Portal link");
    assertThat(all.lines().filter(line -> line.contains("Other")))
        .singleElement()
        .satisfies(row -> assertThat(row).containsPattern(time + " +never +- +"));
  }

  @Test
  void auditList_filtersByActionActorOwnerAndTime_andListsNewestFirst() {
    Deployment deployment = Deployment.prepare(directory);
    String acme =
        keyId(
            ok(keygate(
                    "keys",
                    "create",
                    "--name",
                    "a",
                    "--api",
                    deployment.apiId(),
                    "--org",
                    "org_acme"))
                .out());
    String alice =
        keyId(
            ok(keygate(
                    "keys",
                    "create",
                    "--name",
                    "b",
                    "--api",
                    deployment.apiId(),
                    "--user",
                    "kp_alice"))
                .out());
    ok(keygate("keys", "revoke", acme));

    JsonNode created =
        json(ok(keygate("audit", "list", "--action", "api_key_create", "--actor", ACTOR, "-o")));
    JsonNode acmeNewest = json(ok(keygate("audit", "list", "--org", "org_acme", "--newest", "-o")));
    JsonNode ofAlice = json(ok(keygate("audit", "list", "--user", "kp_alice", "-o")));

    assertThat(created.get("audit_events").findValuesAsText("target")).containsExactly(acme, alice);
    assertThat(acmeNewest.at("/audit_events/0/action").asText()).isEqualTo("api_key_revoke");
    assertThat(acmeNewest.get("audit_events").findValuesAsText("target")).doesNotContain(alice);
    assertThat(ofAlice.get("audit_events").findValuesAsText("target"))
        .contains(alice)
        .doesNotContain(acme);
    assertThat(ok(keygate("audit", "list", "--since", "2999-01-01T00:00:00Z")).out())
        .isEqualTo("No audit events." + System.lineSeparator());
    failsWith(
        keygate("audit", "list", "--since", "yesterday"),
        2,
        "keygate audit list: Invalid value for option '--since': 'yesterday' is not an ISO-8601"
            + " instant such as 2026-01-31T09:30:00Z (see 'keygate audit list --help')");
    failsWith(
        keygate("audit", "list", "--action", "api_key.created"),
        2,
        "keygate audit list: Invalid value for option '--action': 'api_key.created' is not an"
            + " action as audit events name it, such as api_key_create (see 'keygate audit list"
            + " --help')");
  }

  @Test
  void keysCreateForTheEnvironment_issuesAKeyOfTheDeployment_listedShownAndVerified() {
    Deployment deployment = Deployment.prepare(directory);
    String orgKeyId =
        keyId(
            ok(keygate(
                    "keys",
                    "create",
                    "--name",
                    "ci",
                    "--api",
                    deployment.apiId(),
                    "--org",
                    "org_acme"))
                .out());

    Cli.Result created =
        ok(
            keygate(
                "keys",
                "create",
                "--name",
                "Nightly sync",
                "--api",
                deployment.apiId(),
                "--scope",
                "write:users",
                "--environment"));
    String keyId = keyId(created.out());

    assertThat(created.out()).contains("Created API key " + keyId + " for environment.");
    verifies(created.tokens().get(0), "--scope", "write:users");
    assertThat(listedIds("--environment")).containsExactly(keyId);
    assertThat(listedIds("--org", "org_acme")).containsExactly(orgKeyId);
    assertThat(listedIds()).contains(keyId, orgKeyId);
    String table = ok(keygate("keys", "list", "--environment")).out();
    assertThat(table.lines().filter(line -> line.startsWith(keyId)))
        .singleElement()
        .satisfies(row -> assertThat(row).containsPattern("Nightly sync +environment +active"));
    assertThat(ok(keygate("keys", "show", keyId)).out()).containsPattern("Owner: +environment\n");
    JsonNode shown = json(ok(keygate("keys", "show", keyId, "-o")));
    assertThat(shown.at("/api_key/type").asText()).isEqualTo("environment");
    assertThat(fieldNames(shown.get("api_key")))
        .doesNotContain("org_code", "organization_id", "user_id");
    failsWith(
        keygate(
            "keys",
            "create",
            "--name",
            "n",
            "--api",
            deployment.apiId(),
            "--environment",
            "--org",
            "org_acme"),
        2,
        "keygate keys create: Error: --org=CODE, --environment are mutually exclusive (specify"
            + " only one) (see 'keygate keys create --help')");
  }

  @Test
  void everyExitCode_eachFailureAsOneLineOnStderr() {
    Deployment deployment = Deployment.prepare(directory);
    String unknownKey = "api_key_" + "0".repeat(32);
    String keyId =
        keyId(
            ok(keygate(
                    "keys",
                    "create",
                    "--name",
                    "ci",
                    "--api",
                    deployment.apiId(),
                    "--org",
                    "org_acme"))
                .out());

    ok(keygate("apis", "list"));

    failsWith(
        keygate("users", "create", "--name", "Bob", "--email", "bob"),
        1,
        "keygate users create: user email must look like name@domain");
    failsWith(
        keygate("keys", "show", "k_live_not_an_id"),
        1,
        "keygate keys show: api key id must be 'api_key_' followed by 32 lowercase hex digits");
    failsWith(
        keygate("keys", "rotate", keyId, "--grace", "8d"),
        1,
        "keygate keys rotate: rotation grace must be 0-604800 seconds (7 days), was 691200");

    failsWith(
        keygate("keys", "rotate", keyId, "--grace", "1x"),
        2,
        "keygate keys rotate: Invalid value for option '--grace': '1x' is not a duration such as"
            + " 30s, 15m, 1h or 90d (see 'keygate keys rotate --help')");
    failsWith(
        keygate(
            "keys",
            "create",
            "--name",
            "n",
            "--api",
            deployment.apiId(),
            "--org",
            "org_acme",
            "--expires-in",
            "soon"),
        2,
        "keygate keys create: Invalid value for option '--expires-in': 'soon' is not a duration"
            + " such as 30s, 15m, 1h or 90d (see 'keygate keys create --help')");
    failsWith(
        keygate("keys", "list", "--output", "xml"),
        2,
        "keygate keys list: Invalid value for option '--output': 'xml' is not one of table, json"
            + " (see 'keygate keys list --help')");
    failsWith(
        keygate("keys", "list", "--limit", "0"),
        2,
        "keygate keys list: Invalid value for option '--limit': must be 1-500, was 0 (see"
            + " 'keygate keys list --help')");
    failsWith(
        keygate("keys", "list", "--org", "org_acme", "--user", "kp_alice"),
        2,
        "keygate keys list: Error: --org=CODE, --user=ID are mutually exclusive (specify only one)"
            + " (see 'keygate keys list --help')");
    failsWith(
        keygate("keys", "create", "--name", "n", "--api", deployment.apiId()),
        2,
        "keygate keys create: Error: Missing required argument (specify one of these): (--org=CODE"
            + " | --user=ID | --environment) (see 'keygate keys create --help')");
    failsWith(
        keygate("keys", "verify"),
        2,
        "keygate keys verify: No API key: give it as TOKEN or on standard input (see 'keygate keys"
            + " verify --help')");
    failsWith(
        keygate("keys"),
        2,
        "keygate keys: choose a command: create, create-root, list, show, update, usage, rotate, disable,"
            + " enable, revoke, verify (see 'keygate keys --help')");
    failsWith(
        keygate("keys", "list", "--stauts", "active"),
        2,
        "keygate keys list: unknown option '--stauts'; did you mean '--status'? (see 'keygate keys"
            + " list --help')");
    Map<String, String> badUrl = Cli.environment(directory);
    badUrl.put("KEYGATE_DB_URL", "keygate.db");
    failsWith(
        Cli.run(badUrl, directory, "keys", "list"),
        2,
        "keygate keys list: invalid db url 'keygate.db' from KEYGATE_DB_URL: must be a JDBC URL"
            + " such as jdbc:postgresql://host/db");

    failsWith(
        keygate("keys", "show", unknownKey),
        3,
        "keygate keys show: api key " + unknownKey + " not found");
    failsWith(
        keygate("apis", "show", "api_" + "0".repeat(32)),
        3,
        "keygate apis show: api api_" + "0".repeat(32) + " not found");

    failsWith(
        keygate("orgs", "create", "--name", "Acme again", "--code", "org_acme"),
        4,
        "keygate orgs create: organization org_acme already exists");
    failsWith(
        keygate("apis", "delete", deployment.apiId()),
        4,
        "keygate apis delete: api "
            + deployment.apiId()
            + " has 1 api keys and cannot be deleted while they exist");

    Map<String, String> noDatabase = Cli.environment(directory);
    noDatabase.put("KEYGATE_DB_URL", "jdbc:postgresql://127.0.0.1:1/keygate");
    Cli.Result down = Cli.run(noDatabase, directory, "keys", "list");
    assertThat(down.code()).isEqualTo(5);
    assertThat(down.errLines()).hasSize(1);
    assertThat(down.err()).startsWith("keygate keys list: failed: ").doesNotContain("\tat ");
    Cli.Result verbose = Cli.run(noDatabase, directory, "keys", "list", "--verbose");
    assertThat(verbose.code()).isEqualTo(5);
    assertThat(verbose.err()).startsWith("keygate keys list: failed: ").contains("\tat ");
  }

  @Test
  void verify_withTheTokenAsArgument_orOnStandardInput_answersAlike() {
    Deployment deployment = Deployment.prepare(directory);
    Cli.Result created =
        ok(
            keygate(
                "keys",
                "create",
                "--name",
                "ci",
                "--api",
                deployment.apiId(),
                "--scope",
                "read:users",
                "--org",
                "org_acme"));
    String token = created.tokens().get(0);

    Cli.Result fromArgument = keygate("keys", "verify", token, "--api", deployment.apiId());
    Cli.Result fromInput = verify(token + "\n", "--api", deployment.apiId());
    Cli.Result otherApi = verify(token, "--api", "api_" + "0".repeat(32));

    assertThat(fromArgument.code()).isZero();
    assertThat(fromInput.code()).isZero();
    assertThat(fromInput.out()).isEqualTo(fromArgument.out());
    assertThat(fromInput.out())
        .startsWith("API_KEY_VERIFIED: API key verified\n")
        .contains("organization org_acme", "read:users")
        .doesNotContain(token);
    refused(otherApi, "API_KEY_INVALID");
    assertThat(otherApi.out()).isEqualTo("API_KEY_INVALID: API key is invalid\n");
  }

  @Test
  void jsonOutput_isOneDocument_withTheRestApisFieldNames() {
    Deployment deployment = Deployment.prepare(directory);
    JsonNode created =
        json(
            ok(
                keygate(
                    "keys",
                    "create",
                    "--name",
                    "ci",
                    "--api",
                    deployment.apiId(),
                    "--scope",
                    "read:users",
                    "--org",
                    "org_acme",
                    "--expires-in",
                    "1d",
                    "--output",
                    "json")));
    String keyId = created.at("/api_key/id").asText();
    String token = created.at("/api_key/key").asText();

    assertThat(fieldNames(created)).containsExactly("message", "code", "api_key");
    assertThat(fieldNames(created.get("api_key"))).containsExactly("id", "key");
    JsonNode shown = json(ok(keygate("keys", "show", keyId, "--output", "json")));
    assertThat(fieldNames(shown)).containsExactly("code", "message", "api_key");
    assertThat(fieldNames(shown.get("api_key")))
        .containsExactly(
            "id",
            "name",
            "type",
            "status",
            "key_prefix",
            "key_suffix",
            "created_on",
            "created_by",
            "api_ids",
            "scopes",
            "verification_count",
            "org_code",
            "organization_id",
            "expires_on",
            "rate_limits",
            "ip_allowlist",
            "owner_rate_limits");
    assertThat(shown.at("/api_key/type").asText()).isEqualTo("organization");
    assertThat(shown.at("/api_key/key_suffix").asText())
        .isEqualTo(token.substring(token.length() - 4));
    assertThat(shown.at("/api_key/created_on").asText())
        .matches("20\\d\\d-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z");
    JsonNode listed = json(ok(keygate("keys", "list", "--output", "json")));
    assertThat(fieldNames(listed)).containsExactly("code", "message", "has_more", "api_keys");
    // Each key in full, as keys show prints it: its usage policy included.
    JsonNode listedKey = null;
    for (JsonNode each : listed.get("api_keys")) {
      if (each.get("id").asText().equals(keyId)) {
        listedKey = each;
      }
    }
    assertThat(listedKey).isNotNull();
    assertThat(fieldNames(listedKey)).isEqualTo(fieldNames(shown.get("api_key")));
    JsonNode verified = json(ok(verify(token, "--output", "json")));
    assertThat(fieldNames(verified))
        .containsExactly(
            "code",
            "message",
            "is_valid",
            "key_id",
            "status",
            "scopes",
            "org_code",
            "verification_count");
    JsonNode rotated = json(ok(keygate("keys", "rotate", keyId, "--output", "json")));
    assertThat(rotated.get("code").asText()).isEqualTo("API_KEY_ROTATED");
    assertThat(fieldNames(rotated)).containsExactly("code", "message", "api_key");

    assertThat(fieldNames(json(ok(keygate("apis", "list", "-o")))))
        .containsExactly("code", "message", "apis");
    assertThat(fieldNames(json(ok(keygate("apis", "list", "-o"))).at("/apis/0")))
        .containsExactly("id", "name", "audience", "is_management_api", "created_on");
    JsonNode api = json(ok(keygate("apis", "show", deployment.apiId(), "-o")));
    assertThat(fieldNames(api.get("api")))
        .containsExactly("id", "name", "audience", "is_management_api", "scopes", "created_on");
    assertThat(fieldNames(api.at("/api/scopes/0"))).containsExactly("id", "key", "description");
    assertThat(fieldNames(json(ok(keygate("scopes", "list", "--api", deployment.apiId(), "-o")))))
        .containsExactly("code", "message", "scopes");
    assertThat(fieldNames(json(ok(keygate("orgs", "list", "-o")))))
        .containsExactly("code", "message", "has_more", "organizations");
    assertThat(fieldNames(json(ok(keygate("orgs", "list", "-o"))).at("/organizations/0")))
        .containsExactly("code", "name", "created_on");
    assertThat(fieldNames(json(ok(keygate("users", "list", "-o"))).at("/users/0")))
        .containsExactly("id", "name", "email", "created_on", "first_name");
    assertThat(fieldNames(json(ok(keygate("users", "create", "--name", "Bob", "-o")))))
        .containsExactly("id", "created");
    assertThat(
            fieldNames(
                json(ok(keygate("orgs", "create", "--name", "Initech", "-o"))).get("organization")))
        .containsExactly("code");
    JsonNode audit = json(ok(keygate("audit", "list", "-o")));
    assertThat(fieldNames(audit)).containsExactly("code", "message", "has_more", "audit_events");
    assertThat(fieldNames(audit.at("/audit_events/0")))
        .containsExactly("id", "occurred_on", "actor", "action", "target", "outcome", "detail");
    assertThat(json(ok(keygate("keys", "revoke", keyId, "-o"))).toString())
        .isEqualTo("{\"code\":\"OK\",\"message\":\"Success\"}");
  }

  @Test
  void databaseFlags_winOverTheEnvironment_forEveryLocalCommand(@TempDir Path other) {
    Deployment deployment = Deployment.prepare(other);
    String otherUrl = Cli.h2Url(other);

    ok(
        keygate(
            "orgs", "create", "--name", "Initech", "--code", "org_initech", "--db-url", otherUrl));
    Cli.Result created =
        ok(
            keygate(
                "keys",
                "create",
                "--name",
                "ci",
                "--api",
                deployment.apiId(),
                "--org",
                "org_initech",
                "--db-url",
                otherUrl,
                "--key-prefix",
                "k_test"));

    assertThat(created.out()).containsPattern("\n    k_test_[0-9A-Za-z]{61}\n");
    assertThat(ok(keygate("orgs", "list", "--db-url", otherUrl)).out())
        .contains("org_acme", "org_initech");
    assertThat(ok(keygate("orgs", "list")).out()).isEqualTo("No organizations.\n");
  }

  @Test
  void grants_setListAndRemove_whatAnOwnerMayHold() throws IOException {
    Deployment deployment = Deployment.prepare(directory);
    String api = deployment.apiId();

    assertThat(
            ok(keygate(
                    "grants",
                    "set",
                    "--org",
                    "org_acme",
                    "--api",
                    api,
                    "--scope",
                    "read:users",
                    "--scope",
                    "write:users"))
                .out())
        .isEqualTo(
            "organization org_acme may now hold keys of API "
                + api
                + " with read:users, write:users.\n");
    JsonNode listed = json(ok(keygate("grants", "list", "--org", "org_acme", "-o")));
    assertThat(listed.at("/grants/0/api_id").asText()).isEqualTo(api);
    assertThat(listed.at("/grants/0/scopes/1/key").asText()).isEqualTo("write:users");
    assertThat(listed.at("/grants/0/granted_by").asText()).isEqualTo(ACTOR);
    assertThat(ok(keygate("grants", "list", "--org", "org_acme")).out())
        .contains("read:users, write:users");

    assertThat(ok(keygate("grants", "remove", "--org", "org_acme", "--api", api)).out())
        .isEqualTo("Removed API " + api + " from what organization org_acme may hold.\n");
    assertThat(ok(keygate("grants", "list", "--org", "org_acme")).out())
        .isEqualTo("No grants: only the operator can make keys for organization org_acme.\n");
    failsWith(
        keygate("grants", "remove", "--org", "org_acme", "--api", api),
        3,
        "keygate grants remove: organization org_acme has no grant of api " + api + " to remove");
    failsWith(
        keygate("grants", "set", "--user", "kp_alice", "--api", api, "--scope", "delete:users"),
        1,
        "keygate grants set: scope 'delete:users' is not defined on api " + api);
    failsWith(
        keygate("grants", "list", "--user", "kp_nobody"),
        3,
        "keygate grants list: user kp_nobody not found");
  }

  @Test
  void ownersAreRenamedFoundByEmailAndDeleted_butNotWhileTheyOwnALiveKey() {
    ok(keygate("init"));
    String apiId =
        json(ok(keygate("apis", "register", "--name", "Orders", "--audience", "orders", "-o")))
            .at("/api/id")
            .asText();
    ok(keygate("orgs", "create", "--name", "Acme", "--code", "org_acme"));
    ok(keygate("users", "create", "--id", "kp_alice", "--name", "Alice", "--email", "a@x.io"));
    ok(keygate("users", "create", "--id", "kp_bob", "--name", "Bob", "--email", "b@x.io"));
    ok(keygate("keys", "create", "--name", "k", "--api", apiId, "--user", "kp_alice"));

    assertThat(ok(keygate("orgs", "rename", "org_acme", "--name", "Acme Inc")).out())
        .isEqualTo("Renamed organization org_acme.\n");
    assertThat(ok(keygate("users", "rename", "kp_alice", "--family-name", "Liddell")).out())
        .isEqualTo("Renamed user kp_alice to Alice Liddell.\n");
    assertThat(ok(keygate("users", "list", "--email", "A@X.IO")).out())
        .contains("kp_alice", "Alice Liddell")
        .doesNotContain("kp_bob");
    failsWith(
        keygate("users", "rename", "kp_alice", "--name", "A", "--given-name", "B"),
        2,
        "keygate users rename: Error: --name=NAME and [[--given-name=NAME] [--family-name=NAME]]"
            + " are mutually exclusive (specify only one) (see 'keygate users rename --help')");
    failsWith(
        keygate("users", "delete", "kp_alice"),
        4,
        "keygate users delete: user kp_alice owns 1 live api key and cannot be deleted until they"
            + " are revoked");

    assertThat(ok(keygate("users", "delete", "kp_bob")).out()).isEqualTo("Deleted user kp_bob.\n");
    assertThat(ok(keygate("orgs", "delete", "org_acme")).out())
        .isEqualTo("Deleted organization org_acme.\n");
    assertThat(ok(keygate("orgs", "list")).out()).doesNotContain("org_acme");
    assertThat(ok(keygate("users", "list")).out()).contains("kp_alice").doesNotContain("kp_bob");
  }

  private Cli.Result keygate(String... args) {
    return Cli.run(environment, directory, outputFlag(args));
  }

  /** {@code -o} in these tests is short for {@code --output json}. */
  private static String[] outputFlag(String... args) {
    List<String> expanded = new ArrayList<>();
    for (String arg : args) {
      if (arg.equals("-o")) {
        expanded.add("--output");
        expanded.add("json");
      } else {
        expanded.add(arg);
      }
    }
    return expanded.toArray(String[]::new);
  }

  private Cli.Result verify(String token, String... options) {
    List<String> args = new ArrayList<>(List.of("keys", "verify"));
    args.addAll(List.of(options));
    return Cli.runWithInput(environment, directory, token, args.toArray(String[]::new));
  }

  private void verifies(String token, String... options) {
    Cli.Result verified = verify(token, options);
    assertThat(verified.code()).as(verified.out() + verified.err()).isZero();
    assertThat(verified.out()).startsWith("API_KEY_VERIFIED: API key verified\n");
    assertThat(verified.err()).isEmpty();
  }

  private static void refused(Cli.Result verified, String code) {
    assertThat(verified.code()).as(verified.out() + verified.err()).isEqualTo(1);
    assertThat(verified.out()).startsWith(code + ": ");
    assertThat(verified.err()).isEmpty();
  }

  private List<String> listedIds(String... filters) {
    List<String> args = new ArrayList<>(List.of("keys", "list", "--output", "json"));
    args.addAll(List.of(filters));
    List<String> ids = new ArrayList<>();
    for (JsonNode key : json(ok(keygate(args.toArray(String[]::new)))).get("api_keys")) {
      ids.add(key.get("id").asText());
    }
    return ids;
  }

  private static Cli.Result ok(Cli.Result result) {
    assertThat(result.code()).as(result.err()).isZero();
    assertThat(result.err()).isEmpty();
    return result;
  }

  private static void failsWith(Cli.Result result, int code, String line) {
    assertThat(result.code()).as(result.err()).isEqualTo(code);
    assertThat(result.errLines()).containsExactly(line);
    assertThat(result.out()).isEmpty();
  }

  static JsonNode json(Cli.Result result) {
    try {
      JsonNode document = JSON.readTree(result.out());
      assertThat(document.isObject()).as("one JSON object: " + result.out()).isTrue();
      return document;
    } catch (IOException e) {
      throw new UncheckedIOException("not one JSON document: " + result.out(), e);
    }
  }

  static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static String keyId(String out) {
    Matcher matcher = KEY_ID.matcher(out);
    assertThat(matcher.find()).as(out).isTrue();
    return matcher.group();
  }

  /** The token with one character of its secret changed: its checksum no longer matches. */
  private static String withTypo(String token) {
    int at = token.length() - 20;
    char changed = token.charAt(at) == 'a' ? 'b' : 'a';
    return token.substring(0, at) + changed + token.substring(at + 1);
  }

  /**
   * No token and no secret part of one is anywhere in the database's files, while each token's
   * lookup is: it is stored in plain text, so the search would find a secret too.
   */
  private static void assertNoSecretIn(Path directory, String... tokens) throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(directory)) {
      files = walk.filter(Files::isRegularFile).toList();
    }
    assertThat(files).anySatisfy(file -> assertThat(file.toString()).endsWith(".mv.db"));
    StringBuilder everything = new StringBuilder();
    for (Path file : files) {
      everything.append(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
    }
    for (String token : tokens) {
      String afterPrefix = token.substring("k_live_".length());
      String lookup = afterPrefix.substring(0, 12);
      String secret = afterPrefix.substring(12, 12 + 43);
      assertThat(everything).contains(lookup);
      assertThat(everything).doesNotContain(secret).doesNotContain(token);
    }
  }
}
