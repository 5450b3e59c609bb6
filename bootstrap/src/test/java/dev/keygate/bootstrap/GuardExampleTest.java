package dev.keygate.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keygate.adapter.crypto.Argon2Parameters;
import dev.keygate.application.fake.TestKeygate;
import dev.keygate.application.port.in.AddScopeCommand;
import dev.keygate.application.port.in.CreateApiKeyCommand;
import dev.keygate.application.port.in.CreateOrganizationCommand;
import dev.keygate.application.port.in.RegisterApiCommand;
import dev.keygate.domain.api.Api;
import dev.keygate.domain.owner.OrgCode;
import dev.keygate.domain.owner.Owner;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A host application's route guarded by Keygate keys, over real HTTP, as the README shows it. */
class GuardExampleTest {

  private final HttpClient http = HttpClient.newHttpClient();
  private Keygate keygate;
  private Javalin app;
  private String reader;
  private String writer;

  @BeforeEach
  void start() {
    keygate =
        Keygate.builder()
            .jdbcUrl("jdbc:h2:mem:guard")
            .argon2(new Argon2Parameters(256, 1, 1))
            .build();
    var keys = keygate.useCases();
    var me = keygate.operator();
    Api orders = keys.registerApi().register(me, new RegisterApiCommand("Orders", "orders"));
    keys.addScope().add(me, new AddScopeCommand(orders.id(), "read:orders", ""));
    keys.addScope().add(me, new AddScopeCommand(orders.id(), "write:orders", ""));
    keys.createOrganization()
        .create(me, new CreateOrganizationCommand("Acme", Optional.of(new OrgCode("org_acme"))));
    reader = issue(orders, "read:orders");
    writer = issue(orders, "write:orders");
    app = GuardExample.ordersApp(keygate).start("127.0.0.1", 0);
  }

  @AfterEach
  void stop() {
    app.stop();
    keygate.close();
  }

  @Test
  void keyWithTheScope_reachesTheRouteWhichSeesItsOwner() throws Exception {
    HttpResponse<String> answer = get(reader);

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.body()).isEqualTo("orders of org_acme");
  }

  @Test
  void keyWithoutTheScope_isRefused403NamingIt() throws Exception {
    HttpResponse<String> answer = get(writer);

    assertThat(answer.statusCode()).isEqualTo(403);
    assertThat(answer.body())
        .isEqualTo(
            "{\"errors\":[{\"code\":\"FORBIDDEN\",\"message\":\"the API key lacks the scope"
                + " read:orders\"}]}");
  }

  @Test
  void noKeyOrAnInvalidOne_isRefused401() throws Exception {
    HttpResponse<String> none = get(null);
    HttpResponse<String> typo = get(TestKeygate.withTypo(reader));

    assertThat(none.statusCode()).isEqualTo(401);
    assertThat(none.body()).contains("\"code\":\"UNAUTHORIZED\"");
    assertThat(typo.statusCode()).isEqualTo(401);
    assertThat(typo.body()).contains("\"code\":\"API_KEY_INVALID\"");
  }

  @Test
  void lookupGuessedAtTooOften_isRefused429WithRetryAfter_whileTheRealKeyStillPasses()
      throws Exception {
    assertThat(get(reader).statusCode()).isEqualTo(200);
    String guess = TestKeygate.withWrongSecret(reader);
    for (int i = 0; i < 10; i++) {
      assertThat(get(guess).statusCode()).isEqualTo(401);
    }

    HttpResponse<String> refused = get(guess);

    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(refused.headers().firstValue("Retry-After")).isPresent();
    assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow()))
        .isBetween(1L, 6L);
    assertThat(refused.body()).contains("\"code\":\"TOO_MANY_REQUESTS\"");
    assertThat(get(reader).statusCode()).isEqualTo(200);
  }

  @Test
  void twoAuthorizationHeaders_areRefused401_evenWhenTheFirstIsAValidKey() throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/orders"))
            .header("Authorization", "Bearer " + reader)
            .header("Authorization", "Bearer not-a-key")
            .build();

    HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());

    assertThat(answer.statusCode()).isEqualTo(401);
    assertThat(answer.body()).contains("one Authorization header");
  }

  @Test
  void revokedKey_isRefused401() throws Exception {
    String id = keygate.verify(reader).key().orElseThrow().id().value();
    keygate
        .useCases()
        .revokeApiKey()
        .revoke(keygate.operator(), new dev.keygate.domain.key.ApiKeyId(id));

    HttpResponse<String> answer = get(reader);

    assertThat(answer.statusCode()).isEqualTo(401);
    assertThat(answer.body()).contains("\"code\":\"API_KEY_REVOKED\"");
  }

  @Test
  void readme_showsExactlyTheExampleThatRuns() {
    ReadmeSnippets.assertReadmeShows("## Guard your own routes", GuardExample.class);
  }

  private HttpResponse<String> get(String token) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/orders"));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private String issue(Api api, String scope) {
    return keygate
        .useCases()
        .createApiKey()
        .create(
            keygate.operator(),
            new CreateApiKeyCommand(
                scope + " key",
                api.id(),
                List.of(scope),
                new Owner.Org(new OrgCode("org_acme")),
                Optional.empty()))
        .token()
        .reveal();
  }
}
