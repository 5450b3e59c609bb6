package dev.keygate.spring.example;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keygate.application.port.in.AddScopeCommand;
import dev.keygate.application.port.in.CreateOrganizationCommand;
import dev.keygate.application.port.in.IssuedApiKey;
import dev.keygate.application.port.in.RegisterApiCommand;
import dev.keygate.bootstrap.Keygate;
import dev.keygate.domain.api.Api;
import dev.keygate.domain.owner.OrgCode;
import dev.keygate.domain.owner.Owner;
import dev.keygate.spring.ReadmeSnippets;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The starter in a real Spring Boot application on its embedded Tomcat, over real HTTP, with real
 * keys made through the Keygate bean: the README's Spring Boot example, run.
 */
@SpringBootTest(
    classes = OrdersApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "server.address=127.0.0.1",
      "keygate.argon2.memory-kib=256",
      "keygate.argon2.iterations=1"
    })
class KeygateStarterTest {

  private static final Owner ACME = new Owner.Org(new OrgCode("org_acme"));
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir static Path data;

  private static Api orders;

  @LocalServerPort int port;

  @Autowired Keygate keygate;

  @DynamicPropertySource
  static void dataInATemporaryDirectory(DynamicPropertyRegistry registry) {
    registry.add("keygate.data-dir", () -> data.resolve("keygate-data").toString());
  }

  @BeforeEach
  void anApiWithScopes() {
    if (orders != null) {
      return;
    }
    var keys = keygate.useCases();
    var me = keygate.operator();
    orders = keys.registerApi().register(me, new RegisterApiCommand("Orders", "orders"));
    keys.addScope().add(me, new AddScopeCommand(orders.id(), "read:orders", ""));
    keys.addScope().add(me, new AddScopeCommand(orders.id(), "write:orders", ""));
    keys.createOrganization()
        .create(me, new CreateOrganizationCommand("Acme", Optional.of(new OrgCode("org_acme"))));
  }

  @Test
  void keyWithTheScope_reachesTheControllerWhichSeesIt() throws Exception {
    IssuedApiKey reader = issue("read:orders");

    HttpResponse<String> answer = get("/api/orders", reader.token().reveal());

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.body()).isEqualTo("orders of org_acme for " + reader.key().id().value());
  }

  @Test
  void noKey_isRefused401() throws Exception {
    HttpResponse<String> answer = get("/api/orders", null);

    assertThat(answer.statusCode()).isEqualTo(401);
    assertThat(answer.body())
        .isEqualTo(
            "{\"errors\":[{\"code\":\"UNAUTHORIZED\",\"message\":\"an API key is required as"
                + " Authorization: Bearer <key>\"}]}");
  }

  @Test
  void keyWithoutTheScope_isRefused403() throws Exception {
    HttpResponse<String> answer = get("/api/orders", issue("write:orders").token().reveal());

    assertThat(answer.statusCode()).isEqualTo(403);
    assertThat(answer.body()).contains("the API key lacks the scope read:orders");
  }

  @Test
  void aPathOutsideKeygateProtect_needsNoKey() throws Exception {
    HttpResponse<String> answer = get("/status", null);

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.body()).isEqualTo("up");
  }

  @Test
  void theEmbeddedDatabase_isInKeygateDataDir() {
    assertThat(keygate.isHealthy()).isTrue();
    assertThat(data.resolve("keygate-data")).isDirectory();
  }

  @Test
  void readme_showsExactlyTheExampleThatRuns() {
    ReadmeSnippets.assertReadmeShows("### With Spring Boot", OrdersController.class);
    ReadmeSnippets.assertReadmeShowsProperties(
        "### With Spring Boot", Path.of("src/test/resources/application.properties"));
  }

  private IssuedApiKey issue(String scope) {
    return keygate.newKey(scope + " key", orders.id(), ACME).scopes(scope).create();
  }

  private HttpResponse<String> get(String path, String token) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
