package dev.keygate.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code keygate keys create-root} on a real H2 file: another root key on an initialised
 * deployment, printed once, audited, and a bearer on the server like the one {@code init} printed.
 */
class CreateRootKeyCommandTest {

  private static final Pattern KEY_ID = Pattern.compile("api_key_[0-9a-f]{32}");
  private static final String ACTOR = "cli:" + System.getProperty("user.name");

  @TempDir Path directory;

  private Map<String, String> environment;

  @BeforeEach
  void cheapArgon2OnAnH2FileInTheTemporaryDirectory() {
    environment = Cli.environment(directory);
  }

  private Cli.Result keygate(String... args) {
    return Cli.run(environment, directory, args);
  }

  @Test
  void givenAServedDeployment_createRoot_printsANewRootKeyOnce_whichManagesTheServer() {
    String firstRootKey;
    try (ServingKeygate first = ServingKeygate.serve(environment, directory)) {
      firstRootKey = first.printedTokens().get(0);
    }

    Cli.Result created = keygate("keys", "create-root", "--name", "Bob's root key");

    assertThat(created.code()).as(created.err()).isZero();
    assertThat(created.err()).isEmpty();
    assertThat(created.tokens()).hasSize(1).doesNotContain(firstRootKey);
    assertThat(created.out())
        .contains("Created root management key api_key_")
        .contains("(Bob's root key) with every management scope.")
        .contains("shown only this time");
    String rootKey = created.tokens().get(0);
    try (ServingKeygate server = ServingKeygate.serve(environment, directory)) {
      assertThat(server.printedTokens()).isEmpty();
      ServingKeygate.Answer keys = server.getExtended("/api/v1/api_keys", rootKey).hasStatus(200);
      assertThat(keys.json().get("api_keys")).hasSize(2);
      assertThat(keys.json().findValuesAsText("name"))
          .containsExactlyInAnyOrder("Root management key", "Bob's root key");
      assertThat(keys.text("/api_keys/1/scopes")).isEqualTo(keys.text("/api_keys/0/scopes"));
      assertThat(keys.json().at("/api_keys/1/scopes").size())
          .isEqualTo(keys.json().at("/api_keys/0/scopes").size())
          .isGreaterThan(10);
    }
  }

  @Test
  void givenAnInitialisedDeployment_createRoot_isAuditedAsTheOperatorOnTheKey() {
    assertThat(keygate("init").code()).isZero();

    Cli.Result created = keygate("keys", "create-root");

    assertThat(created.code()).as(created.err()).isZero();
    assertThat(created.out()).contains("(Root management key) with every management scope.");
    Matcher id = KEY_ID.matcher(created.out());
    assertThat(id.find()).isTrue();
    Cli.Result audit = keygate("audit", "list", "--key", id.group(), "--output", "json");
    assertThat(audit.code()).as(audit.err()).isZero();
    JsonNode events = LocalCommandsTest.json(audit).get("audit_events");
    assertThat(events).hasSize(1);
    assertThat(events.get(0).get("action").asText()).isEqualTo("api_key_create");
    assertThat(events.get(0).get("actor").asText()).isEqualTo(ACTOR);
    assertThat(events.get(0).get("target").asText()).isEqualTo(id.group());
    assertThat(events.get(0).get("outcome").asText()).isEqualTo("succeeded");
    assertThat(audit.out()).doesNotContain(created.tokens().get(0));
  }

  @Test
  void givenAnEmptyDatabase_createRoot_failsWithOneLineNamingInit_andMakesNoKey() {
    Cli.Result refused = keygate("keys", "create-root");

    assertThat(refused.code()).isEqualTo(3);
    assertThat(refused.errLines())
        .containsExactly(
            "keygate keys create-root: keygate is not initialised: run 'keygate init', which"
                + " prints the first root key");
    assertThat(refused.out()).isEmpty();
    assertThat(keygate("init").tokens()).hasSize(1);
  }
}
