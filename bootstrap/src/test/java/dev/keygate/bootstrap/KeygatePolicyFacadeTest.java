package dev.keygate.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keygate.adapter.crypto.Argon2Parameters;
import dev.keygate.adapter.rest.KeygateGuard;
import dev.keygate.application.port.in.AddScopeCommand;
import dev.keygate.application.port.in.CreateOrganizationCommand;
import dev.keygate.application.port.in.IssuedApiKey;
import dev.keygate.application.port.in.RegisterApiCommand;
import dev.keygate.application.port.in.UsagePeriod;
import dev.keygate.application.port.in.UsageReport;
import dev.keygate.application.port.in.Verification;
import dev.keygate.application.port.in.VerifyOutcome;
import dev.keygate.domain.api.Api;
import dev.keygate.domain.key.ApiKey;
import dev.keygate.domain.owner.OrgCode;
import dev.keygate.domain.owner.Owner;
import dev.keygate.domain.policy.Credits;
import dev.keygate.domain.policy.RateLimit;
import dev.keygate.domain.policy.Refill;
import dev.keygate.domain.policy.RefillMode;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The embedding facade's usage policy on a real H2 database: keys made with a policy and changed,
 * verifications from an address at a cost, shared owner limits, usage counts, and the guard it
 * makes.
 */
class KeygatePolicyFacadeTest {

  private static final Owner ACME = new Owner.Org(new OrgCode("org_acme"));

  private final Keygate keygate =
      Keygate.builder()
          .jdbcUrl("jdbc:h2:mem:policy-facade")
          .argon2(new Argon2Parameters(256, 1, 1))
          .usageFlushInterval(Duration.ofMillis(50))
          .build();
  private final Api orders;

  {
    orders =
        keygate
            .useCases()
            .registerApi()
            .register(keygate.operator(), new RegisterApiCommand("Orders", "orders"));
    keygate
        .useCases()
        .addScope()
        .add(keygate.operator(), new AddScopeCommand(orders.id(), "read:orders", ""));
    keygate
        .useCases()
        .createOrganization()
        .create(
            keygate.operator(),
            new CreateOrganizationCommand("Acme", Optional.of(new OrgCode("org_acme"))));
  }

  @AfterEach
  void close() {
    keygate.close();
  }

  @Test
  void aKeyMadeWithAPolicy_isVerifiedFromItsAddressesAtItsCost() {
    IssuedApiKey issued = metered();
    String token = issued.token().reveal();

    Verification spent =
        keygate.verifying(token).scopes("read:orders").from("203.0.113.7").cost(4).verify();
    Verification elsewhere = keygate.verifying(token).from("198.51.100.1").verify();
    Verification tooDear = keygate.verifying(token).from("2001:db8::1").cost(7).verify();

    assertThat(spent.outcome()).isEqualTo(VerifyOutcome.API_KEY_VERIFIED);
    assertThat(spent.creditsRemaining()).contains(6L);
    assertThat(spent.rateLimit().orElseThrow().name()).isEqualTo("burst");
    assertThat(elsewhere.outcome()).isEqualTo(VerifyOutcome.API_KEY_IP_NOT_ALLOWED);
    assertThat(tooDear.outcome()).isEqualTo(VerifyOutcome.API_KEY_USAGE_EXCEEDED);
    assertThat(keygate.verify(token).outcome()).isEqualTo(VerifyOutcome.API_KEY_IP_NOT_ALLOWED);
  }

  @Test
  void theOperator_loosensAPolicy_andIsAnsweredTheKeyAsChanged() {
    IssuedApiKey issued = metered();
    String token = issued.token().reveal();

    assertThat(keygate.changePolicy(issued.key().id()).credits(50).apply().policy().credits())
        .map(Credits::remaining)
        .contains(50L);
    ApiKey changed = keygate.changePolicy(issued.key().id()).noCredits().fromAnywhere().apply();
    ApiKey read = keygate.useCases().getApiKey().get(keygate.operator(), issued.key().id());

    for (ApiKey key : List.of(read, changed)) {
      assertThat(key.policy().credits()).isEmpty();
      assertThat(key.policy().ipAllowlist().isRestricted()).isFalse();
      assertThat(key.policy().rateLimits()).containsExactly(RateLimit.of("burst", 100, 1));
    }
    assertThat(keygate.verifying(token).cost(1_000).verify().outcome())
        .isEqualTo(VerifyOutcome.API_KEY_VERIFIED);
  }

  private IssuedApiKey metered() {
    return keygate
        .newKey("Orders", orders.id(), ACME)
        .scopes("read:orders")
        .rateLimit("burst", 100, Duration.ofSeconds(1))
        .credits(10, Refill.monthly(10, 1, RefillMode.SET))
        .allowFrom("203.0.113.0/24", "2001:db8::/32")
        .create();
  }

  @Test
  void ownerLimits_areSharedByTheOwnersKeys_andUsageCountsEachOutcome() throws Exception {
    String first = keygate.newKey("first", orders.id(), ACME).create().token().reveal();
    IssuedApiKey second = keygate.newKey("second", orders.id(), ACME).create();

    List<RateLimit> shared = keygate.setRateLimits(ACME, RateLimit.of("shared", 2, 3600));

    assertThat(shared).containsExactly(RateLimit.of("shared", 2, 3600));
    assertThat(keygate.rateLimits(ACME)).isEqualTo(shared);
    assertThat(keygate.verify(first).outcome()).isEqualTo(VerifyOutcome.API_KEY_VERIFIED);
    assertThat(keygate.verify(second.token().reveal()).outcome())
        .isEqualTo(VerifyOutcome.API_KEY_VERIFIED);
    assertThat(keygate.verify(second.token().reveal()).outcome())
        .isEqualTo(VerifyOutcome.API_KEY_RATE_LIMITED);

    UsageReport usage = awaitCounts(second, 2);
    assertThat(usage.buckets()).hasSize(24);
    // Summed over the buckets: a run at the turn of an hour spreads them over two.
    Map<String, Long> byOutcome = new java.util.TreeMap<>();
    usage
        .buckets()
        .forEach(bucket -> bucket.counts().forEach((k, n) -> byOutcome.merge(k, n, Long::sum)));
    assertThat(byOutcome).isEqualTo(Map.of("API_KEY_VERIFIED", 1L, "API_KEY_RATE_LIMITED", 1L));
    assertThat(keygate.usage(ACME, UsagePeriod.LAST_30_DAYS).buckets()).hasSize(30);
  }

  @Test
  void itsGuard_answers429WithRetryAfter_toAKeyOverItsRateLimit() throws Exception {
    String token =
        keygate
            .newKey("Orders", orders.id(), ACME)
            .scopes("read:orders")
            .rateLimit("hourly", 1, Duration.ofHours(1))
            .create()
            .token()
            .reveal();
    KeygateGuard guard = keygate.guard();
    Javalin app =
        Javalin.create(
                config -> {
                  config.routes.before("/orders", guard.require("read:orders"));
                  config.routes.get("/orders", ctx -> ctx.result("orders"));
                })
            .start("127.0.0.1", 0);
    try {
      HttpClient http = HttpClient.newHttpClient();
      HttpRequest request =
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/orders"))
              .header("Authorization", "Bearer " + token)
              .build();

      HttpResponse<String> allowed = http.send(request, HttpResponse.BodyHandlers.ofString());
      HttpResponse<String> refused = http.send(request, HttpResponse.BodyHandlers.ofString());

      assertThat(allowed.statusCode()).isEqualTo(200);
      assertThat(refused.statusCode()).isEqualTo(429);
      assertThat(refused.body()).contains("\"code\":\"API_KEY_RATE_LIMITED\"");
      assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow()))
          .isBetween(1L, 3600L);
    } finally {
      app.stop();
    }
  }

  /** The key's usage once its counts were written behind, waiting a bounded while. */
  /** The key's usage once the write-behind recorder wrote {@code verifications} of them. */
  private UsageReport awaitCounts(IssuedApiKey key, long verifications) {
    FeedWaits.awaitTrue(
        () -> total(keygate.usage(key.key().id(), UsagePeriod.LAST_24_HOURS)) >= verifications);
    return keygate.usage(key.key().id(), UsagePeriod.LAST_24_HOURS);
  }

  private static long total(UsageReport report) {
    return report.buckets().stream()
        .flatMap(bucket -> bucket.counts().values().stream())
        .mapToLong(Long::longValue)
        .sum();
  }
}
