package dev.keygate.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line against a running server ({@code --server} or {@code KEYGATE_SERVER}), as an
 * operator runs it from a laptop with no database: a real {@code keygate serve} on 127.0.0.1 in
 * this JVM, and each command through {@link Main#execute} from a directory that holds no database
 * and with an environment that names none.
 */
class RemoteCommandsTest {

  @TempDir static Path data;

  /** Where the commands run: no database, no keygate.properties. */
  @TempDir Path laptop;

  private static Deployment deployment;
  private static ServingKeygate serving;
  private static String root;
  private static String url;

  @BeforeAll
  static void serve() {
    deployment = Deployment.prepare(data);
    serving = ServingKeygate.serve(data);
    root = serving.printedTokens().get(0);
    url = "http://127.0.0.1:" + serving.server().port();
  }

  @AfterAll
  static void stop() {
    serving.close();
  }

  @Test
  void withServerFlag_commandsWorkOnTheServersData_andTheSecretOfANewKeyIsPrintedOnce() {
    Map<String, String> env = withRootKey();

    Cli.Result org = keygate(env, "--server", url, "orgs", "create", "--name", "Globex");
    assertThat(org.code()).as(org.err()).isZero();
    String orgCode = org.out().replaceAll("(?s).*(org_[0-9a-z]+).*", "$1");
    // Made on the server: its REST API knows the organization.
    serving.get("/api/v1/organization?code=" + orgCode, root).hasStatus(200);
    assertThat(keygate(env, "orgs", "list", "--server", url).out()).contains(orgCode, "Acme");

    Cli.Result created =
        keygate(
            env,
            "keys",
            "create",
            "--server",
            url,
            "--name",
            "Remote key",
            "--api",
            deployment.apiId(),
            "--scope",
            "read:users",
            "--org",
            deployment.orgCode());
    assertThat(created.code()).as(created.err()).isZero();
    assertThat(created.tokens()).hasSize(1);
    assertThat(created.out()).contains("shown only this time");
    String token = created.tokens().get(0);
    String keyId = created.out().replaceAll("(?s).*(api_key_[0-9a-f]{32}).*", "$1");
    assertThat(verify(token)).isEqualTo("API_KEY_VERIFIED");

    Cli.Result listed =
        keygate(env, "keys", "list", "--server", url, "--org", deployment.orgCode());
    assertThat(listed.out()).contains(keyId, "Remote key");
    assertThat(listed.tokens()).isEmpty();

    // --output json is the server's own rich answer for the key, field for field.
    Cli.Result shown = keygate(env, "keys", "show", keyId, "--server", url, "--output", "json");
    JsonNode server = serving.getExtended("/api/v1/api_keys/" + keyId, root).hasStatus(200).json();
    // Less the owner's name, which the portal reads and the command line does not show.
    ((ObjectNode) server.get("api_key")).remove("owner_name");
    assertThat(LocalCommandsTest.json(shown).get("api_key")).isEqualTo(server.get("api_key"));

    // The server searches: only the key whose name holds the text.
    Cli.Result searched =
        keygate(env, "keys", "list", "--server", url, "--search", "REMOTE K", "--output", "json");
    assertThat(searched.code()).as(searched.err()).isZero();
    assertThat(LocalCommandsTest.json(searched).findValuesAsText("id")).containsExactly(keyId);

    Cli.Result rotated = keygate(env, "keys", "rotate", keyId, "--server", url, "--grace", "1h");
    assertThat(rotated.code()).as(rotated.err()).isZero();
    assertThat(rotated.tokens()).hasSize(1).doesNotContain(token);
    assertThat(verify(rotated.tokens().get(0))).isEqualTo("API_KEY_VERIFIED");
    // The old secret's grace end, as the server tells it.
    String graceEnds =
        serving
            .getExtended("/api/v1/api_keys/" + keyId, root)
            .json()
            .at("/api_key/previous_secret_expires_on")
            .asText();
    assertThat(graceEnds).isNotEmpty();
    assertThat(keygate(env, "keys", "show", keyId, "--server", url).out())
        .containsPattern("Grace ends: +" + graceEnds.substring(0, 16));

    Cli.Result revoked = keygate(env, "keys", "revoke", keyId, "--server", url);
    assertThat(revoked.code()).as(revoked.err()).isZero();
    assertThat(serving.getExtended("/api/v1/api_keys/" + keyId, root).json().at("/api_key/status"))
        .hasToString("\"revoked\"");
    assertThat(keygate(env, "keys", "show", keyId, "--server", url).out()).contains("revoked");
    Cli.Result again = keygate(env, "keys", "revoke", keyId, "--server", url);
    assertThat(again.code()).isEqualTo(4);
    assertThat(again.errLines()).hasSize(1);

    // Nothing was opened where the commands ran.
    assertThat(laptop.resolve("keygate-data")).doesNotExist();
  }

  @Test
  void withKeygateServerInTheEnvironment_commandsWorkOnTheServer_andTheFlagWins() {
    Map<String, String> env = withRootKey();
    env.put("KEYGATE_SERVER", url);

    Cli.Result shown = keygate(env, "apis", "show", deployment.apiId());
    assertThat(shown.code()).as(shown.err()).isZero();
    assertThat(shown.out()).contains("Users API", "read:users", "write:users");

    Cli.Result missing = keygate(env, "apis", "show", "api_" + "0".repeat(32));
    assertThat(missing.code()).as(missing.err()).isEqualTo(3);
    assertThat(missing.errLines()).hasSize(1);

    env.put("KEYGATE_SERVER", "http://127.0.0.1:1");
    Cli.Result unreachable = keygate(env, "orgs", "list");
    assertThat(unreachable.code()).isEqualTo(5);
    assertThat(unreachable.errLines())
        .singleElement()
        .asString()
        .contains("cannot reach the Keygate server at http://127.0.0.1:1");
    assertThat(keygate(env, "--server", url, "orgs", "list").out()).contains("Acme");

    // A credential crosses the network encrypted, or stays on this machine.
    Cli.Result plain = keygate(env, "--server", "http://keygate.example.com", "orgs", "list");
    assertThat(plain.code()).isEqualTo(2);
    assertThat(plain.errLines()).singleElement().asString().contains("use https://");
  }

  @Test
  void withM2mCredentials_commandsActAsTheApplication_andTheServersRefusalIsOneLine() {
    String[] application = application("read:organizations", "read:api_keys");
    Map<String, String> env = new HashMap<>();
    env.put("KEYGATE_SERVER", url);
    env.put("KEYGATE_CLIENT_ID", application[0]);
    env.put("KEYGATE_CLIENT_SECRET", application[1]);

    Cli.Result listed = keygate(env, "orgs", "list");
    assertThat(listed.code()).as(listed.err()).isZero();
    assertThat(listed.out()).contains("Acme");

    Cli.Result refused = keygate(env, "orgs", "create", "--name", "Initech");
    assertThat(refused.code()).isEqualTo(5);
    assertThat(refused.errLines())
        .singleElement()
        .asString()
        .startsWith("keygate orgs create: ")
        .contains("create:organizations");
    assertThat(serving.get("/api/v1/organizations", root).text("/organizations/1/name"))
        .isNotEqualTo("Initech");

    env.put("KEYGATE_CLIENT_SECRET", application[1] + "x");
    Cli.Result wrong = keygate(env, "orgs", "list");
    assertThat(wrong.code()).isEqualTo(2);
    assertThat(wrong.errLines())
        .singleElement()
        .asString()
        .contains("refused the client credentials of " + application[0])
        .doesNotContain(application[1]);
  }

  @Test
  void withoutCredentials_orWithWrongOnes_aCommandSaysSoInOneLine() {
    Map<String, String> env = new HashMap<>();
    env.put("HOME", laptop.toString());
    Cli.Result none = keygate(env, "orgs", "list", "--server", url);
    assertThat(none.code()).isEqualTo(2);
    assertThat(none.errLines())
        .singleElement()
        .asString()
        .contains("no credentials for " + url, "KEYGATE_MANAGEMENT_KEY");

    String wrongKey = root.substring(0, root.length() - 8) + "AAAAAAAA";
    env.put("KEYGATE_MANAGEMENT_KEY", wrongKey);
    Cli.Result wrong = keygate(env, "orgs", "list", "--server", url);
    assertThat(wrong.code()).isEqualTo(2);
    assertThat(wrong.errLines())
        .singleElement()
        .asString()
        .contains("refused the credentials")
        .doesNotContain(wrongKey);
  }

  @Test
  void aCredentialsFileOthersMayRead_isRefused_andOneOfTheOwnersAloneIsUsed() throws IOException {
    Path file = laptop.resolve("credentials");
    Files.writeString(file, "management_key=" + root + "\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    Map<String, String> env = new HashMap<>();

    Cli.Result refused =
        keygate(env, "orgs", "list", "--server", url, "--credentials", file.toString());
    assertThat(refused.code()).isEqualTo(2);
    assertThat(refused.errLines())
        .singleElement()
        .asString()
        .contains(file.toString(), "rw-r--r--", "chmod 600")
        .doesNotContain(root);

    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    Cli.Result used =
        keygate(env, "orgs", "list", "--server", url, "--credentials", file.toString());
    assertThat(used.code()).as(used.err()).isZero();
    assertThat(used.out()).contains("Acme");

    // The standard place, ~/.config/keygate/credentials, when no other credentials are given.
    Path standard = laptop.resolve(".config/keygate/credentials");
    Files.createDirectories(standard.getParent());
    Files.move(file, standard);
    env.put("HOME", laptop.toString());
    assertThat(keygate(env, "orgs", "list", "--server", url).out()).contains("Acme");
  }

  @Test
  void usersGrantsAuditPortalLinksWebhooksAndApplications_workOnTheServerToo() {
    Map<String, String> env = withRootKey();
    env.put("KEYGATE_SERVER", url);

    assertThat(keygate(env, "users", "create", "--id", "kp_bob", "--name", "Bob").code()).isZero();
    serving.get("/api/v1/user?id=kp_bob", root).hasStatus(200);

    Cli.Result granted =
        keygate(
            env,
            "grants",
            "set",
            "--user",
            "kp_bob",
            "--api",
            deployment.apiId(),
            "--scope",
            "write:users");
    assertThat(granted.code()).as(granted.err()).isZero();
    assertThat(serving.get("/api/v1/users/kp_bob/grants", root).json().at("/grants/0/scopes/0/key"))
        .hasToString("\"write:users\"");
    assertThat(keygate(env, "grants", "list", "--user", "kp_bob").out()).contains("write:users");

    Cli.Result audit = keygate(env, "audit", "list", "--limit", "500", "--output", "json");
    assertThat(audit.code()).as(audit.err()).isZero();
    assertThat(audit.out()).contains("\"user_create\"", "\"grant_set\"");
    // The server filters: Bob's trail, grants only.
    Cli.Result bobs =
        keygate(
            env,
            "audit",
            "list",
            "--user",
            "kp_bob",
            "--action",
            "grant_set",
            "--newest",
            "--output",
            "json");
    assertThat(bobs.code()).as(bobs.err()).isZero();
    assertThat(LocalCommandsTest.json(bobs).findValuesAsText("action"))
        .isNotEmpty()
        .containsOnly("grant_set");

    Cli.Result link = keygate(env, "portal-link", "--user", "kp_bob");
    assertThat(link.code()).as(link.err()).isZero();
    assertThat(link.out()).contains(url + "/portal#", "user kp_bob");
    assertThat(link.tokens()).hasSize(1);
    // A lifetime of its own is the server's to judge: the root key chooses up to a day.
    Cli.Result ttl =
        keygate(env, "portal-link", "--user", "kp_bob", "--ttl", "5m", "--output", "json");
    assertThat(ttl.code()).as(ttl.err()).isZero();
    Instant expires = Instant.parse(LocalCommandsTest.json(ttl).get("expires_on").asText());
    assertThat(expires).isBetween(Instant.now().plusSeconds(240), Instant.now().plusSeconds(300));
    Cli.Result tooLong = keygate(env, "portal-link", "--user", "kp_bob", "--ttl", "2d");
    assertThat(tooLong.code()).isEqualTo(1);
    assertThat(tooLong.errLines()).singleElement().asString().contains("expires_in_seconds");

    Cli.Result hook =
        keygate(
            env,
            "webhooks",
            "create",
            "--endpoint",
            "https://hooks.example.com/remote",
            "--event",
            "api_key.revoked");
    assertThat(hook.code()).as(hook.err()).isZero();
    assertThat(hook.out()).containsOnlyOnce("whsec_");
    String hookId = hook.out().replaceAll("(?s).*(webhook_[0-9a-f]{32}).*", "$1");
    serving.getExtended("/api/v1/webhooks/" + hookId, root).hasStatus(200);
    assertThat(keygate(env, "webhooks", "show", hookId).out())
        .contains("https://hooks.example.com/remote", "api_key.revoked");

    Cli.Result app =
        keygate(
            env,
            "applications",
            "create",
            "--name",
            "Nightly sync",
            "--management-scope",
            "read:organizations");
    assertThat(app.code()).as(app.err()).isZero();
    String clientId = app.out().replaceAll("(?s).*client_id: +(\\S+).*", "$1");
    String clientSecret = app.out().replaceAll("(?s).*client_secret: +(\\S+).*", "$1");
    assertThat(keygate(env, "applications", "get", clientId).out())
        .contains("Nightly sync", "read:organizations");
    // The application just made works the commands with its own credentials.
    Map<String, String> asApplication = new HashMap<>();
    asApplication.put("KEYGATE_SERVER", url);
    asApplication.put("KEYGATE_CLIENT_ID", clientId);
    asApplication.put("KEYGATE_CLIENT_SECRET", clientSecret);
    Cli.Result orgs = keygate(asApplication, "orgs", "list");
    assertThat(orgs.code()).as(orgs.err()).isZero();
    assertThat(orgs.out()).contains("Acme");
  }

  @Test
  void aCommandWithNoRouteOnTheServer_saysItRunsOnlyLocally() {
    Map<String, String> env = withRootKey();

    Cli.Result roll = keygate(env, "signing-keys", "roll", "--server", url);
    assertThat(roll.code()).isEqualTo(2);
    assertThat(roll.errLines()).singleElement().asString().contains("without --server");

    Cli.Result serve = keygate(env, "--server", url, "serve");
    assertThat(serve.code()).isEqualTo(2);
    assertThat(serve.errLines()).first().asString().contains("runs only on this machine");
  }

  private static JsonNode withoutUsage(JsonNode key) {
    ObjectNode copy = key.deepCopy();
    copy.remove(List.of("last_verified_on", "last_verified_ip", "verification_count"));
    return copy;
  }

  private Map<String, String> withRootKey() {
    Map<String, String> env = new HashMap<>();
    env.put("KEYGATE_MANAGEMENT_KEY", root);
    env.put("HOME", laptop.toString());
    return env;
  }

  private Cli.Result keygate(Map<String, String> env, String... args) {
    return Cli.run(env, laptop, args);
  }

  private static String verify(String token) {
    return serving
        .post("/api/v1/api_keys/verify", ServeCommandTest.verifyRequest(token, "read:users"), root)
        .hasStatus(200)
        .text("/code");
  }

  /** A new M2M application on the management API with {@code scopes}: {client id, secret}. */
  private static String[] application(String... scopes) {
    String managementApi = null;
    for (JsonNode api : serving.get("/api/v1/apis", root).hasStatus(200).json().get("apis")) {
      if (api.get("audience").asText().equals("keygate-management")) {
        managementApi = api.get("id").asText();
      }
    }
    Map<String, String> scopeIds = new HashMap<>();
    for (JsonNode scope :
        serving.get("/api/v1/apis/" + managementApi, root).json().at("/api/scopes")) {
      scopeIds.put(scope.get("key").asText(), scope.get("id").asText());
    }
    JsonNode created =
        serving
            .post("/api/v1/applications", "{\"name\":\"Laptop\",\"type\":\"m2m\"}", root)
            .hasStatus(201)
            .json();
    String id = created.at("/application/id").asText();
    String secret = created.at("/application/client_secret").asText();
    serving
        .send(
            "PATCH",
            "/api/v1/apis/" + managementApi + "/applications",
            "{\"applications\":[{\"id\":\"" + id + "\"}]}",
            root)
        .hasStatus(200);
    List<String> granted = new ArrayList<>();
    for (String scope : scopes) {
      serving
          .post(
              "/api/v1/apis/"
                  + managementApi
                  + "/applications/"
                  + id
                  + "/scopes/"
                  + scopeIds.get(scope),
              null,
              root)
          .hasStatus(200);
      granted.add(scope);
    }
    assertThat(granted).hasSize(scopes.length);
    return new String[] {id, secret};
  }
}
