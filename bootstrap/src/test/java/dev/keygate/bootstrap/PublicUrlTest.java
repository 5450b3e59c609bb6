package dev.keygate.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Portal links are made on {@code KEYGATE_PUBLIC_URL}, else on the address the server listens on,
 * never on what a request says it was sent to ({@code Host}, {@code X-Forwarded-Host}): over REST
 * and from {@code keygate portal-link} alike.
 */
class PublicUrlTest {

  private static final Pattern URL = Pattern.compile("\"url\":\"([^\"]*)\"");

  @TempDir Path directory;

  private Map<String, String> environment;
  private String rootKey;

  @BeforeEach
  void initialisedWithAnOrganization() {
    environment = new HashMap<>(Cli.environment(directory));
    Cli.Result init = Cli.run(environment, directory, "init");
    assertThat(init.code()).as(init.err()).isZero();
    rootKey = Cli.tokensIn(init.out()).get(0);
    Cli.Result org =
        Cli.run(environment, directory, "orgs", "create", "--name", "Acme", "--code", "org_acme");
    assertThat(org.code()).as(org.err()).isZero();
  }

  @Test
  void givenNoPublicUrl_aLinkAskedForWithAnotherHost_isOnTheAddressTheServerListensOn() {
    try (ServingKeygate keygate = ServingKeygate.serve(environment, directory)) {
      String url = linkAskedForWithHost(keygate.server().port(), rootKey, "evil.example");

      assertThat(url).startsWith("http://127.0.0.1:" + keygate.server().port() + "/portal#k_live_");
    }
  }

  @Test
  void givenKeygatePublicUrl_linksOverRestAndFromTheCli_areOnIt() {
    environment.put("KEYGATE_PUBLIC_URL", "https://keys.example.com/keygate/");
    try (ServingKeygate keygate = ServingKeygate.serve(environment, directory)) {
      String url = linkAskedForWithHost(keygate.server().port(), rootKey, "evil.example");

      assertThat(url).startsWith("https://keys.example.com/keygate/portal#k_live_");
    }

    Cli.Result printed = Cli.run(environment, directory, "portal-link", "--org", "org_acme");

    assertThat(printed.code()).as(printed.err()).isZero();
    assertThat(printed.out())
        .containsPattern("\n    https://keys\\.example\\.com/keygate/portal#k_live_\\w{61}\n");
  }

  @Test
  void givenNoPublicUrl_theCliPrintsLinksOnTheConfiguredHostAndPort_loopbackForAWildcard()
      throws IOException {
    environment.put("KEYGATE_PORT", "9464");
    environment.put("KEYGATE_HOST", "0.0.0.0");
    Cli.Result wildcard = Cli.run(environment, directory, "portal-link", "--org", "org_acme");

    Files.writeString(directory.resolve("keygate.properties"), "keygate.host=keys.internal\n");
    environment.remove("KEYGATE_HOST");
    Cli.Result named = Cli.run(environment, directory, "portal-link", "--org", "org_acme");

    assertThat(wildcard.code()).as(wildcard.err()).isZero();
    assertThat(wildcard.out()).contains("\n    http://127.0.0.1:9464/portal#k_live_");
    assertThat(named.code()).as(named.err()).isZero();
    assertThat(named.out()).contains("\n    http://keys.internal:9464/portal#k_live_");
  }

  @Test
  void givenPortZeroAndNoPublicUrl_theCliAsksForABaseUrl_andMakesNoLink() {
    Cli.Result refused = Cli.run(environment, directory, "portal-link", "--org", "org_acme");

    assertThat(refused.code()).isEqualTo(2);
    assertThat(refused.err()).contains("port is 0").contains("--base-url");
    assertThat(Cli.tokensIn(refused.out())).isEmpty();
  }

  @Test
  void theListeningAddress_isTheBoundHost_orLoopbackForEveryInterface() {
    assertThat(PublicUrl.listening("http", "127.0.0.1", 8080)).isEqualTo("http://127.0.0.1:8080");
    assertThat(PublicUrl.listening("http", "keys.internal", 80))
        .isEqualTo("http://keys.internal:80");
    assertThat(PublicUrl.listening("https", "::1", 8443)).isEqualTo("https://[::1]:8443");
    assertThat(PublicUrl.listening("http", "[::1]", 8080)).isEqualTo("http://[::1]:8080");
    for (String everyInterface : new String[] {"0.0.0.0", "::", "[::]", "0:0:0:0:0:0:0:0"}) {
      assertThat(PublicUrl.listening("http", everyInterface, 9464))
          .isEqualTo("http://127.0.0.1:9464");
    }
  }

  @Test
  void aPublicUrl_keepsItsPath_withoutATrailingSlash_andItsSchemeInLowerCase() {
    assertThat(PublicUrl.parse(" https://keys.example.com/ "))
        .isEqualTo("https://keys.example.com");
    assertThat(PublicUrl.parse("HTTP://10.0.0.5:8080/keygate"))
        .isEqualTo("http://10.0.0.5:8080/keygate");
  }

  @Test
  void givenAPublicUrlThatIsNotAnAbsoluteHttpUrl_initAndPortalLinkRefuseIt_namingTheSetting() {
    for (String bad :
        new String[] {
          "keys.example.com",
          "/keygate",
          "ftp://keys.example.com",
          "https://",
          "https://keys.example.com/?next=1",
          "https://keys.example.com/#x",
          "https://keys example.com"
        }) {
      environment.put("KEYGATE_PUBLIC_URL", bad);

      // init resolves every setting as serve does, and ends by itself.
      Cli.Result init = Cli.run(environment, directory, "init");
      Cli.Result link = Cli.run(environment, directory, "portal-link", "--org", "org_acme");

      assertThat(init.code()).as(bad).isEqualTo(2);
      assertThat(init.err())
          .as(bad)
          .startsWith("keygate init: invalid public url '" + bad + "' from KEYGATE_PUBLIC_URL: ");
      assertThat(link.code()).as(bad).isEqualTo(2);
      assertThat(link.err()).as(bad).contains("from KEYGATE_PUBLIC_URL: ");
      assertThat(Cli.tokensIn(link.out())).isEmpty();
    }
  }

  /**
   * {@code POST /api/v1/portal_links} as a client sends it when it was pointed at {@code host}:
   * with that {@code Host}, and with the forwarding headers a proxy in front would add.
   */
  private static String linkAskedForWithHost(int port, String bearer, String host) {
    byte[] body = "{\"org_code\":\"org_acme\"}".getBytes(StandardCharsets.UTF_8);
    String head =
        "POST /api/v1/portal_links HTTP/1.1\r\n"
            + ("Host: " + host + "\r\n")
            + ("X-Forwarded-Host: " + host + "\r\n")
            + "X-Forwarded-Proto: https\r\n"
            + ("Forwarded: host=" + host + ";proto=https\r\n")
            + ("Authorization: Bearer " + bearer + "\r\n")
            + "Content-Type: application/json\r\n"
            + ("Content-Length: " + body.length + "\r\n")
            + "Connection: close\r\n\r\n";
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(head.getBytes(StandardCharsets.US_ASCII));
      out.write(body);
      out.flush();
      String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(answer).startsWith("HTTP/1.1 200 ");
      Matcher url = URL.matcher(answer);
      assertThat(url.find()).as(answer).isTrue();
      return url.group(1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
