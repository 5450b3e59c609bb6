package dev.keygate.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keygate.application.fake.TestKeygate;
import dev.keygate.application.port.in.IssuedApiKey;
import dev.keygate.application.port.in.VerifyOutcome;
import dev.keygate.domain.api.Api;
import dev.keygate.domain.key.ApiKey;
import dev.keygate.domain.owner.OrgCode;
import dev.keygate.domain.owner.Owner;
import java.time.Duration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Where a verified key's state comes from: in strict mode a remembered key is used only when its
 * stored version confirms it; with the state cache trusted, without reading the database at all.
 */
class VerifyKeyStateTest {

  private static final Owner ORG_A = new Owner.Org(new OrgCode("org_a"));

  /** A deployment with one key, verified once so that its token and state are remembered. */
  private static final class Deployment {
    final TestKeygate t;
    final IssuedApiKey issued;
    final String token;

    Deployment(VerificationSettings settings) {
      t = new TestKeygate(settings);
      t.createOrganization("org_a");
      Api api = t.registerApi("https://users.example.com");
      t.addScope(api, "read:users");
      t.addScope(api, "write:users");
      issued = t.issueKey(ORG_A, api, "read:users", "write:users");
      token = issued.token().reveal();
      assertThat(t.verify(token).outcome()).isEqualTo(VerifyOutcome.API_KEY_VERIFIED);
    }

    /** Another node changes the key: this node's caches are not told. */
    void changeElsewhere(java.util.function.UnaryOperator<ApiKey> change) {
      t.apiKeys.update(change.apply(t.stored(issued.key().id())));
    }
  }

  @Nested
  class Strict {

    private final Deployment d = new Deployment(VerificationSettings.DEFAULTS);

    @Test
    void givenUnchangedKey_verify_readsOnlyTheVersionAndUsesTheRememberedKey() {
      int reads = d.t.apiKeys.reads();

      assertThat(d.t.verify(d.token).outcome()).isEqualTo(VerifyOutcome.API_KEY_VERIFIED);

      // One read, and it was the version: the key's remembered copy was used as it stood.
      assertThat(d.t.apiKeys.reads()).isEqualTo(reads + 1);
      assertThat(d.t.keyStates.find(d.issued.key().id())).isPresent();
    }

    @Test
    void givenKeyRevokedElsewhere_nextVerify_answersRevoked() {
      d.changeElsewhere(key -> key.revoke(d.t.clock.instant()));

      assertThat(d.t.verify(d.token).outcome()).isEqualTo(VerifyOutcome.API_KEY_REVOKED);
    }

    @Test
    void givenScopeWithdrawnElsewhere_nextVerify_answersInsufficientScope() {
      ApiKey key = d.t.stored(d.issued.key().id());
      d.t.apiKeys.withdrawScope(
          key.scopes().stream()
              .filter(scope -> scope.key().equals("write:users"))
              .findFirst()
              .orElseThrow()
              .id());

      assertThat(d.t.verify(d.token, "write:users").outcome())
          .isEqualTo(VerifyOutcome.API_KEY_INSUFFICIENT_SCOPE);
      assertThat(d.t.verify(d.token, "read:users").outcome())
          .isEqualTo(VerifyOutcome.API_KEY_VERIFIED);
    }

    @Test
    void givenStaleRememberedKey_verify_readsTheKeyAgainAndRemembersTheNewState() {
      d.changeElsewhere(ApiKey::disable);

      assertThat(d.t.verify(d.token).outcome()).isEqualTo(VerifyOutcome.API_KEY_INACTIVE);

      assertThat(d.t.keyStates.find(d.issued.key().id()).orElseThrow().version())
          .isEqualTo(d.t.stored(d.issued.key().id()).version());
    }
  }

  @Nested
  class StateCacheTrusted {

    private final Deployment d =
        new Deployment(
            new VerificationSettings(
                true,
                VerificationSettings.DEFAULTS.hashingSlots(),
                VerificationSettings.DEFAULTS.hashingWait()));

    @Test
    void givenRememberedToken_verify_readsNothingAndHashesNothing() {
      int reads = d.t.apiKeys.reads();
      int hashes = d.t.countingHasher().verifications();

      for (int i = 0; i < 5; i++) {
        assertThat(d.t.verify(d.token).outcome()).isEqualTo(VerifyOutcome.API_KEY_VERIFIED);
      }

      assertThat(d.t.apiKeys.reads()).isEqualTo(reads);
      assertThat(d.t.countingHasher().verifications()).isEqualTo(hashes);
    }

    @Test
    void givenKeyRevokedElsewhere_verify_answersFromTheCacheUntilItExpires_thenRevoked() {
      d.changeElsewhere(key -> key.revoke(d.t.clock.instant()));

      // The trade made by turning the state cache on: another node's revoke is not seen yet...
      assertThat(d.t.verify(d.token).outcome()).isEqualTo(VerifyOutcome.API_KEY_VERIFIED);

      d.t.keyStates.expireAll();

      // ...until the remembered state expires.
      assertThat(d.t.verify(d.token).outcome()).isEqualTo(VerifyOutcome.API_KEY_REVOKED);
    }

    @Test
    void givenKeyRevokedOnThisNode_verify_answersRevokedAtOnce() {
      d.t.services.revokeApiKey().revoke(TestKeygate.OPERATOR, d.issued.key().id());

      assertThat(d.t.verify(d.token).outcome()).isEqualTo(VerifyOutcome.API_KEY_REVOKED);
    }

    @Test
    void givenKeyRotatedOnThisNode_verify_refusesTheOldTokenAtOnce() {
      IssuedApiKey rotated =
          d.t
              .services
              .rotateApiKey()
              .rotate(TestKeygate.OPERATOR, d.issued.key().id(), Duration.ZERO);

      assertThat(d.t.verify(d.token).outcome()).isEqualTo(VerifyOutcome.API_KEY_INVALID);
      assertThat(d.t.verify(rotated).outcome()).isEqualTo(VerifyOutcome.API_KEY_VERIFIED);
    }

    @Test
    void givenKeyDisabledOnThisNode_verify_answersInactiveAtOnce() {
      d.t.services.disableApiKey().disable(TestKeygate.OPERATOR, d.issued.key().id());

      assertThat(d.t.verify(d.token).outcome()).isEqualTo(VerifyOutcome.API_KEY_INACTIVE);
    }
  }
}
