package dev.keygate.adapter.servlet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keygate.adapter.crypto.Argon2Parameters;
import dev.keygate.application.fake.TestKeygate;
import dev.keygate.application.port.in.AddScopeCommand;
import dev.keygate.application.port.in.CreateOrganizationCommand;
import dev.keygate.application.port.in.RegisterApiCommand;
import dev.keygate.bootstrap.Keygate;
import dev.keygate.domain.api.Api;
import dev.keygate.domain.owner.OrgCode;
import dev.keygate.domain.owner.Owner;
import jakarta.servlet.ServletRequest;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * KeygateFilter in a real servlet container (Jetty 12, EE 10) over real HTTP, with real keys of an
 * embedded Keygate on an H2 file: the README's servlet example, run.
 */
class KeygateFilterTest {

  private static final Owner ACME = new Owner.Org(new OrgCode("org_acme"));
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir static Path data;

  private static Keygate keygate;
  private static Server server;
  private static ServerConnector connector;
  private static Api orders;
  private static String reader;
  private static String writer;

  @BeforeAll
  static void start() throws Exception {
    keygate =
        Keygate.builder()
            .jdbcUrl("jdbc:h2:file:" + data.resolve("keygate"))
            .argon2(new Argon2Parameters(256, 1, 1))
            .build();
    var keys = keygate.useCases();
    var me = keygate.operator();
    orders = keys.registerApi().register(me, new RegisterApiCommand("Orders", "orders"));
    keys.addScope().add(me, new AddScopeCommand(orders.id(), "read:orders", ""));
    keys.addScope().add(me, new AddScopeCommand(orders.id(), "write:orders", ""));
    keys.createOrganization()
        .create(me, new CreateOrganizationCommand("Acme", Optional.of(new OrgCode("org_acme"))));
    reader =
        keygate.newKey("reader", orders.id(), ACME).scopes("read:orders").create().token().reveal();
    writer =
        keygate
            .newKey("writer", orders.id(), ACME)
            .scopes("write:orders")
            .create()
            .token()
            .reveal();

    server = new Server();
    connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler();
    context.addServletContainerInitializer(new OrdersApplication(keygate));
    server.setHandler(context);
    server.start();
  }

  @AfterAll
  static void stop() throws Exception {
    server.stop();
    keygate.close();
  }

  @Test
  void keyWithTheScope_reachesTheServletWhichSeesItsOwner() throws Exception {
    HttpResponse<String> answer = get(reader);

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.body()).isEqualTo("orders of org_acme");
  }

  @Test
  void keyWithoutTheScope_isRefused403NamingIt() throws Exception {
    HttpResponse<String> answer = get(writer);

    assertThat(answer.statusCode()).isEqualTo(403);
    assertThat(answer.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    assertThat(answer.body())
        .isEqualTo(
            "{\"errors\":[{\"code\":\"FORBIDDEN\",\"message\":\"the API key lacks the scope"
                + " read:orders\"}]}");
  }

  @Test
  void noKey_anInvalidOne_orARevokedOne_isRefused401() throws Exception {
    String revoked =
        keygate
            .newKey("revoked", orders.id(), ACME)
            .scopes("read:orders")
            .create()
            .token()
            .reveal();
    keygate
        .useCases()
        .revokeApiKey()
        .revoke(keygate.operator(), keygate.verify(revoked).key().orElseThrow().id());

    HttpResponse<String> none = get(null);
    HttpResponse<String> typo = get(TestKeygate.withTypo(reader));
    HttpResponse<String> gone = get(revoked);

    assertThat(none.statusCode()).isEqualTo(401);
    assertThat(none.body())
        .isEqualTo(
            "{\"errors\":[{\"code\":\"UNAUTHORIZED\",\"message\":\"an API key is required as"
                + " Authorization: Bearer <key>\"}]}");
    assertThat(typo.statusCode()).isEqualTo(401);
    assertThat(typo.body()).contains("\"code\":\"API_KEY_INVALID\"");
    assertThat(gone.statusCode()).isEqualTo(401);
    assertThat(gone.body()).contains("\"code\":\"API_KEY_REVOKED\"");
  }

  @Test
  void twoAuthorizationHeaders_areRefused401_evenWhenTheFirstIsAValidKey() throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(ordersUri())
            .header("Authorization", "Bearer " + reader)
            .header("Authorization", "Bearer not-a-key")
            .build();

    HttpResponse<String> answer = HTTP.send(request, HttpResponse.BodyHandlers.ofString());

    assertThat(answer.statusCode()).isEqualTo(401);
    assertThat(answer.body()).contains("one Authorization header");
  }

  @Test
  void keyOverItsRateLimit_isRefused429WithRetryAfter() throws Exception {
    String limited =
        keygate
            .newKey("limited", orders.id(), ACME)
            .scopes("read:orders")
            .rateLimit("per-hour", 1, Duration.ofHours(1))
            .create()
            .token()
            .reveal();
    assertThat(get(limited).statusCode()).isEqualTo(200);

    HttpResponse<String> refused = get(limited);

    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(refused.body()).contains("\"code\":\"API_KEY_RATE_LIMITED\"");
    assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow()))
        .isBetween(1L, 3600L);
  }

  @Test
  void keyAllowedFromAnotherAddressOnly_isRefused403() throws Exception {
    String elsewhere =
        keygate
            .newKey("elsewhere", orders.id(), ACME)
            .scopes("read:orders")
            .allowFrom("203.0.113.0/24")
            .create()
            .token()
            .reveal();

    HttpResponse<String> answer = get(elsewhere);

    assertThat(answer.statusCode()).isEqualTo(403);
    assertThat(answer.body()).contains("\"code\":\"API_KEY_IP_NOT_ALLOWED\"");
  }

  @Test
  void verifiedKey_ofARequestTheFilterDidNotPass_isAnError() {
    ServletRequest unguarded =
        (ServletRequest)
            Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {ServletRequest.class},
                (proxy, method, args) -> null);

    assertThatThrownBy(() -> KeygateFilter.verifiedKey(unguarded))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("the request did not pass through KeygateFilter");
  }

  @Test
  void readme_showsExactlyTheExampleThatRuns() {
    ReadmeSnippets.assertReadmeShows("### In a servlet application", OrdersApplication.class);
  }

  private static URI ordersUri() {
    return URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/orders");
  }

  private static HttpResponse<String> get(String token) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(ordersUri());
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
