package dev.keygate.bootstrap;

import dev.keygate.application.port.in.AddScopeCommand;
import dev.keygate.application.port.in.CreateOrganizationCommand;
import dev.keygate.application.port.in.IssuedApiKey;
import dev.keygate.application.port.in.RegisterApiCommand;
import dev.keygate.application.port.in.UsagePeriod;
import dev.keygate.application.port.in.UsageReport;
import dev.keygate.application.port.in.Verification;
import dev.keygate.domain.api.Api;
import dev.keygate.domain.owner.Organization;
import dev.keygate.domain.policy.RateLimit;
import dev.keygate.domain.policy.Refill;
import dev.keygate.domain.policy.RefillMode;
import java.time.Duration;
import java.util.Optional;

/** The README's embedded usage policy example, verbatim between the markers. */
final class PolicyExample {

  private PolicyExample() {}

  /** What the example verified and read. */
  record Outcome(Verification spent, Verification elsewhere, UsageReport today) {}

  static Outcome run() {
    try (Keygate keygate = Keygate.builder().jdbcUrl("jdbc:h2:mem:policy-example").build()) {
      Api api =
          keygate
              .useCases()
              .registerApi()
              .register(keygate.operator(), new RegisterApiCommand("Users API", "users-api"));
      keygate
          .useCases()
          .addScope()
          .add(keygate.operator(), new AddScopeCommand(api.id(), "read:users", "Read users"));
      Organization acme =
          keygate
              .useCases()
              .createOrganization()
              .create(keygate.operator(), new CreateOrganizationCommand("Acme", Optional.empty()));
      // README:start
      IssuedApiKey issued =
          keygate
              .newKey("Partner", api.id(), acme.asOwner())
              .scopes("read:users")
              .rateLimit("per-second", 10, Duration.ofSeconds(1))
              .credits(1_000, Refill.monthly(1_000, 1, RefillMode.SET))
              .allowFrom("203.0.113.0/24", "2001:db8::/32")
              .create();
      String token = issued.token().reveal();

      Verification spent =
          keygate.verifying(token).scopes("read:users").from("203.0.113.7").cost(5).verify();
      // API_KEY_VERIFIED; spent.creditsRemaining() is 995
      Verification elsewhere = keygate.verifying(token).from("198.51.100.1").verify();
      // API_KEY_IP_NOT_ALLOWED

      keygate.setRateLimits(acme.asOwner(), RateLimit.of("daily", 100_000, 86_400));
      keygate.changePolicy(issued.key().id()).credits(5_000).fromAnywhere().apply();
      UsageReport today = keygate.usage(issued.key().id(), UsagePeriod.LAST_24_HOURS);
      // README:end
      return new Outcome(spent, elsewhere, today);
    }
  }
}
