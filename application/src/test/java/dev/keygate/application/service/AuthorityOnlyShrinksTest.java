package dev.keygate.application.service;

import static dev.keygate.application.fake.TestKeygate.OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keygate.application.fake.TestKeygate;
import dev.keygate.application.port.in.CreateApiKeyCommand;
import dev.keygate.application.port.in.CreatePortalLinkCommand;
import dev.keygate.application.port.in.IssuedApiKey;
import dev.keygate.application.port.in.ManagementScope;
import dev.keygate.application.port.in.PortalLink;
import dev.keygate.application.port.in.Principal;
import dev.keygate.application.port.in.UpdateApiKeyCommand;
import dev.keygate.domain.ForbiddenException;
import dev.keygate.domain.api.Api;
import dev.keygate.domain.audit.AuditEvent;
import dev.keygate.domain.audit.AuditOutcome;
import dev.keygate.domain.key.ApiKey;
import dev.keygate.domain.key.ApiKeyId;
import dev.keygate.domain.key.ApiKeyStatus;
import dev.keygate.domain.key.IllegalKeyTransitionException;
import dev.keygate.domain.owner.OrgCode;
import dev.keygate.domain.owner.Organization;
import dev.keygate.domain.owner.Owner;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Authority only shrinks: nothing a caller does yields a key stronger or longer-lived than the
 * caller. Every caller here authenticates with a real management key, as over REST, so the rules
 * are seen as a client meets them: rotation, enabling and re-dating are held to the caller's own
 * scopes and expiry, no key changes its own status or expiry, and what a key made dies with it.
 */
class AuthorityOnlyShrinksTest {

  private static final Owner OPERATOR_ORG = new Owner.Org(Organization.OPERATOR_CODE);
  private static final Owner ORG_A = new Owner.Org(new OrgCode("org_a"));
  private static final Duration PORTAL_TTL = Duration.ofMinutes(15);

  private final TestKeygate t = new TestKeygate();
  private Api management;
  private Api users;
  private String rootToken;

  @BeforeEach
  void setUp() {
    rootToken =
        t.services.initializeDeployment().initialize("test:init").orElseThrow().token().reveal();
    management = t.apis.findByAudience(Api.MANAGEMENT_AUDIENCE).orElseThrow();
    t.createOrganization("org_a");
    users = t.registerApi("https://users.example.com");
    t.addScope(users, "read:users");
    t.addScope(users, "admin:refunds");
    t.grant(ORG_A, users, "read:users");
  }

  private Principal as(String token) {
    return t.services.authenticate().authenticate(token, Optional.empty()).orElseThrow();
  }

  private Optional<Principal> tryAs(String token) {
    return t.services.authenticate().authenticate(token, Optional.empty());
  }

  private static String[] every() {
    return Arrays.stream(ManagementScope.values()).map(ManagementScope::key).toArray(String[]::new);
  }

  /** A management key made by {@code maker}, as its holder would over REST. */
  private IssuedApiKey managementKey(
      Principal maker, Owner owner, Optional<Instant> expiresOn, String... scopes) {
    return t.services
        .createApiKey()
        .create(
            maker,
            new CreateApiKeyCommand(
                "management key", management.id(), List.of(scopes), owner, expiresOn));
  }

  private IssuedApiKey managementKey(Principal maker, Owner owner, String... scopes) {
    return managementKey(maker, owner, Optional.empty(), scopes);
  }

  private PortalLink portalLink(Principal maker, Owner owner) {
    return t.services
        .createPortalLink()
        .create(maker, new CreatePortalLinkCommand(owner, PORTAL_TTL));
  }

  private ApiKey update(Principal principal, ApiKeyId id, UpdateApiKeyCommand command) {
    return t.services.updateApiKey().update(principal, id, command);
  }

  private static UpdateApiKeyCommand expiring(Instant at) {
    return new UpdateApiKeyCommand(Optional.empty(), Optional.empty(), Optional.of(at));
  }

  private static UpdateApiKeyCommand status(ApiKeyStatus status) {
    return new UpdateApiKeyCommand(Optional.empty(), Optional.of(status), Optional.empty());
  }

  private AuditEvent lastEvent() {
    return t.auditLog.events().get(t.auditLog.events().size() - 1);
  }

  @Nested
  class Rotation {

    @Test
    void givenLimitedOperator_rotateTheFullRootKey_isRefused_itWouldGetTheRootsSecret() {
      Principal root = as(rootToken);
      Principal readUpdate =
          as(
              managementKey(root, OPERATOR_ORG, "read:api_keys", "update:api_keys")
                  .token()
                  .reveal());
      ApiKeyId rootId = root.key().orElseThrow();
      ApiKey before = t.stored(rootId);

      assertThatThrownBy(() -> t.services.rotateApiKey().rotate(readUpdate, rootId, Duration.ZERO))
          .isInstanceOf(ForbiddenException.class)
          .hasMessageStartingWith("cannot rotate api key " + rootId + ": it holds ")
          .hasMessageEndingWith(", which the caller does not hold");
      assertThat(t.stored(rootId)).isEqualTo(before);
      assertThat(lastEvent().outcome()).isEqualTo(AuditOutcome.REFUSED);
      assertThat(tryAs(rootToken)).isPresent();
    }

    @Test
    void givenPortalLink_rotateItsOrgsAdminKey_isRefused() {
      Principal root = as(rootToken);
      IssuedApiKey admin = managementKey(root, ORG_A, every());
      Principal portal = as(portalLink(root, ORG_A).token().reveal());

      assertThatThrownBy(
              () -> t.services.rotateApiKey().rotate(portal, admin.key().id(), Duration.ZERO))
          .isInstanceOf(ForbiddenException.class)
          .hasMessageStartingWith("cannot rotate api key " + admin.key().id());
      assertThat(tryAs(admin.token().reveal())).isPresent();
    }

    @Test
    void givenPortalLink_rotateALongerLivedKeyWithOnlyItsScopes_isRefused_forItsExpiry() {
      Principal root = as(rootToken);
      Principal portal = as(portalLink(root, ORG_A).token().reveal());
      IssuedApiKey reader = managementKey(root, ORG_A, "read:api_keys");

      assertThatThrownBy(
              () -> t.services.rotateApiKey().rotate(portal, reader.key().id(), Duration.ZERO))
          .isInstanceOf(ForbiddenException.class)
          .hasMessageContaining("it would outlive the caller's own key, which expires at");
    }

    @Test
    void givenOrgAdmin_rotateAWeakerKeyOfItsOrg_hasItRotated() {
      Principal root = as(rootToken);
      Principal admin = as(managementKey(root, ORG_A, every()).token().reveal());
      IssuedApiKey reader = managementKey(root, ORG_A, "read:api_keys");

      IssuedApiKey rotated =
          t.services.rotateApiKey().rotate(admin, reader.key().id(), Duration.ZERO);

      assertThat(tryAs(rotated.token().reveal())).isPresent();
      assertThat(tryAs(reader.token().reveal())).isEmpty();
    }

    @Test
    void givenOrgAdmin_rotateItself_hasItRotated_itGetsNoMoreThanItHad() {
      Principal root = as(rootToken);
      IssuedApiKey admin = managementKey(root, ORG_A, every());

      IssuedApiKey rotated =
          t.services
              .rotateApiKey()
              .rotate(as(admin.token().reveal()), admin.key().id(), Duration.ZERO);

      assertThat(as(rotated.token().reveal()).scopes())
          .isEqualTo(as(rootToken).scopes())
          .hasSize(ManagementScope.values().length);
    }

    @Test
    void givenOrgAdmin_rotateAKeyHoldingAScopeNotGrantedToItsOrg_isRefused() {
      IssuedApiKey internal = t.issueKey(ORG_A, users, "read:users", "admin:refunds");
      Principal admin = as(managementKey(as(rootToken), ORG_A, every()).token().reveal());

      assertThatThrownBy(
              () -> t.services.rotateApiKey().rotate(admin, internal.key().id(), Duration.ZERO))
          .isInstanceOf(ForbiddenException.class)
          .hasMessage(
              "cannot rotate api key "
                  + internal.key().id()
                  + ": scope admin:refunds of api "
                  + users.id()
                  + " is not granted to organization org_a");
      assertThat(t.services.rotateApiKey().rotate(OPERATOR, internal.key().id(), Duration.ZERO))
          .isNotNull();
    }
  }

  @Nested
  class Enabling {

    @Test
    void givenOrgAdmin_enableADisabledKeyStrongerThanItself_isRefused() {
      Principal root = as(rootToken);
      IssuedApiKey strong = managementKey(root, ORG_A, every());
      t.services.disableApiKey().disable(root, strong.key().id());
      Principal weakAdmin =
          as(managementKey(root, ORG_A, "read:api_keys", "update:api_keys").token().reveal());

      assertThatThrownBy(() -> t.services.enableApiKey().enable(weakAdmin, strong.key().id()))
          .isInstanceOf(ForbiddenException.class)
          .hasMessageStartingWith("cannot enable api key " + strong.key().id() + ": it holds ");
      assertThatThrownBy(() -> update(weakAdmin, strong.key().id(), status(ApiKeyStatus.ACTIVE)))
          .isInstanceOf(ForbiddenException.class)
          .hasMessageStartingWith("cannot change api key " + strong.key().id() + ": it holds ");
      assertThat(t.stored(strong.key().id()).status()).isEqualTo(ApiKeyStatus.INACTIVE);
      assertThat(tryAs(strong.token().reveal())).isEmpty();
    }

    @Test
    void givenOrgAdmin_enableADisabledKeyWithinItsAuthority_hasItEnabled() {
      Principal root = as(rootToken);
      IssuedApiKey reader = managementKey(root, ORG_A, "read:api_keys");
      t.services.disableApiKey().disable(root, reader.key().id());
      Principal admin = as(managementKey(root, ORG_A, every()).token().reveal());

      t.services.enableApiKey().enable(admin, reader.key().id());

      assertThat(tryAs(reader.token().reveal())).isPresent();
    }

    @Test
    void givenOrgAdmin_disableOrRevokeAStrongerKey_isAllowed_thatOnlyShrinks() {
      Principal root = as(rootToken);
      IssuedApiKey strong = managementKey(root, ORG_A, every());
      Principal weak =
          as(managementKey(root, ORG_A, "update:api_keys", "delete:api_keys").token().reveal());

      t.services.disableApiKey().disable(weak, strong.key().id());
      t.services.revokeApiKey().revoke(weak, strong.key().id());

      assertThat(t.stored(strong.key().id()).status()).isEqualTo(ApiKeyStatus.REVOKED);
    }

    @Test
    void givenOrgAdmin_enableAProductKeyOutsideItsGrants_isRefused_theOperatorMay() {
      IssuedApiKey internal = t.issueKey(ORG_A, users, "admin:refunds");
      t.services.disableApiKey().disable(OPERATOR, internal.key().id());
      Principal admin = as(managementKey(as(rootToken), ORG_A, every()).token().reveal());

      assertThatThrownBy(() -> t.services.enableApiKey().enable(admin, internal.key().id()))
          .isInstanceOf(ForbiddenException.class)
          .hasMessageEndingWith(
              "scope admin:refunds of api " + users.id() + " is not granted to organization org_a");
      assertThat(t.services.enableApiKey().enable(OPERATOR, internal.key().id()).status())
          .isEqualTo(ApiKeyStatus.ACTIVE);
    }
  }

  @Nested
  class Expiry {

    @Test
    void givenPortalLink_makeItselfPermanent_isRefused() {
      PortalLink link = portalLink(as(rootToken), ORG_A);
      Principal portal = as(link.token().reveal());
      Instant later = Instant.parse("2099-01-01T00:00:00Z");

      assertThatThrownBy(() -> update(portal, link.key().id(), expiring(later)))
          .isInstanceOf(ForbiddenException.class)
          .hasMessage("a key cannot change its own status or expiry; whoever issued it can");
      assertThat(t.stored(link.key().id()).expiresOn()).contains(link.expiresOn());
      t.clock.advance(PORTAL_TTL);
      assertThat(tryAs(link.token().reveal())).isEmpty();
    }

    @Test
    void givenAnyKey_changeItsOwnExpiryOrStatus_isRefused_butRenamingOrRevokingItselfIsNot() {
      IssuedApiKey admin = managementKey(as(rootToken), ORG_A, every());
      Principal self = as(admin.token().reveal());
      ApiKeyId id = admin.key().id();

      assertThatThrownBy(() -> update(self, id, expiring(t.clock.instant().plusSeconds(60))))
          .isInstanceOf(ForbiddenException.class);
      assertThatThrownBy(() -> update(self, id, status(ApiKeyStatus.INACTIVE)))
          .isInstanceOf(ForbiddenException.class);
      assertThatThrownBy(() -> t.services.disableApiKey().disable(self, id))
          .isInstanceOf(ForbiddenException.class);
      assertThat(
              update(
                      self,
                      id,
                      new UpdateApiKeyCommand(
                          Optional.of("renamed"), Optional.empty(), Optional.empty()))
                  .name())
          .isEqualTo("renamed");
      assertThat(t.services.revokeApiKey().revoke(self, id).status())
          .isEqualTo(ApiKeyStatus.REVOKED);
    }

    @Test
    void givenPortalLink_prolongAnotherKeyBeyondItsOwnEnd_isRefused_shorteningIsNot() {
      Principal root = as(rootToken);
      PortalLink link = portalLink(root, ORG_A);
      Principal portal = as(link.token().reveal());
      IssuedApiKey sibling =
          managementKey(
              root, ORG_A, Optional.of(t.clock.instant().plusSeconds(60)), "read:api_keys");

      assertThatThrownBy(
              () ->
                  update(
                      portal, sibling.key().id(), expiring(Instant.parse("2099-01-01T00:00:00Z"))))
          .isInstanceOf(ForbiddenException.class)
          .hasMessageContaining("it would outlive the caller's own key");
      assertThat(
              update(portal, sibling.key().id(), expiring(t.clock.instant().plusSeconds(30)))
                  .expiresOn())
          .contains(t.clock.instant().plusSeconds(30));
    }

    @Test
    void givenExpiredKey_reDateIt_isRefusedForEveryCaller_anExpiredKeyStaysExpired() {
      IssuedApiKey shortLived =
          managementKey(
              as(rootToken), ORG_A, Optional.of(t.clock.instant().plusSeconds(60)), "read:apis");
      t.clock.advance(Duration.ofMinutes(2));

      assertThatThrownBy(
              () ->
                  update(
                      as(rootToken),
                      shortLived.key().id(),
                      expiring(t.clock.instant().plus(Duration.ofDays(1)))))
          .isInstanceOf(IllegalKeyTransitionException.class);
      assertThat(tryAs(shortLived.token().reveal())).isEmpty();
    }

    @Test
    void givenPortalLink_createManagementKeyLastingTo2099_isRefused_andWithoutExpiryEndsWithIt() {
      PortalLink link = portalLink(as(rootToken), ORG_A);
      Principal portal = as(link.token().reveal());

      assertThatThrownBy(
              () ->
                  managementKey(
                      portal,
                      ORG_A,
                      Optional.of(Instant.parse("2099-01-01T00:00:00Z")),
                      "read:api_keys"))
          .isInstanceOf(ForbiddenException.class);
      assertThat(managementKey(portal, ORG_A, "read:api_keys").key().expiresOn())
          .contains(link.expiresOn());
    }
  }

  @Nested
  class WhatAKeyMadeDiesWithIt {

    @Test
    void givenMakerRevoked_keysAndPortalLinksItMade_stopAuthenticating() {
      Principal root = as(rootToken);
      IssuedApiKey admin = managementKey(root, ORG_A, every());
      Principal adminPrincipal = as(admin.token().reveal());
      IssuedApiKey made = managementKey(adminPrincipal, ORG_A, "read:api_keys");
      PortalLink link = portalLink(adminPrincipal, ORG_A);
      assertThat(tryAs(made.token().reveal())).isPresent();
      assertThat(tryAs(link.token().reveal())).isPresent();

      t.services.revokeApiKey().revoke(root, admin.key().id());

      assertThat(tryAs(made.token().reveal())).isEmpty();
      assertThat(tryAs(link.token().reveal())).isEmpty();
    }

    @Test
    void givenMakerDisabled_whatItMadeStopsUntilTheMakerIsEnabledAgain() {
      Principal root = as(rootToken);
      IssuedApiKey admin = managementKey(root, ORG_A, every());
      IssuedApiKey made = managementKey(as(admin.token().reveal()), ORG_A, "read:api_keys");

      t.services.disableApiKey().disable(root, admin.key().id());
      assertThat(tryAs(made.token().reveal())).isEmpty();

      t.services.enableApiKey().enable(root, admin.key().id());
      assertThat(tryAs(made.token().reveal())).isPresent();
    }

    @Test
    void givenMakerExpired_whatItMadeStops_evenIfMadeToLastLonger() {
      Principal root = as(rootToken);
      Instant end = t.clock.instant().plus(Duration.ofHours(1));
      IssuedApiKey admin = managementKey(root, ORG_A, Optional.of(end), every());
      IssuedApiKey made = managementKey(as(admin.token().reveal()), ORG_A, "read:api_keys");
      // The maker's holder shortens nothing; the operator prolongs the made key past its maker.
      update(root, made.key().id(), expiring(end.plus(Duration.ofDays(30))));

      t.clock.advance(Duration.ofHours(2));

      assertThat(tryAs(made.token().reveal())).isEmpty();
    }

    @Test
    void givenAChainOfMakers_revokingTheFirstCutsOffTheWholeChain() {
      Principal root = as(rootToken);
      IssuedApiKey first = managementKey(root, ORG_A, every());
      IssuedApiKey second = managementKey(as(first.token().reveal()), ORG_A, every());
      IssuedApiKey third = managementKey(as(second.token().reveal()), ORG_A, "read:api_keys");

      t.services.revokeApiKey().revoke(root, first.key().id());

      assertThat(tryAs(second.token().reveal())).isEmpty();
      assertThat(tryAs(third.token().reveal())).isEmpty();
    }

    @Test
    void givenMadeKey_itsAuthorityIsNarrowedToWhatItsMakerHoldsNow() {
      Principal root = as(rootToken);
      IssuedApiKey maker = managementKey(root, ORG_A, "read:api_keys", "create:api_keys");
      IssuedApiKey made = managementKey(as(maker.token().reveal()), ORG_A, "read:api_keys");

      Principal principal = as(made.token().reveal());

      assertThat(principal.scopes()).containsExactly(ManagementScope.READ_API_KEYS);
      assertThat(principal.key()).contains(made.key().id());
    }

    @Test
    void givenProductKeyMadeByAPortalLink_itOutlivesTheLink_itIsTheCustomersKeyNotAuthority() {
      PortalLink link = portalLink(as(rootToken), ORG_A);
      IssuedApiKey customerKey =
          t.services
              .createApiKey()
              .create(
                  as(link.token().reveal()),
                  new CreateApiKeyCommand(
                      "integration", users.id(), List.of("read:users"), ORG_A, Optional.empty()));

      t.clock.advance(PORTAL_TTL.plusMinutes(1));

      assertThat(t.verify(customerKey, "read:users").isValid()).isTrue();
    }
  }
}
