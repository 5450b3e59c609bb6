package dev.keygate.application.service;

import static dev.keygate.application.fake.TestKeygate.OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.keygate.application.fake.InMemoryCreationQuota;
import dev.keygate.application.fake.TestKeygate;
import dev.keygate.application.port.in.CreateApiKeyCommand;
import dev.keygate.application.port.in.CreatePortalLinkCommand;
import dev.keygate.application.port.in.IssuedApiKey;
import dev.keygate.application.port.in.Principal;
import dev.keygate.domain.ConflictException;
import dev.keygate.domain.ForbiddenException;
import dev.keygate.domain.LimitReachedException;
import dev.keygate.domain.api.Api;
import dev.keygate.domain.owner.OrgCode;
import dev.keygate.domain.owner.Owner;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What one tenant can make for itself is bounded: live keys per owner, and keys per minute. */
class OwnerLimitsTest {

  private static final Owner ORG_A = new Owner.Org(new OrgCode("org_a"));
  private static final Owner ORG_B = new Owner.Org(new OrgCode("org_b"));
  private static final Principal ADMIN_A = TestKeygate.orgAdmin("org_a");

  private final TestKeygate t = new TestKeygate(new TenantLimits(3));
  private Api api;

  @BeforeEach
  void setUp() {
    t.services.initializeDeployment().initialize("test:init");
    t.createOrganization("org_a");
    t.createOrganization("org_b");
    api = t.registerApi("https://users.example.com");
    t.addScope(api, "read:users");
    t.grant(ORG_A, api, "read:users");
    t.grant(ORG_B, api, "read:users");
  }

  private IssuedApiKey create(Principal principal, Owner owner, Optional<Instant> expiresOn) {
    return t.services
        .createApiKey()
        .create(
            principal,
            new CreateApiKeyCommand("k", api.id(), List.of("read:users"), owner, expiresOn));
  }

  private IssuedApiKey create(Principal principal, Owner owner) {
    return create(principal, owner, Optional.empty());
  }

  @Test
  void givenOwnerAtItsLiveKeyLimit_aConfinedCallersNextKey_isAConflictNamingTheLimit() {
    for (int i = 0; i < 3; i++) {
      create(ADMIN_A, ORG_A);
    }
    int keys = t.apiKeys.all().size();

    assertThatThrownBy(() -> create(ADMIN_A, ORG_A))
        .isInstanceOf(ConflictException.class)
        .hasMessage(
            "organization org_a already has 3 live keys, the most one owner may have; revoke keys"
                + " it no longer needs first");
    assertThatThrownBy(
            () ->
                t.services
                    .createPortalLink()
                    .create(ADMIN_A, new CreatePortalLinkCommand(ORG_A, Duration.ofMinutes(15))))
        .isInstanceOf(ConflictException.class);
    assertThat(t.apiKeys.all()).hasSize(keys);
    assertThat(create(TestKeygate.orgAdmin("org_b"), ORG_B)).isNotNull();
  }

  @Test
  void givenOwnerAtItsLimit_revokedAndExpiredKeysDoNotCount() {
    IssuedApiKey first = create(ADMIN_A, ORG_A);
    create(ADMIN_A, ORG_A, Optional.of(t.clock.instant().plusSeconds(60)));
    create(ADMIN_A, ORG_A);

    t.services.revokeApiKey().revoke(ADMIN_A, first.key().id());
    assertThat(create(ADMIN_A, ORG_A)).isNotNull();
    t.clock.advance(Duration.ofMinutes(2));
    assertThat(create(ADMIN_A, ORG_A)).isNotNull();
  }

  @Test
  void givenOwnerAtItsLimit_theOperator_isNotHeldToIt() {
    for (int i = 0; i < 3; i++) {
      create(ADMIN_A, ORG_A);
    }

    assertThat(create(OPERATOR, ORG_A)).isNotNull();
  }

  @Test
  void givenConfinedCallerMakingKeysTooFast_theNextIsRefusedWithRetryAfter_untilTheQuotaRefills() {
    TestKeygate fast = new TestKeygate(new TenantLimits(1_000));
    fast.createOrganization("org_a");
    Api users = fast.registerApi("https://users.example.com");
    fast.grant(ORG_A, users);
    CreateApiKeyCommand command =
        new CreateApiKeyCommand("k", users.id(), List.of(), ORG_A, Optional.empty());
    for (int i = 0; i < TestKeygate.CREATIONS_PER_MINUTE; i++) {
      fast.services.createApiKey().create(ADMIN_A, command);
    }
    int keys = fast.apiKeys.all().size();

    LimitReachedException refused =
        catchThrowableOfType(
            LimitReachedException.class,
            () -> fast.services.createApiKey().create(ADMIN_A, command));

    assertThat(refused.retryAfter()).isEqualTo(InMemoryCreationQuota.WAIT);
    assertThat(refused.getMessage())
        .isEqualTo("too many keys made for organization org_a in the last minute; retry in 60 s");
    assertThat(fast.apiKeys.all()).hasSize(keys);
    assertThat(fast.services.createApiKey().create(OPERATOR, command)).isNotNull();
    fast.creationQuota.refill();
    assertThat(fast.services.createApiKey().create(ADMIN_A, command)).isNotNull();
  }

  @Test
  void givenRefusedForAuthority_theQuotaIsNotTaken() {
    TestKeygate quota = new TestKeygate();
    quota.createOrganization("org_a");
    Api users = quota.registerApi("https://users.example.com");
    CreateApiKeyCommand notGranted =
        new CreateApiKeyCommand("k", users.id(), List.of(), ORG_A, Optional.empty());
    for (int i = 0; i < 2 * TestKeygate.CREATIONS_PER_MINUTE; i++) {
      assertThatThrownBy(() -> quota.services.createApiKey().create(ADMIN_A, notGranted))
          .isInstanceOf(ForbiddenException.class);
    }
    quota.grant(ORG_A, users);

    assertThat(quota.services.createApiKey().create(ADMIN_A, notGranted)).isNotNull();
  }

  @Test
  void givenLimitBelowOne_tenantLimits_areRefused() {
    assertThatThrownBy(() -> new TenantLimits(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("live keys per owner must be at least 1, was 0");
  }
}
