package dev.keygate.application.service;

import static dev.keygate.application.fake.TestKeygate.OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keygate.application.fake.TestKeygate;
import dev.keygate.application.port.in.CreateApiKeyCommand;
import dev.keygate.application.port.in.IssuedApiKey;
import dev.keygate.application.port.in.ManagementScope;
import dev.keygate.application.port.in.Principal;
import dev.keygate.application.port.in.UpdateApiKeyCommand;
import dev.keygate.application.port.in.UsagePeriod;
import dev.keygate.application.port.in.UsageReport;
import dev.keygate.application.port.in.Verification;
import dev.keygate.application.port.in.VerifyApiKeyCommand;
import dev.keygate.application.port.in.VerifyOutcome;
import dev.keygate.domain.ForbiddenException;
import dev.keygate.domain.LimitReachedException;
import dev.keygate.domain.ValidationException;
import dev.keygate.domain.api.Api;
import dev.keygate.domain.audit.AuditAction;
import dev.keygate.domain.audit.AuditOutcome;
import dev.keygate.domain.key.ApiKeyId;
import dev.keygate.domain.owner.OrgCode;
import dev.keygate.domain.owner.Owner;
import dev.keygate.domain.policy.Credits;
import dev.keygate.domain.policy.IpAllowlist;
import dev.keygate.domain.policy.RateLimit;
import dev.keygate.domain.policy.Refill;
import dev.keygate.domain.policy.RefillMode;
import dev.keygate.domain.policy.UsagePolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * A key's usage policy at verification, and who may change it: addresses first, then rate limits
 * (the key's and its owner's), then credits, each refusal with its own code; only the operator
 * loosens a policy, and never for the key presenting itself.
 */
class UsagePolicyTest {

  private static final Owner ORG_A = new Owner.Org(new OrgCode("org_a"));
  private static final Owner ORG_B = new Owner.Org(new OrgCode("org_b"));

  private final TestKeygate t = new TestKeygate();
  private Api users;

  @BeforeEach
  void setUp() {
    t.createOrganization("org_a");
    t.createOrganization("org_b");
    users = t.registerApi("https://users.example.com");
    t.addScope(users, "read:users");
  }

  private IssuedApiKey key(Owner owner, UsagePolicy policy) {
    return t.services
        .createApiKey()
        .create(
            OPERATOR,
            new CreateApiKeyCommand(
                "metered", users.id(), List.of(), owner, Optional.empty(), policy));
  }

  private IssuedApiKey key(UsagePolicy policy) {
    return key(ORG_A, policy);
  }

  private static UsagePolicy limits(RateLimit... limits) {
    return UsagePolicy.NONE.withRateLimits(List.of(limits));
  }

  private static UsagePolicy credits(long remaining, Optional<Refill> refill) {
    return UsagePolicy.NONE.withCredits(Optional.of(new Credits(remaining, refill)));
  }

  private static UsagePolicy from(String... ranges) {
    return UsagePolicy.NONE.withIpAllowlist(IpAllowlist.parse(List.of(ranges)));
  }

  private Verification verify(IssuedApiKey key, long cost, String clientIp) {
    return t.services
        .verifyApiKey()
        .verify(
            OPERATOR,
            new VerifyApiKeyCommand(
                key.token().reveal(),
                Set.of(),
                Optional.empty(),
                Optional.ofNullable(clientIp),
                cost));
  }

  private Verification verify(IssuedApiKey key) {
    return verify(key, 1, "203.0.113.7");
  }

  private ApiKeyId id(IssuedApiKey key) {
    return key.key().id();
  }

  private static UpdateApiKeyCommand policyChange(
      Optional<List<RateLimit>> limits, Optional<Credits> credits, Optional<IpAllowlist> from) {
    return new UpdateApiKeyCommand(
        Optional.empty(), Optional.empty(), Optional.empty(), limits, credits, false, from);
  }

  @Nested
  class RateLimits {

    @Test
    void theLimitIsReachedExactly_theNextUseIsRefusedUntilTheWindowEnds() {
      IssuedApiKey key = key(limits(RateLimit.of("burst", 3, 60)));
      Instant windowEnd = RateLimit.of("burst", 3, 60).windowEnd(t.clock.instant());

      for (long remaining = 2; remaining >= 0; remaining--) {
        Verification valid = verify(key);
        assertThat(valid.outcome()).isEqualTo(VerifyOutcome.API_KEY_VERIFIED);
        assertThat(valid.rateLimit().orElseThrow().remaining()).isEqualTo(remaining);
      }
      Verification refused = verify(key);

      assertThat(refused.outcome()).isEqualTo(VerifyOutcome.API_KEY_RATE_LIMITED);
      assertThat(refused.isValid()).isFalse();
      assertThat(refused.rateLimit().orElseThrow())
          .isEqualTo(new Verification.RateLimitStatus("burst", 3, 0, windowEnd));
      t.clock.advance(Duration.between(t.clock.instant(), windowEnd).minusMillis(1));
      assertThat(verify(key).outcome()).isEqualTo(VerifyOutcome.API_KEY_RATE_LIMITED);
      t.clock.advance(Duration.ofMillis(1));
      assertThat(verify(key).outcome()).isEqualTo(VerifyOutcome.API_KEY_VERIFIED);
    }

    @Test
    void theLimitWithFewestUsesLeftIsTold_andAnyOfThemRefuses() {
      IssuedApiKey key = key(limits(RateLimit.of("second", 5, 1), RateLimit.of("day", 2, 86_400)));

      Verification first = verify(key);
      assertThat(first.rateLimit().orElseThrow().name()).isEqualTo("day");
      assertThat(first.rateLimit().orElseThrow().remaining()).isEqualTo(1);
      verify(key);
      t.clock.advance(Duration.ofSeconds(2));

      Verification refused = verify(key);
      assertThat(refused.outcome()).isEqualTo(VerifyOutcome.API_KEY_RATE_LIMITED);
      assertThat(refused.rateLimit().orElseThrow().name()).isEqualTo("day");
    }

    @Test
    void anOwnersSharedLimit_isDrawnFromByAllItsKeys_andOnlyTheOperatorSetsIt() {
      IssuedApiKey one = key(UsagePolicy.NONE);
      IssuedApiKey other = key(UsagePolicy.NONE);
      IssuedApiKey elsewhere = key(ORG_B, UsagePolicy.NONE);
      List<RateLimit> shared = List.of(RateLimit.of("org", 3, 3600));

      assertThatThrownBy(
              () -> t.services.ownerRateLimits().set(TestKeygate.orgAdmin("org_a"), ORG_A, shared))
          .isInstanceOf(ForbiddenException.class);
      t.services.ownerRateLimits().set(OPERATOR, ORG_A, shared);

      assertThat(verify(one).isValid()).isTrue();
      assertThat(verify(other).isValid()).isTrue();
      assertThat(verify(one).isValid()).isTrue();
      Verification refused = verify(other);
      assertThat(refused.outcome()).isEqualTo(VerifyOutcome.API_KEY_RATE_LIMITED);
      assertThat(refused.rateLimit().orElseThrow().name()).isEqualTo("org");
      assertThat(verify(elsewhere).isValid()).isTrue();
      assertThat(t.services.ownerRateLimits().get(TestKeygate.orgAdmin("org_a"), ORG_A))
          .isEqualTo(shared);
      assertThat(t.auditLog.events())
          .anySatisfy(
              event -> {
                assertThat(event.action()).isEqualTo(AuditAction.RATE_LIMITS_SET);
                assertThat(event.target()).isEqualTo("org_a");
                assertThat(event.outcome()).isEqualTo(AuditOutcome.SUCCEEDED);
              });
    }

    @Test
    void givenTtlMode_anOwnersNewLimits_holdAtOnceOnTheNodeThatSetThem() {
      TestKeygate ttl = new TestKeygate(VerificationSettings.DEFAULTS.inMode(VerifyMode.TTL));
      ttl.createOrganization("org_a");
      Api api = ttl.registerApi("https://orders.example.com");
      IssuedApiKey remembered = ttl.issueKey(ORG_A, api);
      assertThat(ttl.verify(remembered).isValid()).isTrue();

      ttl.services.ownerRateLimits().set(OPERATOR, ORG_A, List.of(RateLimit.of("org", 1, 3600)));

      assertThat(ttl.verify(remembered).isValid()).isTrue();
      assertThat(ttl.verify(remembered).outcome()).isEqualTo(VerifyOutcome.API_KEY_RATE_LIMITED);
    }

    @Test
    void removingTheSharedLimits_freesTheKeys_andTheEnvironmentHasNone() {
      IssuedApiKey one = key(UsagePolicy.NONE);
      t.services.ownerRateLimits().set(OPERATOR, ORG_A, List.of(RateLimit.of("org", 1, 3600)));
      verify(one);
      assertThat(verify(one).isValid()).isFalse();

      t.services.ownerRateLimits().set(OPERATOR, ORG_A, List.of());

      assertThat(verify(one).isValid()).isTrue();
      assertThatThrownBy(
              () ->
                  t.services
                      .ownerRateLimits()
                      .set(OPERATOR, new Owner.Environment(), List.of(RateLimit.of("x", 1, 1))))
          .isInstanceOf(ValidationException.class);
    }

    @Test
    void aKeyUnderNoPolicy_countsNothing() {
      IssuedApiKey free = key(UsagePolicy.NONE);
      IssuedApiKey limited = key(limits(RateLimit.of("burst", 1, 60)));

      for (int i = 0; i < 5; i++) {
        Verification verification = verify(free);
        assertThat(verification.outcome()).isEqualTo(VerifyOutcome.API_KEY_VERIFIED);
        assertThat(verification.rateLimit()).isEmpty();
        assertThat(verification.creditsRemaining()).isEmpty();
      }
      assertThat(verify(limited).isValid()).isTrue();
      assertThat(verify(limited).isValid()).isFalse();
    }
  }

  @Nested
  class CreditsAtVerification {

    @Test
    void creditsAreSpentByCost_toExactlyZero_thenRefused() {
      IssuedApiKey key = key(credits(5, Optional.empty()));

      assertThat(verify(key, 3, null).creditsRemaining()).contains(2L);
      assertThat(verify(key, 0, null).creditsRemaining()).contains(2L);
      Verification tooDear = verify(key, 3, null);
      assertThat(tooDear.outcome()).isEqualTo(VerifyOutcome.API_KEY_USAGE_EXCEEDED);
      assertThat(tooDear.creditsRemaining()).contains(2L);
      assertThat(verify(key, 2, null).creditsRemaining()).contains(0L);
      assertThat(verify(key, 1, null).outcome()).isEqualTo(VerifyOutcome.API_KEY_USAGE_EXCEEDED);
      assertThat(t.credits.remaining(id(key))).contains(0L);
    }

    @Test
    void aDailyRefillSetsTheCredits_atMidnightUtc_notASecondBefore() {
      // The test clock starts at a new year's midnight: the next refill is due a day later.
      IssuedApiKey key = key(credits(1, Optional.of(Refill.daily(2, RefillMode.SET))));
      verify(key);
      t.clock.advance(Duration.ofDays(1).minusSeconds(1));
      assertThat(verify(key).outcome()).isEqualTo(VerifyOutcome.API_KEY_USAGE_EXCEEDED);

      t.clock.advance(Duration.ofSeconds(1));

      assertThat(verify(key).creditsRemaining()).contains(1L);
      assertThat(verify(key).creditsRemaining()).contains(0L);
      assertThat(verify(key).isValid()).isFalse();
    }

    @Test
    void anAddingRefill_addsToWhatIsLeft_oncePerPeriodHowLongSoeverNobodyCame() {
      IssuedApiKey key =
          key(credits(3, Optional.of(Refill.every(Duration.ofHours(1), 10, RefillMode.ADD))));
      verify(key);
      t.clock.advance(Duration.ofHours(5));

      assertThat(verify(key).creditsRemaining()).contains(11L);
    }

    @Test
    void aRateLimitedVerification_spendsNoCredit() {
      IssuedApiKey key =
          key(credits(10, Optional.empty()).withRateLimits(List.of(RateLimit.of("b", 1, 60))));
      verify(key);

      assertThat(verify(key).outcome()).isEqualTo(VerifyOutcome.API_KEY_RATE_LIMITED);
      assertThat(t.credits.remaining(id(key))).contains(9L);
    }

    @Test
    void anInvalidVerification_ofAKnownKey_neitherCountsNorSpends() {
      IssuedApiKey key =
          key(credits(10, Optional.empty()).withRateLimits(List.of(RateLimit.of("b", 1, 60))));

      assertThat(t.verify(key, "read:users").outcome())
          .isEqualTo(VerifyOutcome.API_KEY_INSUFFICIENT_SCOPE);
      assertThat(t.credits.remaining(id(key))).contains(10L);
      assertThat(verify(key).isValid()).isTrue();
    }
  }

  @Nested
  class Addresses {

    @Test
    void anIpv6Range_letsItsAddressesIn_andNoOther_andNoUnknownAddress() {
      IssuedApiKey key = key(from("2001:db8::/32", "203.0.113.0/24"));

      assertThat(verify(key, 1, "2001:db8:ffff::1").isValid()).isTrue();
      assertThat(verify(key, 1, "2001:0db8:0000::abcd").isValid()).isTrue();
      assertThat(verify(key, 1, "203.0.113.255").isValid()).isTrue();
      assertThat(verify(key, 1, "::ffff:203.0.113.9").isValid()).isTrue();
      assertThat(verify(key, 1, "2001:db9::1").outcome())
          .isEqualTo(VerifyOutcome.API_KEY_IP_NOT_ALLOWED);
      assertThat(verify(key, 1, "203.0.114.0").outcome())
          .isEqualTo(VerifyOutcome.API_KEY_IP_NOT_ALLOWED);
      assertThat(verify(key, 1, null).outcome()).isEqualTo(VerifyOutcome.API_KEY_IP_NOT_ALLOWED);
    }

    @Test
    void aUseFromElsewhere_countsAgainstNoLimit_andSpendsNoCredit() {
      IssuedApiKey key =
          key(
              credits(10, Optional.empty())
                  .withRateLimits(List.of(RateLimit.of("b", 1, 60)))
                  .withIpAllowlist(IpAllowlist.parse(List.of("203.0.113.0/24"))));

      assertThat(verify(key, 1, "198.51.100.1").outcome())
          .isEqualTo(VerifyOutcome.API_KEY_IP_NOT_ALLOWED);
      assertThat(verify(key, 1, "203.0.113.1").isValid()).isTrue();
      assertThat(t.credits.remaining(id(key))).contains(9L);
    }
  }

  @Nested
  class WhoChangesIt {

    private final String rootToken =
        t.services.initializeDeployment().initialize("test:init").orElseThrow().token().reveal();

    private Principal as(String token) {
      return t.services.authenticate().authenticate(token, Optional.empty()).orElseThrow();
    }

    private IssuedApiKey adminKey(UsagePolicy policy) {
      Api management = t.apis.findByAudience(Api.MANAGEMENT_AUDIENCE).orElseThrow();
      String[] every =
          Arrays.stream(ManagementScope.values()).map(ManagementScope::key).toArray(String[]::new);
      return t.services
          .createApiKey()
          .create(
              as(rootToken),
              new CreateApiKeyCommand(
                  "admin", management.id(), List.of(every), ORG_A, Optional.empty(), policy));
    }

    @Test
    void theOperatorLoosens_aConfinedCallerOnlyTightens() {
      IssuedApiKey key = key(limits(RateLimit.of("burst", 10, 1)));
      Principal admin = as(adminKey(UsagePolicy.NONE).token().reveal());
      Optional<List<RateLimit>> looser = Optional.of(List.of(RateLimit.of("burst", 20, 1)));
      Optional<List<RateLimit>> tighter = Optional.of(List.of(RateLimit.of("burst", 5, 1)));
      Optional<List<RateLimit>> none = Optional.of(List.of());

      assertThatThrownBy(
              () ->
                  t.services
                      .updateApiKey()
                      .update(
                          admin, id(key), policyChange(looser, Optional.empty(), Optional.empty())))
          .isInstanceOf(ForbiddenException.class)
          .hasMessageContaining("only the operator may loosen");
      assertThatThrownBy(
              () ->
                  t.services
                      .updateApiKey()
                      .update(
                          admin, id(key), policyChange(none, Optional.empty(), Optional.empty())))
          .isInstanceOf(ForbiddenException.class);
      assertThat(
              t.services
                  .updateApiKey()
                  .update(admin, id(key), policyChange(tighter, Optional.empty(), Optional.empty()))
                  .policy()
                  .rateLimits())
          .isEqualTo(tighter.get());
      assertThat(
              t.services
                  .updateApiKey()
                  .update(OPERATOR, id(key), policyChange(none, Optional.empty(), Optional.empty()))
                  .policy()
                  .rateLimits())
          .isEmpty();
    }

    @Test
    void aConfinedCaller_narrowsAddresses_andMayNotWidenThem() {
      IssuedApiKey key = key(from("203.0.113.0/24"));
      Principal admin = as(adminKey(UsagePolicy.NONE).token().reveal());

      t.services
          .updateApiKey()
          .update(
              admin,
              id(key),
              policyChange(
                  Optional.empty(),
                  Optional.empty(),
                  Optional.of(IpAllowlist.parse(List.of("203.0.113.128/25")))));
      assertThat(verify(key, 1, "203.0.113.1").outcome())
          .isEqualTo(VerifyOutcome.API_KEY_IP_NOT_ALLOWED);

      assertThatThrownBy(
              () ->
                  t.services
                      .updateApiKey()
                      .update(
                          admin,
                          id(key),
                          policyChange(
                              Optional.empty(),
                              Optional.empty(),
                              Optional.of(IpAllowlist.ANYWHERE))))
          .isInstanceOf(ForbiddenException.class);
    }

    @Test
    void aConfinedCallerLowersCredits_butNeverGivesBackWhatWasSpentMeanwhile() {
      IssuedApiKey key = key(credits(10, Optional.empty()));
      Principal admin = as(adminKey(UsagePolicy.NONE).token().reveal());
      verify(key, 6, null);

      // The admin read 10 left a moment ago and asks for 8: the 4 left stay 4.
      t.services
          .updateApiKey()
          .update(
              admin,
              id(key),
              policyChange(
                  Optional.empty(),
                  Optional.of(new Credits(8, Optional.empty())),
                  Optional.empty()));
      assertThat(t.credits.remaining(id(key))).contains(4L);

      t.services
          .updateApiKey()
          .update(
              admin,
              id(key),
              policyChange(
                  Optional.empty(),
                  Optional.of(new Credits(1, Optional.empty())),
                  Optional.empty()));
      assertThat(t.credits.remaining(id(key))).contains(1L);
      assertThatThrownBy(
              () ->
                  t.services
                      .updateApiKey()
                      .update(
                          admin,
                          id(key),
                          new UpdateApiKeyCommand(
                              Optional.empty(),
                              Optional.empty(),
                              Optional.empty(),
                              Optional.empty(),
                              Optional.empty(),
                              true,
                              Optional.empty())))
          .isInstanceOf(ForbiddenException.class);

      t.services
          .updateApiKey()
          .update(
              OPERATOR,
              id(key),
              policyChange(
                  Optional.empty(),
                  Optional.of(new Credits(50, Optional.empty())),
                  Optional.empty()));
      assertThat(t.credits.remaining(id(key))).contains(50L);

      // Lowering is lowering for the operator too: what was spent since it read 50 stays spent.
      verify(key, 10, null);
      t.services
          .updateApiKey()
          .update(
              OPERATOR,
              id(key),
              policyChange(
                  Optional.empty(),
                  Optional.of(new Credits(45, Optional.empty())),
                  Optional.empty()));
      assertThat(t.credits.remaining(id(key))).contains(40L);
    }

    @Test
    void aKey_mayTightenItsOwnPolicy_butNeverLoosenIt_evenWithEveryScope() {
      IssuedApiKey admin = adminKey(limits(RateLimit.of("burst", 100, 1)));
      Principal self = as(admin.token().reveal());

      t.services
          .updateApiKey()
          .update(
              self,
              id(admin),
              policyChange(
                  Optional.of(List.of(RateLimit.of("burst", 50, 1))),
                  Optional.empty(),
                  Optional.empty()));
      assertThatThrownBy(
              () ->
                  t.services
                      .updateApiKey()
                      .update(
                          self,
                          id(admin),
                          policyChange(Optional.of(List.of()), Optional.empty(), Optional.empty())))
          .isInstanceOf(ForbiddenException.class);
      assertThat(t.stored(id(admin)).policy().rateLimits())
          .containsExactly(RateLimit.of("burst", 50, 1));
    }

    @Test
    void aManagementKeyOverItsRateLimit_isAnsweredTooManyRequests() {
      IssuedApiKey admin = adminKey(limits(RateLimit.of("calls", 2, 3600)));
      as(admin.token().reveal());
      as(admin.token().reveal());

      assertThatThrownBy(() -> as(admin.token().reveal()))
          .isInstanceOf(LimitReachedException.class)
          .hasMessageContaining("rate limit calls");
    }

    @Test
    void aManagementKeyUsedFromElsewhere_authenticatesNobody() {
      IssuedApiKey admin = adminKey(from("10.0.0.0/8"));

      assertThat(
              t.services
                  .authenticate()
                  .authenticate(admin.token().reveal(), Optional.of("10.1.2.3")))
          .isPresent();
      assertThat(
              t.services
                  .authenticate()
                  .authenticate(admin.token().reveal(), Optional.of("192.0.2.1")))
          .isEmpty();
    }
  }

  @Nested
  class UsageByOutcome {

    @Test
    void aKeysLast24Hours_countEachOutcomeInItsHour() {
      IssuedApiKey key = key(limits(RateLimit.of("b", 2, 60)));
      verify(key);
      t.clock.advance(Duration.ofHours(2));
      verify(key);
      verify(key);
      verify(key);
      t.verify(key, "read:users");

      UsageReport report =
          t.services.getUsage().ofKey(OPERATOR, id(key), UsagePeriod.LAST_24_HOURS);

      assertThat(report.buckets()).hasSize(24);
      UsageReport.Bucket current = report.buckets().get(23);
      assertThat(current.start())
          .isEqualTo(t.clock.instant().truncatedTo(java.time.temporal.ChronoUnit.HOURS));
      assertThat(current.counts())
          .containsEntry("API_KEY_VERIFIED", 2L)
          .containsEntry("API_KEY_RATE_LIMITED", 1L)
          .containsEntry("API_KEY_INSUFFICIENT_SCOPE", 1L);
      assertThat(report.buckets().get(21).counts())
          .containsExactlyEntriesOf(java.util.Map.of("API_KEY_VERIFIED", 1L));
      assertThat(report.buckets().get(22).counts()).isEmpty();
    }

    @Test
    void anOwnersLast30Days_sumItsKeys_byDay_andStayWithinReach() {
      IssuedApiKey one = key(UsagePolicy.NONE);
      IssuedApiKey two = key(UsagePolicy.NONE);
      IssuedApiKey foreign = key(ORG_B, UsagePolicy.NONE);
      verify(one);
      t.clock.advance(Duration.ofDays(3));
      verify(one);
      verify(two);
      verify(foreign);

      UsageReport report =
          t.services
              .getUsage()
              .ofOwner(TestKeygate.orgAdmin("org_a"), ORG_A, UsagePeriod.LAST_30_DAYS);

      assertThat(report.buckets()).hasSize(30);
      assertThat(report.buckets().get(29).counts())
          .containsExactlyEntriesOf(java.util.Map.of("API_KEY_VERIFIED", 2L));
      assertThat(report.buckets().get(26).counts())
          .containsExactlyEntriesOf(java.util.Map.of("API_KEY_VERIFIED", 1L));
      assertThatThrownBy(
              () ->
                  t.services
                      .getUsage()
                      .ofKey(TestKeygate.orgAdmin("org_a"), id(foreign), UsagePeriod.LAST_24_HOURS))
          .isInstanceOf(dev.keygate.domain.NotFoundException.class);
    }
  }
}
