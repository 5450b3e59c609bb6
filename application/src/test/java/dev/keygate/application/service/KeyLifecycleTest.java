package dev.keygate.application.service;

import static dev.keygate.application.fake.TestKeygate.OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keygate.application.fake.FakeKeyGenerator;
import dev.keygate.application.fake.InMemoryCreationQuota;
import dev.keygate.application.fake.InMemoryDeploymentLock;
import dev.keygate.application.fake.InMemoryFailedAttempts;
import dev.keygate.application.fake.InMemoryKeyStateCache;
import dev.keygate.application.fake.InMemoryVerifiedSecretCache;
import dev.keygate.application.fake.TestKeygate;
import dev.keygate.application.port.in.CreateApiKeyCommand;
import dev.keygate.application.port.in.IssuedApiKey;
import dev.keygate.application.port.in.VerifyOutcome;
import dev.keygate.application.port.out.OutgoingPorts;
import dev.keygate.application.port.out.VerificationMetrics;
import dev.keygate.domain.ConflictException;
import dev.keygate.domain.ValidationException;
import dev.keygate.domain.api.Api;
import dev.keygate.domain.audit.AuditAction;
import dev.keygate.domain.audit.AuditEvent;
import dev.keygate.domain.key.ApiKey;
import dev.keygate.domain.key.ApiKeyId;
import dev.keygate.domain.key.ApiKeyStatus;
import dev.keygate.domain.key.IllegalKeyTransitionException;
import dev.keygate.domain.key.KeySecret;
import dev.keygate.domain.owner.OrgCode;
import dev.keygate.domain.owner.Owner;
import dev.keygate.domain.token.KeyPrefix;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every state a key goes through by the use cases, and the ones it must refuse. */
class KeyLifecycleTest {

  private static final Owner ORG_A = new Owner.Org(new OrgCode("org_a"));

  private final TestKeygate t = new TestKeygate();
  private final InMemoryVerifiedSecretCache cache = (InMemoryVerifiedSecretCache) t.verifiedSecrets;
  private Api api;
  private IssuedApiKey issued;
  private ApiKeyId id;
  private String token;

  @BeforeEach
  void setUp() {
    t.createOrganization("org_a");
    api = t.registerApi("https://users.example.com");
    t.addScope(api, "read:users");
    issued = t.issueKey(ORG_A, api, "read:users");
    id = issued.key().id();
    token = issued.token().reveal();
    t.clock.advance(Duration.ofMinutes(1));
  }

  @Test
  void givenCommand_create_storesActiveKeyAtVersionZeroWithOnlyTheHashOfOneSecret() {
    ApiKey stored = t.stored(id);

    assertThat(stored).isEqualTo(issued.key());
    assertThat(stored.status()).isEqualTo(ApiKeyStatus.ACTIVE);
    assertThat(stored.version()).isZero();
    assertThat(stored.createdOn()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
    assertThat(stored.createdBy()).isEqualTo(OPERATOR.actor());
    assertThat(stored.revokedOn()).isEmpty();
    assertThat(stored.secrets()).hasSize(1);
    KeySecret secret = stored.currentSecret();
    assertThat(secret.lookup()).isEqualTo(TestKeygate.lookupOf(token));
    assertThat(secret.hash())
        .startsWith("$test-sha256$")
        .doesNotContain(TestKeygate.secretOf(token));
    assertThat(t.countingHasher().verify(secret.hash(), TestKeygate.secretOf(token).toCharArray()))
        .isTrue();
    assertThat(secret.expiresOn()).isEmpty();
    assertThat(secret.displayPrefix()).isEqualTo(token.substring(0, 13)).startsWith("k_live_");
    assertThat(secret.suffix()).isEqualTo(token.substring(token.length() - 4));
    assertThat(t.verify(token).outcome()).isEqualTo(VerifyOutcome.API_KEY_VERIFIED);
  }

  @Test
  void givenActiveKey_disable_storesInactiveAndBumpsVersion() {
    ApiKey disabled = t.services.disableApiKey().disable(OPERATOR, id);

    assertThat(disabled.status()).isEqualTo(ApiKeyStatus.INACTIVE);
    assertThat(disabled.version()).isEqualTo(1);
    assertThat(t.stored(id)).isEqualTo(disabled);
    assertThat(t.verify(token).outcome()).isEqualTo(VerifyOutcome.API_KEY_INACTIVE);
  }

  @Test
  void givenInactiveKey_enable_storesActiveAndBumpsVersionAgain() {
    t.services.disableApiKey().disable(OPERATOR, id);

    ApiKey enabled = t.services.enableApiKey().enable(OPERATOR, id);

    assertThat(enabled.status()).isEqualTo(ApiKeyStatus.ACTIVE);
    assertThat(enabled.version()).isEqualTo(2);
    assertThat(t.stored(id)).isEqualTo(enabled);
    assertThat(t.verify(token).outcome()).isEqualTo(VerifyOutcome.API_KEY_VERIFIED);
  }

  @Test
  void givenActiveKey_revoke_storesRevokedWithTheTimeOfRevocationAndKeepsTheRecord() {
    ApiKey revoked = t.services.revokeApiKey().revoke(OPERATOR, id);

    assertThat(revoked.status()).isEqualTo(ApiKeyStatus.REVOKED);
    assertThat(revoked.revokedOn()).contains(Instant.parse("2026-01-01T00:01:00Z"));
    assertThat(revoked.version()).isEqualTo(1);
    assertThat(t.stored(id)).isEqualTo(revoked);
    assertThat(t.verify(token).outcome()).isEqualTo(VerifyOutcome.API_KEY_REVOKED);
  }

  @Test
  void givenInactiveKey_revoke_storesRevoked() {
    t.services.disableApiKey().disable(OPERATOR, id);

    ApiKey revoked = t.services.revokeApiKey().revoke(OPERATOR, id);

    assertThat(revoked.status()).isEqualTo(ApiKeyStatus.REVOKED);
    assertThat(revoked.version()).isEqualTo(2);
    assertThat(t.stored(id).status()).isEqualTo(ApiKeyStatus.REVOKED);
  }

  @Test
  void givenRevokedKey_enable_answersIllegalTransitionAndChangesNothing() {
    t.services.revokeApiKey().revoke(OPERATOR, id);
    ApiKey before = t.stored(id);

    assertThatThrownBy(() -> t.services.enableApiKey().enable(OPERATOR, id))
        .isInstanceOf(IllegalKeyTransitionException.class)
        .isInstanceOf(ConflictException.class)
        .hasMessage("api key " + id + " is revoked and cannot be enabled");
    assertThat(t.stored(id)).isEqualTo(before);
  }

  @Test
  void givenRevokedKey_disable_answersIllegalTransition() {
    t.services.revokeApiKey().revoke(OPERATOR, id);

    assertThatThrownBy(() -> t.services.disableApiKey().disable(OPERATOR, id))
        .isInstanceOf(IllegalKeyTransitionException.class)
        .hasMessage("api key " + id + " is revoked and cannot be disabled");
    assertThat(t.stored(id).status()).isEqualTo(ApiKeyStatus.REVOKED);
  }

  @Test
  void givenRevokedKey_revoke_answersAlreadyRevokedAndKeepsTheFirstRevocationTime() {
    t.services.revokeApiKey().revoke(OPERATOR, id);
    t.clock.advance(Duration.ofHours(1));

    assertThatThrownBy(() -> t.services.revokeApiKey().revoke(OPERATOR, id))
        .isInstanceOf(IllegalKeyTransitionException.class)
        .hasMessage("api key " + id + " is already revoked");
    assertThat(t.stored(id).revokedOn()).contains(Instant.parse("2026-01-01T00:01:00Z"));
    assertThat(t.stored(id).version()).isEqualTo(1);
  }

  @Test
  void givenRevokedKey_rotate_answersIllegalTransitionWithoutMintingASecret() {
    t.services.revokeApiKey().revoke(OPERATOR, id);
    int hashes = t.countingHasher().hashes();

    assertThatThrownBy(() -> t.services.rotateApiKey().rotate(OPERATOR, id, Duration.ZERO))
        .isInstanceOf(IllegalKeyTransitionException.class)
        .hasMessage("api key " + id + " is revoked and cannot be rotated");
    assertThat(t.countingHasher().hashes()).isEqualTo(hashes);
    assertThat(t.stored(id).secrets()).hasSize(1);
  }

  @Test
  void givenActiveKey_enable_answersIllegalTransition() {
    assertThatThrownBy(() -> t.services.enableApiKey().enable(OPERATOR, id))
        .isInstanceOf(IllegalKeyTransitionException.class)
        .hasMessage("api key " + id + " is active and cannot be enabled");
    assertThat(t.stored(id).version()).isZero();
  }

  @Test
  void givenInactiveKey_disable_answersIllegalTransition() {
    t.services.disableApiKey().disable(OPERATOR, id);

    assertThatThrownBy(() -> t.services.disableApiKey().disable(OPERATOR, id))
        .isInstanceOf(IllegalKeyTransitionException.class)
        .hasMessage("api key " + id + " is inactive and cannot be disabled");
    assertThat(t.stored(id).version()).isEqualTo(1);
  }

  @Test
  void givenIllegalTransition_anyUseCase_recordsNoSuccessInTheAuditTrail() {
    int before = t.auditLog.events().size();

    assertThatThrownBy(() -> t.services.enableApiKey().enable(OPERATOR, id))
        .isInstanceOf(ConflictException.class);

    assertThat(t.auditLog.events()).hasSize(before);
  }

  @Test
  void givenGraceZero_rotate_replacesTheSecretAtOnce() {
    IssuedApiKey rotated = t.services.rotateApiKey().rotate(OPERATOR, id, Duration.ZERO);
    String newToken = rotated.token().reveal();

    assertThat(newToken).isNotEqualTo(token);
    assertThat(rotated.key().id()).isEqualTo(id);
    assertThat(rotated.key().version()).isEqualTo(1);
    assertThat(t.stored(id)).isEqualTo(rotated.key());
    assertThat(t.stored(id).secrets())
        .extracting(KeySecret::lookup)
        .containsExactly(TestKeygate.lookupOf(newToken));
    assertThat(t.verify(token).outcome()).isEqualTo(VerifyOutcome.API_KEY_INVALID);
    assertThat(t.verify(newToken).outcome()).isEqualTo(VerifyOutcome.API_KEY_VERIFIED);
  }

  @Test
  void givenDefaultGrace_rotate_keepsStatusNameScopesAndOwner() {
    t.services.disableApiKey().disable(OPERATOR, id);

    IssuedApiKey rotated = t.services.rotateApiKey().rotate(OPERATOR, id, Duration.ZERO);

    ApiKey stored = t.stored(id);
    assertThat(stored.status()).isEqualTo(ApiKeyStatus.INACTIVE);
    assertThat(stored.name()).isEqualTo(issued.key().name());
    assertThat(stored.owner()).isEqualTo(ORG_A);
    assertThat(stored.scopeKeys()).containsExactly("read:users");
    assertThat(t.verify(rotated.token().reveal()).outcome())
        .isEqualTo(VerifyOutcome.API_KEY_INACTIVE);
  }

  @Test
  void givenGraceOneHour_rotate_keepsTheOldSecretUntilTheGraceEnds() {
    Instant rotatedOn = t.clock.instant();
    IssuedApiKey rotated = t.services.rotateApiKey().rotate(OPERATOR, id, Duration.ofHours(1));
    String newToken = rotated.token().reveal();

    List<KeySecret> secrets = t.stored(id).secrets();
    assertThat(secrets).hasSize(2);
    assertThat(secrets.get(0).lookup()).isEqualTo(TestKeygate.lookupOf(token));
    assertThat(secrets.get(0).expiresOn()).contains(rotatedOn.plus(Duration.ofHours(1)));
    assertThat(secrets.get(1).lookup()).isEqualTo(TestKeygate.lookupOf(newToken));
    assertThat(secrets.get(1).expiresOn()).isEmpty();

    t.clock.advance(Duration.ofHours(1).minusSeconds(1));
    assertThat(t.verify(token).outcome()).isEqualTo(VerifyOutcome.API_KEY_VERIFIED);
    t.clock.advance(Duration.ofSeconds(1));
    assertThat(t.verify(token).outcome()).isEqualTo(VerifyOutcome.API_KEY_INVALID);
    assertThat(t.verify(newToken).outcome()).isEqualTo(VerifyOutcome.API_KEY_VERIFIED);
  }

  @Test
  void givenGraceSevenDays_rotate_keepsTheOldSecretForExactlySevenDays() {
    t.services.rotateApiKey().rotate(OPERATOR, id, Duration.ofDays(7));

    t.clock.advance(Duration.ofDays(7).minusSeconds(1));
    assertThat(t.verify(token).outcome()).isEqualTo(VerifyOutcome.API_KEY_VERIFIED);
    t.clock.advance(Duration.ofSeconds(1));
    assertThat(t.verify(token).outcome()).isEqualTo(VerifyOutcome.API_KEY_INVALID);
  }

  @Test
  void givenGraceLongerThanSevenDays_rotate_answersValidationWithoutMintingASecret() {
    int hashes = t.countingHasher().hashes();

    assertThatThrownBy(
            () -> t.services.rotateApiKey().rotate(OPERATOR, id, Duration.ofDays(7).plusSeconds(1)))
        .isInstanceOf(ValidationException.class)
        .hasMessage("rotation grace must be 0-604800 seconds (7 days), was 604801");
    assertThat(t.countingHasher().hashes()).isEqualTo(hashes);
    assertThat(t.stored(id)).isEqualTo(issued.key());
    assertThat(t.verify(token).outcome()).isEqualTo(VerifyOutcome.API_KEY_VERIFIED);
  }

  @Test
  void givenNegativeGrace_rotate_answersValidation() {
    assertThatThrownBy(() -> t.services.rotateApiKey().rotate(OPERATOR, id, Duration.ofSeconds(-1)))
        .isInstanceOf(ValidationException.class)
        .hasMessage("rotation grace must be 0-604800 seconds (7 days), was -1");
    assertThat(t.stored(id).secrets()).hasSize(1);
  }

  @Test
  void givenExpiredKey_rotate_answersIllegalTransition() {
    IssuedApiKey expiring =
        t.services
            .createApiKey()
            .create(
                OPERATOR,
                new CreateApiKeyCommand(
                    "expiring",
                    api.id(),
                    List.of(),
                    ORG_A,
                    Optional.of(t.clock.instant().plus(Duration.ofDays(1)))));
    t.clock.advance(Duration.ofDays(1));
    ApiKeyId expiringId = expiring.key().id();

    assertThatThrownBy(() -> t.services.rotateApiKey().rotate(OPERATOR, expiringId, Duration.ZERO))
        .isInstanceOf(IllegalKeyTransitionException.class)
        .hasMessage("api key " + expiringId + " is expired and cannot be rotated");
    assertThat(t.stored(expiringId).secrets()).hasSize(1);
  }

  @Test
  void givenRotationInGrace_rotateAgainWithGraceZero_endsEveryOlderSecretAtOnce() {
    String second =
        t.services.rotateApiKey().rotate(OPERATOR, id, Duration.ofHours(1)).token().reveal();
    t.clock.advance(Duration.ofMinutes(5));

    String third = t.services.rotateApiKey().rotate(OPERATOR, id, Duration.ZERO).token().reveal();

    assertThat(t.stored(id).secrets())
        .extracting(KeySecret::lookup)
        .containsExactly(TestKeygate.lookupOf(third));
    assertThat(t.verify(token).outcome()).isEqualTo(VerifyOutcome.API_KEY_INVALID);
    assertThat(t.verify(second).outcome()).isEqualTo(VerifyOutcome.API_KEY_INVALID);
    assertThat(t.verify(third).outcome()).isEqualTo(VerifyOutcome.API_KEY_VERIFIED);
  }

  @Test
  void givenRotationWithLongGrace_rotateAgainWithShortGrace_shortensTheOldestSecret() {
    t.services.rotateApiKey().rotate(OPERATOR, id, Duration.ofDays(7));
    t.clock.advance(Duration.ofMinutes(1));
    Instant secondRotation = t.clock.instant();

    t.services.rotateApiKey().rotate(OPERATOR, id, Duration.ofHours(1));

    assertThat(t.stored(id).secret(TestKeygate.lookupOf(token)).orElseThrow().expiresOn())
        .contains(secondRotation.plus(Duration.ofHours(1)));
    t.clock.advance(Duration.ofHours(1));
    assertThat(t.verify(token).outcome()).isEqualTo(VerifyOutcome.API_KEY_INVALID);
  }

  @Test
  void givenRotationWithShortGrace_rotateAgainWithLongGrace_neverExtendsTheOldestSecret() {
    Instant firstRotation = t.clock.instant();
    t.services.rotateApiKey().rotate(OPERATOR, id, Duration.ofHours(1));

    t.services.rotateApiKey().rotate(OPERATOR, id, Duration.ofDays(7));

    assertThat(t.stored(id).secret(TestKeygate.lookupOf(token)).orElseThrow().expiresOn())
        .contains(firstRotation.plus(Duration.ofHours(1)));
    t.clock.advance(Duration.ofHours(1));
    assertThat(t.verify(token).outcome()).isEqualTo(VerifyOutcome.API_KEY_INVALID);
  }

  @Test
  void givenSecretPastItsGrace_rotateAgain_dropsItFromTheKey() {
    String second =
        t.services.rotateApiKey().rotate(OPERATOR, id, Duration.ofHours(1)).token().reveal();
    t.clock.advance(Duration.ofHours(2));

    String third =
        t.services.rotateApiKey().rotate(OPERATOR, id, Duration.ofHours(1)).token().reveal();

    assertThat(t.stored(id).secrets())
        .extracting(KeySecret::lookup)
        .containsExactly(TestKeygate.lookupOf(second), TestKeygate.lookupOf(third));
    assertThat(t.verify(second).outcome()).isEqualTo(VerifyOutcome.API_KEY_VERIFIED);
    assertThat(t.verify(third).outcome()).isEqualTo(VerifyOutcome.API_KEY_VERIFIED);
  }

  @Test
  void givenSuccessfulRotation_rotate_auditsItAndAnswersTheStoredKey() {
    IssuedApiKey rotated = t.services.rotateApiKey().rotate(OPERATOR, id, Duration.ZERO);

    AuditEvent event = t.auditLog.events().get(t.auditLog.events().size() - 1);
    assertThat(event.action()).isEqualTo(AuditAction.API_KEY_ROTATE);
    assertThat(event.target()).isEqualTo(id.value());
    assertThat(event.targetOwner()).contains(ORG_A);
    assertThat(rotated.key()).isEqualTo(t.stored(id));
    assertThat(rotated.key().currentSecret().suffix())
        .isEqualTo(rotated.token().reveal().substring(rotated.token().reveal().length() - 4));
  }

  static Stream<Named<BiConsumer<TestKeygate, ApiKeyId>>> changesThatForgetVerifiedTokens() {
    return Stream.of(
        Named.of("disable", (k, id) -> k.services.disableApiKey().disable(OPERATOR, id)),
        Named.of("revoke", (k, id) -> k.services.revokeApiKey().revoke(OPERATOR, id)),
        Named.of(
            "rotate with a grace",
            (k, id) -> k.services.rotateApiKey().rotate(OPERATOR, id, Duration.ofHours(1))));
  }

  @ParameterizedTest
  @MethodSource("changesThatForgetVerifiedTokens")
  void givenVerifiedTokenInCache_change_forgetsItSoTheNextVerifyHashesAgain(
      BiConsumer<TestKeygate, ApiKeyId> change) {
    t.verify(token);
    assertThat(cache.size()).isEqualTo(1);
    int verifications = t.countingHasher().verifications();

    change.accept(t, id);

    assertThat(cache.size()).isZero();
    t.verify(token);
    assertThat(t.countingHasher().verifications()).isEqualTo(verifications + 1);
  }

  @Test
  void givenVerifiedTokenOfDisabledKeyInCache_enable_forgetsIt() {
    t.services.disableApiKey().disable(OPERATOR, id);
    assertThat(t.verify(token).outcome()).isEqualTo(VerifyOutcome.API_KEY_INACTIVE);
    assertThat(cache.size()).isEqualTo(1);

    t.services.enableApiKey().enable(OPERATOR, id);

    assertThat(cache.size()).isZero();
  }

  @Test
  void givenTwoCachedKeys_revokeOne_forgetsOnlyThatKeysTokens() {
    IssuedApiKey other = t.issueKey(ORG_A, api, "read:users");
    t.verify(token);
    t.verify(other);
    int verifications = t.countingHasher().verifications();

    t.services.revokeApiKey().revoke(OPERATOR, id);

    assertThat(cache.size()).isEqualTo(1);
    assertThat(t.verify(other).outcome()).isEqualTo(VerifyOutcome.API_KEY_VERIFIED);
    assertThat(t.countingHasher().verifications()).isEqualTo(verifications);
  }

  @Test
  void givenStaleVersion_repositoryUpdate_answersConflict() {
    ApiKey stale = t.services.getApiKey().get(OPERATOR, id);
    t.services.disableApiKey().disable(OPERATOR, id);

    assertThatThrownBy(() -> t.apiKeys.update(stale.revoke(t.clock.instant())))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining(id.value());
    assertThat(t.stored(id).status()).isEqualTo(ApiKeyStatus.INACTIVE);
    assertThat(t.stored(id).version()).isEqualTo(1);
  }

  static Stream<Named<BiConsumer<KeygateServicesUnderRace, ApiKeyId>>> racedChanges() {
    return Stream.of(
        Named.of("disable", (s, id) -> s.services.disableApiKey().disable(OPERATOR, id)),
        Named.of("revoke", (s, id) -> s.services.revokeApiKey().revoke(OPERATOR, id)),
        Named.of(
            "rotate", (s, id) -> s.services.rotateApiKey().rotate(OPERATOR, id, Duration.ZERO)));
  }

  @ParameterizedTest
  @MethodSource("racedChanges")
  void givenConcurrentWriteAfterRead_change_answersConflictAndStoresNothingOfIts(
      BiConsumer<KeygateServicesUnderRace, ApiKeyId> change) {
    KeygateServicesUnderRace raced = new KeygateServicesUnderRace(t);
    t.verify(token);
    raced.repository.raceNextRead();

    assertThatThrownBy(() -> change.accept(raced, id))
        .isInstanceOf(ConflictException.class)
        .isNotInstanceOf(IllegalKeyTransitionException.class);

    ApiKey stored = t.stored(id);
    assertThat(stored.version()).as("only the concurrent write landed").isEqualTo(1);
    assertThat(stored.status()).isEqualTo(ApiKeyStatus.ACTIVE);
    assertThat(stored.secrets()).hasSize(1);
    assertThat(t.auditLog.events())
        .extracting(AuditEvent::action)
        .doesNotContain(
            AuditAction.API_KEY_DISABLE, AuditAction.API_KEY_REVOKE, AuditAction.API_KEY_ROTATE);
    assertThat(t.verify(token).outcome()).isEqualTo(VerifyOutcome.API_KEY_VERIFIED);
  }

  @Test
  void givenConcurrentWriteAfterRead_enable_answersConflict() {
    t.services.disableApiKey().disable(OPERATOR, id);
    KeygateServicesUnderRace raced = new KeygateServicesUnderRace(t);
    raced.repository.raceNextRead();

    assertThatThrownBy(() -> raced.services.enableApiKey().enable(OPERATOR, id))
        .isInstanceOf(ConflictException.class);
    assertThat(t.stored(id).status()).isEqualTo(ApiKeyStatus.INACTIVE);
    assertThat(t.stored(id).version()).isEqualTo(2);
  }

  /** The same deployment as a {@link TestKeygate}, seen through a repository that loses races. */
  static final class KeygateServicesUnderRace {
    final RacingApiKeyRepository repository;
    final KeygateServices services;

    KeygateServicesUnderRace(TestKeygate t) {
      repository = new RacingApiKeyRepository(t.apiKeys);
      services =
          new KeygateServices(
              new OutgoingPorts(
                  repository,
                  t.apis,
                  t.owners,
                  t.grants,
                  t.auditLog,
                  t.usage,
                  t.hasher,
                  new FakeKeyGenerator(7),
                  t.verifiedSecrets,
                  new InMemoryKeyStateCache(),
                  t.changeFeed,
                  new InMemoryFailedAttempts(TestKeygate.FAILED_ATTEMPTS_LIMIT),
                  new InMemoryCreationQuota(TestKeygate.CREATIONS_PER_MINUTE),
                  VerificationMetrics.NONE,
                  new InMemoryDeploymentLock(),
                  t.unitOfWork,
                  t.applications,
                  t.signingKeys,
                  t.accessTokens,
                  t.rateLimiter,
                  t.credits,
                  t.usage,
                  t.webhooks,
                  t.outbox,
                  t.webhookSender,
                  t.scanningSignatures),
              KeyPrefix.DEFAULT,
              t.clock,
              TestKeygate.STRICT,
              TenantLimits.DEFAULTS);
    }
  }
}
