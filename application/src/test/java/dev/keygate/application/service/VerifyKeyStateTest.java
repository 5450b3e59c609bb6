package dev.keygate.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keygate.application.fake.TestKeygate;
import dev.keygate.application.port.in.IssuedApiKey;
import dev.keygate.application.port.in.Verification;
import dev.keygate.application.port.in.VerifyApiKeyCommand;
import dev.keygate.application.port.in.VerifyOutcome;
import dev.keygate.application.port.out.ApiKeyRepository;
import dev.keygate.domain.api.Api;
import dev.keygate.domain.key.ApiKey;
import dev.keygate.domain.key.ApiKeyId;
import dev.keygate.domain.key.KeySecret;
import dev.keygate.domain.owner.OrgCode;
import dev.keygate.domain.owner.Owner;
import dev.keygate.domain.token.KeyPrefix;
import dev.keygate.domain.token.SecretLookup;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Where a verified key's state comes from: in strict mode a remembered key is used only when its
 * stored version confirms it; with the state cache trusted, without reading the database at all;
 * following the change feed, without reading it while the feed was read within the bound.
 */
class VerifyKeyStateTest {

  private static final Owner ORG_A = new Owner.Org(new OrgCode("org_a"));

  private static final AtomicLong LOOKUPS = new AtomicLong(7_000_000);

  /** Following the change feed within {@code bound}, hashing as by default. */
  private static VerificationSettings following(Duration bound) {
    return new VerificationSettings(
        VerifyMode.FOLLOW,
        bound,
        VerificationSettings.DEFAULTS.hashingSlots(),
        VerificationSettings.DEFAULTS.hashingWait());
  }

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

    private final Deployment d = new Deployment(TestKeygate.STRICT);

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
        new Deployment(VerificationSettings.DEFAULTS.inMode(VerifyMode.TTL));

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

  @Nested
  class Following {

    // A bound no test run outlasts: what these tests see is the feed's doing, not the bound's.
    private final Deployment d = new Deployment(following(Duration.ofHours(1)));
    private final ChangeFollower follower = d.t.services.changeFollower();

    @Test
    void givenFollowerCurrent_warmVerify_readsNothingAndHashesNothing() {
      follower.catchUp();
      assertThat(d.t.verify(d.token).outcome()).isEqualTo(VerifyOutcome.API_KEY_VERIFIED);
      int reads = d.t.apiKeys.reads();
      int hashes = d.t.countingHasher().verifications();

      for (int i = 0; i < 5; i++) {
        assertThat(d.t.verify(d.token).outcome()).isEqualTo(VerifyOutcome.API_KEY_VERIFIED);
      }

      assertThat(d.t.apiKeys.reads()).isEqualTo(reads);
      assertThat(d.t.countingHasher().verifications()).isEqualTo(hashes);
    }

    @Test
    void givenKeyRevokedElsewhere_verify_answersRevokedOnceTheFeedIsRead() {
      rememberWhileCurrent();
      d.changeElsewhere(key -> key.revoke(d.t.clock.instant()));

      // Within the bound, before this node read the feed, what it remembers still stands...
      assertThat(d.t.verify(d.token).outcome()).isEqualTo(VerifyOutcome.API_KEY_VERIFIED);

      follower.catchUp();

      // ...and once it read the feed, the key is forgotten and read again.
      assertThat(d.t.verify(d.token).outcome()).isEqualTo(VerifyOutcome.API_KEY_REVOKED);
    }

    @Test
    void givenScopeWithdrawnElsewhere_verify_answersInsufficientScopeOnceTheFeedIsRead() {
      rememberWhileCurrent();
      d.t.apiKeys.withdrawScope(
          d.t.stored(d.issued.key().id()).scopes().stream()
              .filter(scope -> scope.key().equals("write:users"))
              .findFirst()
              .orElseThrow()
              .id());

      follower.catchUp();

      assertThat(d.t.verify(d.token, "write:users").outcome())
          .isEqualTo(VerifyOutcome.API_KEY_INSUFFICIENT_SCOPE);
    }

    @Test
    void givenFeedNeverRead_verify_isStrict() {
      d.changeElsewhere(ApiKey::disable);

      assertThat(follower.isCurrent()).isFalse();
      assertThat(d.t.verify(d.token).outcome()).isEqualTo(VerifyOutcome.API_KEY_INACTIVE);
    }

    @Test
    void givenFirstCatchUp_everythingRememberedBeforeIsForgotten() {
      // Remembered before the node knew where the feed stood: a change it will never read may be
      // older than that memory.
      assertThat(d.t.keyStates.find(d.issued.key().id())).isPresent();

      follower.catchUp();

      assertThat(d.t.keyStates.find(d.issued.key().id())).isEmpty();
    }

    @Test
    void givenFeedStartedOverBelowThisNode_catchUp_forgetsEverything() {
      rememberWhileCurrent();
      d.changeElsewhere(ApiKey::disable);
      follower.catchUp();
      assertThat(d.t.verify(d.token).outcome()).isEqualTo(VerifyOutcome.API_KEY_INACTIVE);
      // A database restored from before those changes: its numbers start below this node's.
      d.t.changeFeed.startOver();
      d.changeElsewhere(ApiKey::enable);

      follower.catchUp();

      assertThat(d.t.verify(d.token).outcome()).isEqualTo(VerifyOutcome.API_KEY_VERIFIED);
    }

    @Test
    void givenANumberMissingWithinWhatTheFeedHolds_catchUp_forgetsEverything() {
      rememberWhileCurrent();
      long before = d.t.changeFeed.latest();
      d.t.apiKeys.add(anotherKey());
      d.changeElsewhere(ApiKey::disable);
      d.t.apiKeys.add(anotherKey());
      // The change of the key verified here is lost from the middle of the feed.
      d.t.changeFeed.prune(before + 2);

      follower.catchUp();

      assertThat(d.t.verify(d.token).outcome()).isEqualTo(VerifyOutcome.API_KEY_INACTIVE);
    }

    @Test
    void givenKeyChangedOnThisNodeWhileAVerificationReadIt_theReadKeyIsNotRemembered() {
      AtomicReference<Runnable> duringRead = new AtomicReference<>();
      KeygateServices node = d.t.servicesOver(racing(duringRead), d.t.apis);
      node.changeFollower().catchUp();
      duringRead.set(() -> node.revokeApiKey().revoke(TestKeygate.OPERATOR, d.issued.key().id()));

      assertThat(verify(node).outcome()).isEqualTo(VerifyOutcome.API_KEY_VERIFIED);

      // The feed has not been read since: only this node's own forgetting keeps the old state out.
      assertThat(d.t.keyStates.find(d.issued.key().id())).isEmpty();
      assertThat(verify(node).outcome()).isEqualTo(VerifyOutcome.API_KEY_REVOKED);
    }

    @Test
    void givenFeedPrunedPastThisNode_catchUp_forgetsEverything() {
      rememberWhileCurrent();
      d.changeElsewhere(ApiKey::disable);
      d.t.changeFeed.pruneAll();

      follower.catchUp();

      assertThat(d.t.verify(d.token).outcome()).isEqualTo(VerifyOutcome.API_KEY_INACTIVE);
    }

    @Test
    void givenChangeFollowedWhileTheKeyWasRead_theReadKeyIsNotRemembered() {
      AtomicReference<Runnable> duringRead = new AtomicReference<>();
      KeygateServices node = d.t.servicesOver(racing(duringRead), d.t.apis);
      ChangeFollower nodeFollower = node.changeFollower();
      nodeFollower.catchUp();
      // The key was read before the change; the feed is read before the reader remembers it.
      duringRead.set(
          () -> {
            d.changeElsewhere(key -> key.revoke(d.t.clock.instant()));
            nodeFollower.catchUp();
          });

      assertThat(verify(node).outcome()).isEqualTo(VerifyOutcome.API_KEY_VERIFIED);

      assertThat(d.t.keyStates.find(d.issued.key().id())).isEmpty();
      assertThat(verify(node).outcome()).isEqualTo(VerifyOutcome.API_KEY_REVOKED);
    }

    /** The deployment's keys, running {@code duringRead} once, right after a key is read by id. */
    private ApiKeyRepository racing(AtomicReference<Runnable> duringRead) {
      return (ApiKeyRepository)
          Proxy.newProxyInstance(
              ApiKeyRepository.class.getClassLoader(),
              new Class<?>[] {ApiKeyRepository.class},
              (proxy, method, arguments) -> {
                Object result;
                try {
                  result = method.invoke(d.t.apiKeys, arguments);
                } catch (InvocationTargetException e) {
                  throw e.getCause();
                }
                if (method.getName().equals("findById")) {
                  Runnable hook = duringRead.getAndSet(null);
                  if (hook != null) {
                    hook.run();
                  }
                }
                return result;
              });
    }

    private ApiKey anotherKey() {
      ApiKey issued = d.t.stored(d.issued.key().id());
      return ApiKey.create(
          ApiKeyId.generate(d.t.clock),
          "another",
          issued.owner(),
          issued.apiId(),
          issued.scopes(),
          KeySecret.issued(
              KeyPrefix.DEFAULT,
              new SecretLookup(String.format("L%011d", LOOKUPS.incrementAndGet())),
              "Ab12",
              "$argon2id$v=19$m=64,t=1,p=1$c2FsdA$aGFzaA",
              d.t.clock.instant()),
          "test",
          Optional.empty(),
          Optional.empty(),
          d.t.clock.instant());
    }

    /** The feed read, and the key verified and remembered since. */
    private void rememberWhileCurrent() {
      follower.catchUp();
      assertThat(d.t.verify(d.token).outcome()).isEqualTo(VerifyOutcome.API_KEY_VERIFIED);
      assertThat(d.t.keyStates.find(d.issued.key().id())).isPresent();
    }

    private Verification verify(KeygateServices node) {
      return node.verifyApiKey()
          .verify(
              TestKeygate.OPERATOR,
              new VerifyApiKeyCommand(d.token, Set.of(), Optional.empty(), Optional.empty()));
    }
  }

  @Nested
  class FollowingWithATinyBound {

    private final Deployment d = new Deployment(following(Duration.ofMillis(1)));
    private final ChangeFollower follower = d.t.services.changeFollower();

    @Test
    void givenFeedNotReadWithinTheBound_verify_readsTheVersionAndSeesTheChange()
        throws InterruptedException {
      follower.catchUp();
      d.t.verify(d.token);
      d.changeElsewhere(key -> key.revoke(d.t.clock.instant()));

      Thread.sleep(20);

      // Not timed: whatever the machine, 20 ms of sleep is past a bound of 1 ms.
      assertThat(follower.isCurrent()).isFalse();
      assertThat(d.t.verify(d.token).outcome()).isEqualTo(VerifyOutcome.API_KEY_REVOKED);
    }
  }
}
