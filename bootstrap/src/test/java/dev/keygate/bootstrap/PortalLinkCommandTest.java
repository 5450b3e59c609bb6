package dev.keygate.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code keygate portal-link}: prints a portal URL carrying a short-lived key for one owner. */
class PortalLinkCommandTest {

  @TempDir Path directory;

  private Map<String, String> environment;

  @BeforeEach
  void initialisedWithAnOrganizationAndAUser() {
    environment = new HashMap<>(Cli.environment(directory));
    // The command line listens on nothing: the port is only what its links name, 8080 by default.
    environment.remove("KEYGATE_PORT");
    assertThat(Cli.run(environment, directory, "init").code()).isZero();
    assertThat(
            Cli.run(
                    environment,
                    directory,
                    "orgs",
                    "create",
                    "--name",
                    "Acme",
                    "--code",
                    "org_acme")
                .code())
        .isZero();
    assertThat(
            Cli.run(
                    environment,
                    directory,
                    "users",
                    "create",
                    "--id",
                    "kp_alice",
                    "--name",
                    "Alice")
                .code())
        .isZero();
  }

  @Test
  void givenOrg_printsTheLinkOnTheDefaultBaseUrl_validFifteenMinutes() {
    Cli.Result link = Cli.run(environment, directory, "portal-link", "--org", "org_acme");

    assertThat(link.code()).as(link.err()).isZero();
    assertThat(link.out())
        .startsWith("Portal link for organization org_acme, valid until ")
        .containsPattern("\n    http://127\\.0\\.0\\.1:8080/portal#k_live_[0-9A-Za-z]{61}\n")
        .contains("Send it to that customer only");
    assertThat(Cli.tokensIn(link.out())).hasSize(1);
  }

  @Test
  void givenUserAndBaseUrlAndJson_answersAsTheRestApi_withTheConfiguredTtl() throws Exception {
    environment.put("KEYGATE_PORTAL_LINK_TTL", "30m");
    Instant before = Instant.now();
    Cli.Result link =
        Cli.run(
            environment,
            directory,
            "portal-link",
            "--user",
            "kp_alice",
            "--base-url",
            "https://keys.example.com/",
            "--output",
            "json");

    assertThat(link.code()).as(link.err()).isZero();
    JsonNode json = new ObjectMapper().readTree(link.out());
    assertThat(json.get("code").asText()).isEqualTo("OK");
    assertThat(json.get("url").asText())
        .matches("https://keys\\.example\\.com/portal#k_live_\\w{61}");
    Instant expires = Instant.parse(json.get("expires_on").asText());
    assertThat(expires)
        .isAfter(before.plus(Duration.ofMinutes(29)))
        .isBefore(before.plus(Duration.ofMinutes(31)));
  }

  @Test
  void givenUnknownOrg_exits3_andBadBaseUrl_exits2() {
    Cli.Result unknown = Cli.run(environment, directory, "portal-link", "--org", "org_nobody");
    assertThat(unknown.code()).isEqualTo(3);
    assertThat(unknown.err()).isEqualTo("keygate portal-link: organization org_nobody not found\n");

    Cli.Result badBase =
        Cli.run(
            environment,
            directory,
            "portal-link",
            "--org",
            "org_acme",
            "--base-url",
            "keys.example.com");
    assertThat(badBase.code()).isEqualTo(2);
    assertThat(badBase.out()).isEmpty();

    Cli.Result both =
        Cli.run(environment, directory, "portal-link", "--org", "org_acme", "--user", "kp_alice");
    assertThat(both.code()).isEqualTo(2);
  }
}
