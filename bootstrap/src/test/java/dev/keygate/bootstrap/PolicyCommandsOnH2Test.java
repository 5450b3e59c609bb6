package dev.keygate.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A key's usage policy through the local command line on an H2 file, in-process as the jar runs it:
 * made, enforced at {@code keys verify}, changed, and counted by {@code keys usage}. (On H2 each
 * process counts rate limits of its own, so separate runs of the command line never reach one.)
 */
class PolicyCommandsOnH2Test {

  private static final Pattern KEY_ID = Pattern.compile("api_key_[0-9a-f]{32}");

  @TempDir Path directory;

  @Test
  void aKeyWithAPolicy_isRefusedForEachReason_changed_andItsUsageCounted() {
    Map<String, String> environment = Cli.environment(directory);
    ok(Cli.run(environment, directory, "init"));
    String apiId =
        LocalCommandsTest.json(
                ok(
                    Cli.run(
                        environment,
                        directory,
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
    ok(Cli.run(environment, directory, "orgs", "create", "--name", "Acme", "--code", "org_acme"));
    Cli.Result created =
        ok(
            Cli.run(
                environment,
                directory,
                "keys",
                "create",
                "--name",
                "Metered",
                "--api",
                apiId,
                "--org",
                "org_acme",
                "--rate-limit",
                "hourly=100/1h",
                "--credits",
                "2",
                "--ip",
                "203.0.113.0/24"));
    String token = created.tokens().get(0);
    Matcher id = KEY_ID.matcher(created.out());
    assertThat(id.find()).isTrue();
    String keyId = id.group();

    Cli.Result valid = verify(environment, token, "--client-ip", "203.0.113.5", "--cost", "2");
    Cli.Result elsewhere = verify(environment, token, "--client-ip", "198.51.100.1");
    Cli.Result spent = verify(environment, token, "--client-ip", "203.0.113.5");
    ok(Cli.run(environment, directory, "keys", "update", keyId, "--no-credits"));
    Cli.Result shown = ok(Cli.run(environment, directory, "keys", "show", keyId));

    assertThat(valid.code()).isZero();
    assertThat(valid.out()).contains("Credits left:  0\n");
    assertThat(elsewhere.out()).startsWith("API_KEY_IP_NOT_ALLOWED: ");
    assertThat(spent.out()).startsWith("API_KEY_USAGE_EXCEEDED: ");
    assertThat(shown.out())
        .contains("Rate limits:     hourly 100/1h\n", "Credits:         unmetered\n")
        .contains("Allowed from:    203.0.113.0/24\n");
    // Counts are written behind; the command line flushes them when it closes the database.
    String usage = ok(Cli.run(environment, directory, "keys", "usage", keyId)).out();
    assertThat(usage.lines().toList().get(24))
        .endsWith("API_KEY_IP_NOT_ALLOWED 1, API_KEY_USAGE_EXCEEDED 1, API_KEY_VERIFIED 1");
  }

  private Cli.Result verify(Map<String, String> environment, String token, String... options) {
    String[] args = new String[options.length + 2];
    args[0] = "keys";
    args[1] = "verify";
    System.arraycopy(options, 0, args, 2, options.length);
    Cli.Result result = Cli.runWithInput(environment, directory, token, args);
    assertThat(result.err()).isEmpty();
    return result;
  }

  private static Cli.Result ok(Cli.Result result) {
    assertThat(result.code()).as(result.err()).isZero();
    assertThat(result.err()).isEmpty();
    return result;
  }
}
