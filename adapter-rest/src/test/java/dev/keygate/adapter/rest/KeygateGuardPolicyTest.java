package dev.keygate.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keygate.application.fake.TestKeygate;
import dev.keygate.application.port.in.CreateApiKeyCommand;
import dev.keygate.domain.api.Api;
import dev.keygate.domain.owner.OrgCode;
import dev.keygate.domain.owner.Owner;
import dev.keygate.domain.policy.Credits;
import dev.keygate.domain.policy.IpAllowlist;
import dev.keygate.domain.policy.RateLimit;
import dev.keygate.domain.policy.Refill;
import dev.keygate.domain.policy.RefillMode;
import dev.keygate.domain.policy.UsagePolicy;
import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A host application's route behind {@link KeygateGuard}, over real HTTP, for keys under a usage
 * policy: the guard passes the request's address, spends its cost, and answers each refusal of the
 * policy with its status and, where it is known, how long to wait. On the application's fakes,
 * whose clock starts at 2026-01-01T00:00:00Z.
 */
class KeygateGuardPolicyTest {

  private final TestKeygate keygate = new TestKeygate();
  private final HttpClient http = HttpClient.newHttpClient();
  private final Api orders = keygate.registerApi("https://orders.example.com");
  private Javalin app;

  {
    keygate.addScope(orders, "read:orders");
    keygate.createOrganization("org_acme");
  }

  @AfterEach
  void stop() {
    if (app != null) {
      app.stop();
    }
  }

  /** The orders app, its route spending {@code cost} per request. */
  private void start(long cost) {
    KeygateGuard guard =
        KeygateGuard.of(keygate.services.verifyApiKey(), TestKeygate.OPERATOR)
            .withClock(keygate.clock)
            .costing(cost);
    app =
        Javalin.create(
                config -> {
                  config.routes.before("/orders", guard.require("read:orders"));
                  config.routes.get(
                      "/orders", ctx -> ctx.result(KeygateGuard.verifiedKey(ctx).owner().id()));
                })
            .start("127.0.0.1", 0);
  }

  private String keyUnder(UsagePolicy policy) {
    return keygate
        .services
        .createApiKey()
        .create(
            TestKeygate.OPERATOR,
            new CreateApiKeyCommand(
                "orders key",
                orders.id(),
                List.of("read:orders"),
                new Owner.Org(new OrgCode("org_acme")),
                Optional.empty(),
                policy))
        .token()
        .reveal();
  }

  private HttpResponse<String> get(String token) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/orders"))
            .header("Authorization", "Bearer " + token)
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static String retryAfter(HttpResponse<String> answer) {
    return answer.headers().firstValue("Retry-After").orElse(null);
  }

  @Test
  void givenAKeyAllowedFromLoopbackOnly_theGuard_checksTheRequestsOwnAddress() throws Exception {
    start(1);
    String here =
        keyUnder(UsagePolicy.NONE.withIpAllowlist(IpAllowlist.parse(List.of("127.0.0.0/8"))));
    String elsewhere =
        keyUnder(UsagePolicy.NONE.withIpAllowlist(IpAllowlist.parse(List.of("203.0.113.0/24"))));

    HttpResponse<String> allowed = get(here);
    HttpResponse<String> refused = get(elsewhere);

    assertThat(allowed.statusCode()).isEqualTo(200);
    assertThat(allowed.body()).isEqualTo("org_acme");
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.body())
        .isEqualTo(
            "{\"errors\":[{\"code\":\"API_KEY_IP_NOT_ALLOWED\",\"message\":\"API key is not"
                + " allowed from this address\"}]}");
    assertThat(retryAfter(refused)).isNull();
  }

  @Test
  void givenARateLimit_theGuard_answers429WithTheSecondsLeftInTheWindow() throws Exception {
    start(1);
    String token = keyUnder(UsagePolicy.NONE.withRateLimits(List.of(RateLimit.of("burst", 1, 60))));
    assertThat(get(token).statusCode()).isEqualTo(200);
    keygate.clock.advance(Duration.ofSeconds(20));

    HttpResponse<String> refused = get(token);

    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(refused.body()).contains("\"code\":\"API_KEY_RATE_LIMITED\"");
    assertThat(retryAfter(refused)).isEqualTo("40");
    keygate.clock.advance(Duration.ofSeconds(40));
    assertThat(get(token).statusCode()).isEqualTo(200);
  }

  @Test
  void givenCredits_theGuard_spendsItsCost_thenAnswers429UntilTheNextRefill() throws Exception {
    start(2);
    String refilled =
        keyUnder(
            UsagePolicy.NONE.withCredits(
                Optional.of(new Credits(3, Optional.of(Refill.daily(4, RefillMode.SET))))));
    String never =
        keyUnder(UsagePolicy.NONE.withCredits(Optional.of(new Credits(1, Optional.empty()))));
    assertThat(get(refilled).statusCode()).isEqualTo(200);
    keygate.clock.advance(Duration.ofHours(18));

    HttpResponse<String> spent = get(refilled);
    HttpResponse<String> tooFew = get(never);

    assertThat(spent.statusCode()).isEqualTo(429);
    assertThat(spent.body()).contains("\"code\":\"API_KEY_USAGE_EXCEEDED\"");
    assertThat(retryAfter(spent)).isEqualTo(String.valueOf(Duration.ofHours(6).toSeconds()));
    assertThat(tooFew.statusCode()).isEqualTo(429);
    assertThat(retryAfter(tooFew)).isNull();
    keygate.clock.advance(Duration.ofHours(6));
    assertThat(get(refilled).statusCode()).isEqualTo(200);
    assertThat(get(refilled).statusCode()).isEqualTo(200);
    assertThat(get(refilled).statusCode()).isEqualTo(429);
  }

  @Test
  void aCostOutOfRange_isRefusedWhenTheGuardIsMade() {
    KeygateGuard guard = KeygateGuard.of(keygate.services.verifyApiKey(), TestKeygate.OPERATOR);

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> guard.costing(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("cost must be 0-1000000000, was -1");
  }
}
