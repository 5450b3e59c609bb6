package dev.keygate.application.service;

import static dev.keygate.application.fake.TestKeygate.OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keygate.application.fake.InMemoryVerifiedSecretCache;
import dev.keygate.application.fake.TestKeygate;
import dev.keygate.application.port.in.CreateApiKeyCommand;
import dev.keygate.application.port.in.IssuedApiKey;
import dev.keygate.application.port.in.ManagementScope;
import dev.keygate.application.port.in.Verification;
import dev.keygate.application.port.in.VerifyApiKeyCommand;
import dev.keygate.application.port.in.VerifyOutcome;
import dev.keygate.domain.ForbiddenException;
import dev.keygate.domain.api.Api;
import dev.keygate.domain.api.ApiId;
import dev.keygate.domain.key.ApiKey;
import dev.keygate.domain.key.KeySecret;
import dev.keygate.domain.owner.OrgCode;
import dev.keygate.domain.owner.Owner;
import dev.keygate.domain.token.KeyPrefix;
import dev.keygate.domain.token.ParsedToken;
import dev.keygate.domain.token.TokenFormat;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The hot path: every answer, the order of the checks, and what each one costs. */
class VerifyApiKeyServiceTest {

  private static final Owner ORG_A = new Owner.Org(new OrgCode("org_a"));
  private static final String CLIENT_IP = "203.0.113.7";

  private final TestKeygate t = new TestKeygate();
  private Api api;
  private Api otherApi;
  private IssuedApiKey issued;
  private String token;

  @BeforeEach
  void setUp() {
    t.createOrganization("org_a");
    api = t.registerApi("https://users.example.com");
    t.addScope(api, "read:users");
    t.addScope(api, "write:users");
    otherApi = t.registerApi("https://billing.example.com");
    issued = t.issueKey(ORG_A, api, "read:users");
    token = issued.token().reveal();
  }

  private Verification verifyFrom(String presented, String... requiredScopes) {
    return t.services
        .verifyApiKey()
        .verify(
            OPERATOR,
            new VerifyApiKeyCommand(
                presented, Set.of(requiredScopes), Optional.empty(), Optional.of(CLIENT_IP)));
  }

  private Verification verifyFor(Optional<ApiId> apiId) {
    return t.services
        .verifyApiKey()
        .verify(OPERATOR, new VerifyApiKeyCommand(token, Set.of(), apiId, Optional.empty()));
  }

  @Test
  void givenActiveKey_verify_answersVerifiedWithTheKey() {
    Verification verification = t.verify(token);

    assertThat(verification.outcome()).isEqualTo(VerifyOutcome.API_KEY_VERIFIED);
    assertThat(verification.isValid()).isTrue();
    assertThat(verification.key()).map(ApiKey::id).contains(issued.key().id());
    assertThat(verification.outcome().message()).isEqualTo("API key verified");
  }

  @Test
  void givenKeyWithEveryRequiredScope_verify_answersVerified() {
    IssuedApiKey both = t.issueKey(ORG_A, api, "read:users", "write:users");

    assertThat(t.verify(both, "read:users", "write:users").outcome())
        .isEqualTo(VerifyOutcome.API_KEY_VERIFIED);
  }

  static Stream<Named<UnaryOperator<String>>> malformedTokens() {
    return Stream.of(
        Named.of("null", token -> null),
        Named.of("empty", token -> ""),
        Named.of("plain words", token -> "let me in"),
        Named.of("prefix only", token -> "k_live_"),
        Named.of("truncated by one", token -> token.substring(0, token.length() - 1)),
        Named.of("one character more", token -> token + "0"),
        Named.of("trailing space", token -> token + " "),
        Named.of("upper-case prefix", token -> "K_LIVE" + token.substring(6)),
        Named.of("no underscore", token -> "k_live-" + token.substring(7)),
        Named.of("non-base62 body", token -> token.substring(0, 20) + "-" + token.substring(21)),
        Named.of("bearer word kept", token -> "Bearer " + token));
  }

  @ParameterizedTest
  @MethodSource("malformedTokens")
  void givenMalformedToken_verify_answersInvalidWithoutReadingOrHashing(
      UnaryOperator<String> malform) {
    int reads = t.apiKeys.reads();
    int verifications = t.countingHasher().verifications();

    Verification verification = verifyFrom(malform.apply(token));

    assertThat(verification).isEqualTo(Verification.invalid());
    assertThat(t.apiKeys.reads()).isEqualTo(reads);
    assertThat(t.countingHasher().verifications()).isEqualTo(verifications);
    assertThat(t.usage.count(issued.key().id())).isZero();
  }

  @Test
  void givenTypoInToken_verify_answersInvalidWithoutReadingOrHashing() {
    String typo = TestKeygate.withTypo(token);
    assertThat(typo).isNotEqualTo(token).hasSameSizeAs(token);
    int reads = t.apiKeys.reads();
    int verifications = t.countingHasher().verifications();

    assertThat(verifyFrom(typo)).isEqualTo(Verification.invalid());
    assertThat(t.apiKeys.reads()).isEqualTo(reads);
    assertThat(t.countingHasher().verifications()).isEqualTo(verifications);
  }

  @Test
  void
      givenTokenRecomposedUnderAnotherPrefix_verify_answersInvalidWithoutHashingAndCountsAFailure() {
    ParsedToken parsed = TokenFormat.parse(token).orElseThrow();
    String otherPrefix =
        TokenFormat.compose(new KeyPrefix("k_test"), parsed.lookup(), parsed.secret()).reveal();
    assertThat(otherPrefix).isNotEqualTo(token).doesNotStartWith("k_live");
    assertThat(TokenFormat.parse(otherPrefix)).isPresent();
    int verifications = t.countingHasher().verifications();

    assertThat(verifyFrom(otherPrefix)).isEqualTo(Verification.invalid());
    assertThat(t.countingHasher().verifications()).isEqualTo(verifications);
    assertThat(t.failedAttempts.failures(parsed.lookup())).isEqualTo(1);
    assertThat(verifyFrom(token).outcome()).isEqualTo(VerifyOutcome.API_KEY_VERIFIED);
  }

  @Test
  void givenUnknownLookupWithSoundChecksum_verify_answersInvalidAfterOneReadAndNoHash() {
    String unknown = TestKeygate.unknownToken();
    assertThat(TokenFormat.parse(unknown)).isPresent();
    int reads = t.apiKeys.reads();
    int verifications = t.countingHasher().verifications();

    assertThat(verifyFrom(unknown)).isEqualTo(Verification.invalid());
    assertThat(t.apiKeys.reads()).isEqualTo(reads + 1);
    assertThat(t.countingHasher().verifications()).isEqualTo(verifications);
  }

  @Test
  void givenWrongSecret_verify_answersInvalidAfterOneHashAndDoesNotRememberIt() {
    String wrong = TestKeygate.withWrongSecret(token);
    assertThat(TokenFormat.parse(wrong)).isPresent();
    int verifications = t.countingHasher().verifications();

    assertThat(verifyFrom(wrong)).isEqualTo(Verification.invalid());
    assertThat(t.countingHasher().verifications()).isEqualTo(verifications + 1);
    assertThat(verifyFrom(wrong)).isEqualTo(Verification.invalid());
    assertThat(t.countingHasher().verifications()).isEqualTo(verifications + 2);
    assertThat(((InMemoryVerifiedSecretCache) t.verifiedSecrets).size()).isZero();
    assertThat(t.usage.count(issued.key().id())).isZero();
  }

  @Test
  void givenSecretPastItsRotationGrace_verify_answersInvalidWithoutHashing() {
    t.services.rotateApiKey().rotate(OPERATOR, issued.key().id(), Duration.ofHours(1));
    t.clock.advance(Duration.ofHours(1));
    int verifications = t.countingHasher().verifications();

    assertThat(t.verify(token)).isEqualTo(Verification.invalid());
    assertThat(t.countingHasher().verifications()).isEqualTo(verifications);
  }

  @Test
  void givenRotatedKey_verify_acceptsTheOldTokenDuringTheGraceOnly() {
    IssuedApiKey rotated =
        t.services.rotateApiKey().rotate(OPERATOR, issued.key().id(), Duration.ofMinutes(30));

    t.clock.advance(Duration.ofMinutes(29));
    assertThat(t.verify(token).outcome()).isEqualTo(VerifyOutcome.API_KEY_VERIFIED);
    assertThat(t.verify(rotated).outcome()).isEqualTo(VerifyOutcome.API_KEY_VERIFIED);
    t.clock.advance(Duration.ofMinutes(1));
    assertThat(t.verify(token).outcome()).isEqualTo(VerifyOutcome.API_KEY_INVALID);
    assertThat(t.verify(rotated).outcome()).isEqualTo(VerifyOutcome.API_KEY_VERIFIED);
  }

  @Test
  void givenOtherApiNamed_verify_answersInvalidWithoutTheKey() {
    assertThat(verifyFor(Optional.of(otherApi.id()))).isEqualTo(Verification.invalid());
    assertThat(verifyFor(Optional.of(api.id())).outcome())
        .isEqualTo(VerifyOutcome.API_KEY_VERIFIED);
    assertThat(verifyFor(Optional.empty()).outcome()).isEqualTo(VerifyOutcome.API_KEY_VERIFIED);
  }

  @Test
  void givenDisabledKey_verify_answersInactiveWithTheKey() {
    t.services.disableApiKey().disable(OPERATOR, issued.key().id());

    Verification verification = t.verify(token);

    assertThat(verification.outcome()).isEqualTo(VerifyOutcome.API_KEY_INACTIVE);
    assertThat(verification.isValid()).isFalse();
    assertThat(verification.key()).map(ApiKey::id).contains(issued.key().id());
  }

  @Test
  void givenRevokedKey_verify_answersRevoked() {
    t.services.revokeApiKey().revoke(OPERATOR, issued.key().id());

    Verification verification = t.verify(token);

    assertThat(verification.outcome()).isEqualTo(VerifyOutcome.API_KEY_REVOKED);
    assertThat(verification.key()).map(ApiKey::id).contains(issued.key().id());
  }

  private IssuedApiKey keyExpiringIn(Duration lifetime, String... scopes) {
    return t.services
        .createApiKey()
        .create(
            OPERATOR,
            new CreateApiKeyCommand(
                "expiring",
                api.id(),
                List.of(scopes),
                ORG_A,
                Optional.of(t.clock.instant().plus(lifetime))));
  }

  @Test
  void givenKeyPastItsExpiry_verify_answersExpired() {
    IssuedApiKey expiring = keyExpiringIn(Duration.ofDays(30));

    t.clock.advance(Duration.ofDays(30).minusSeconds(1));
    assertThat(t.verify(expiring).outcome()).isEqualTo(VerifyOutcome.API_KEY_VERIFIED);
    t.clock.advance(Duration.ofSeconds(1));
    Verification verification = t.verify(expiring);

    assertThat(verification.outcome()).isEqualTo(VerifyOutcome.API_KEY_EXPIRED);
    assertThat(verification.key()).map(ApiKey::id).contains(expiring.key().id());
  }

  @Test
  void givenMissingScope_verify_answersInsufficientScope() {
    Verification verification = t.verify(token, "read:users", "write:users");

    assertThat(verification.outcome()).isEqualTo(VerifyOutcome.API_KEY_INSUFFICIENT_SCOPE);
    assertThat(verification.key()).map(ApiKey::id).contains(issued.key().id());
    assertThat(t.verify(token, "read:users").outcome()).isEqualTo(VerifyOutcome.API_KEY_VERIFIED);
  }

  @Test
  void givenRequiredScopeUnknownAnywhere_verify_answersInsufficientScope() {
    assertThat(t.verify(token, "launch:rockets").outcome())
        .isEqualTo(VerifyOutcome.API_KEY_INSUFFICIENT_SCOPE);
  }

  static Stream<Named<Consumer<VerifyApiKeyServiceTest>>> statesThatAreOnlyToldToSecretHolders() {
    return Stream.of(
        Named.of(
            "disabled",
            test -> test.t.services.disableApiKey().disable(OPERATOR, test.issued.key().id())),
        Named.of(
            "revoked",
            test -> test.t.services.revokeApiKey().revoke(OPERATOR, test.issued.key().id())),
        Named.of(
            "expired",
            test -> {
              test.issued = test.keyExpiringIn(Duration.ofHours(1), "read:users");
              test.token = test.issued.token().reveal();
              test.t.clock.advance(Duration.ofHours(2));
            }));
  }

  @ParameterizedTest
  @MethodSource("statesThatAreOnlyToldToSecretHolders")
  void givenWrongSecret_verify_answersInvalidNotTheKeysState(
      Consumer<VerifyApiKeyServiceTest> state) {
    state.accept(this);
    assertThat(t.verify(token).outcome()).isNotEqualTo(VerifyOutcome.API_KEY_VERIFIED);

    assertThat(t.verify(TestKeygate.withWrongSecret(token))).isEqualTo(Verification.invalid());
  }

  @Test
  void givenWrongSecretAndMissingScope_verify_answersInvalidNotInsufficientScope() {
    assertThat(t.verify(TestKeygate.withWrongSecret(token), "write:users"))
        .isEqualTo(Verification.invalid());
  }

  @Test
  void givenRevokedAndExpiredKey_verify_answersRevokedSinceStatusComesFirst() {
    IssuedApiKey expiring = keyExpiringIn(Duration.ofHours(1));
    t.services.revokeApiKey().revoke(OPERATOR, expiring.key().id());
    t.clock.advance(Duration.ofHours(2));

    assertThat(t.verify(expiring).outcome()).isEqualTo(VerifyOutcome.API_KEY_REVOKED);
  }

  @Test
  void givenDisabledKeyAskedForAnotherApi_verify_answersInactiveSinceStatusComesFirst() {
    t.services.disableApiKey().disable(OPERATOR, issued.key().id());

    assertThat(verifyFor(Optional.of(otherApi.id())).outcome())
        .isEqualTo(VerifyOutcome.API_KEY_INACTIVE);
  }

  @Test
  void givenExpiredKeyMissingAScope_verify_answersExpiredSinceExpiryComesBeforeScopes() {
    IssuedApiKey expiring = keyExpiringIn(Duration.ofHours(1));
    t.clock.advance(Duration.ofHours(1));

    assertThat(t.verify(expiring, "write:users").outcome())
        .isEqualTo(VerifyOutcome.API_KEY_EXPIRED);
  }

  @Test
  void givenVerifiedToken_verify_recordsUsageWithTheClientAddress() {
    verifyFrom(token);
    verifyFrom(token);

    assertThat(t.usage.count(issued.key().id())).isEqualTo(2);
    assertThat(t.usage.lastIp(issued.key().id())).contains(CLIENT_IP);
  }

  @Test
  void givenAnswerOtherThanVerified_verify_recordsNoUsage() {
    verifyFrom(token, "write:users");
    verifyFrom(TestKeygate.withWrongSecret(token));
    t.services.disableApiKey().disable(OPERATOR, issued.key().id());
    verifyFrom(token);
    t.services.revokeApiKey().revoke(OPERATOR, issued.key().id());
    verifyFrom(token);

    assertThat(t.usage.count(issued.key().id())).isZero();
    assertThat(t.usage.lastIp(issued.key().id())).isEmpty();
  }

  @Test
  void givenEveryKindOfAnswer_verify_countsEachByItsCodeWithItsTime() {
    verifyFrom(token);
    verifyFrom(token, "write:users");
    verifyFrom(TestKeygate.withWrongSecret(token));
    verifyFrom(TestKeygate.withTypo(token));
    t.services.revokeApiKey().revoke(OPERATOR, issued.key().id());
    verifyFrom(token);

    assertThat(t.verificationMetrics.answered("API_KEY_VERIFIED")).isEqualTo(1);
    assertThat(t.verificationMetrics.answered("API_KEY_INSUFFICIENT_SCOPE")).isEqualTo(1);
    assertThat(t.verificationMetrics.answered("API_KEY_INVALID")).isEqualTo(2);
    assertThat(t.verificationMetrics.answered("API_KEY_REVOKED")).isEqualTo(1);
    assertThat(t.verificationMetrics.timings()).hasSize(5).allMatch(d -> !d.isNegative());
  }

  @Test
  void givenTokenVerifiedBefore_verify_countsNoFurtherHashCheck() {
    verifyFrom(TestKeygate.withWrongSecret(token));
    verifyFrom(token);
    assertThat(t.verificationMetrics.hashChecks()).isEqualTo(2);

    verifyFrom(token);
    verifyFrom(TestKeygate.withTypo(token));

    assertThat(t.verificationMetrics.hashChecks()).isEqualTo(2);
    assertThat(t.verificationMetrics.hashChecks()).isEqualTo(t.countingHasher().verifications());
  }

  @Test
  void givenTokenVerifiedBefore_verify_countsACacheHit_andATypoLooksNothingUp() {
    verifyFrom(TestKeygate.withWrongSecret(token));
    verifyFrom(token);
    verifyFrom(token);
    verifyFrom(token, "write:users");
    verifyFrom(TestKeygate.withTypo(token));

    assertThat(t.verificationMetrics.cacheMisses()).isEqualTo(2);
    assertThat(t.verificationMetrics.cacheHits()).isEqualTo(2);
  }

  @Test
  void givenCallerWithoutAVerifyScope_verify_countsNothing() {
    assertThatThrownBy(
            () ->
                t.services
                    .verifyApiKey()
                    .verify(
                        TestKeygate.operatorHolding(ManagementScope.CREATE_API_KEYS),
                        VerifyApiKeyCommand.of(token)))
        .isInstanceOf(ForbiddenException.class);

    assertThat(t.verificationMetrics.timings()).isEmpty();
    assertThat(t.verificationMetrics.hashChecks()).isZero();
  }

  @Test
  void givenTokenVerifiedBefore_verify_skipsTheHashButReadsTheKeyAgain() {
    t.verify(token);
    int verifications = t.countingHasher().verifications();
    int reads = t.apiKeys.reads();

    assertThat(t.verify(token).outcome()).isEqualTo(VerifyOutcome.API_KEY_VERIFIED);
    assertThat(t.verify(token).outcome()).isEqualTo(VerifyOutcome.API_KEY_VERIFIED);

    assertThat(t.countingHasher().verifications()).isEqualTo(verifications);
    assertThat(t.apiKeys.reads()).isEqualTo(reads + 2);
  }

  @Test
  void givenTokenVerifiedBefore_keyDisabledElsewhere_verify_answersInactiveFromTheCache() {
    t.verify(token);
    int verifications = t.countingHasher().verifications();
    // Another node disables the key: this node's cache is not told.
    t.apiKeys.update(t.stored(issued.key().id()).disable());

    assertThat(t.verify(token).outcome()).isEqualTo(VerifyOutcome.API_KEY_INACTIVE);
    assertThat(t.countingHasher().verifications()).isEqualTo(verifications);
  }

  @Test
  void givenTokenVerifiedBefore_keyRevokedElsewhere_verify_answersRevoked() {
    t.verify(token);
    t.apiKeys.update(t.stored(issued.key().id()).revoke(t.clock.instant()));

    assertThat(t.verify(token).outcome()).isEqualTo(VerifyOutcome.API_KEY_REVOKED);
  }

  @Test
  void givenTokenVerifiedBefore_secretReplacedElsewhere_verify_answersInvalid() {
    t.verify(token);
    Instant now = t.clock.instant();
    KeySecret replacement =
        KeySecret.issued(
            KeyPrefix.DEFAULT,
            TestKeygate.lookupOf(TestKeygate.unknownToken()),
            "abcd",
            "$test-sha256$00$00",
            now);
    t.apiKeys.update(t.stored(issued.key().id()).rotate(replacement, Duration.ZERO, now));

    assertThat(t.verify(token)).isEqualTo(Verification.invalid());
  }

  @Test
  void givenTokenVerifiedBefore_secretGraceEnds_verify_answersInvalidDespiteTheCache() {
    t.verify(token);
    Instant now = t.clock.instant();
    KeySecret replacement =
        KeySecret.issued(
            KeyPrefix.DEFAULT,
            TestKeygate.lookupOf(TestKeygate.unknownToken()),
            "abcd",
            "$test-sha256$00$00",
            now);
    // Rotated elsewhere with a grace of one hour: this node still remembers the old token.
    t.apiKeys.update(t.stored(issued.key().id()).rotate(replacement, Duration.ofHours(1), now));
    t.clock.advance(Duration.ofMinutes(59));
    assertThat(t.verify(token).outcome()).isEqualTo(VerifyOutcome.API_KEY_VERIFIED);

    t.clock.advance(Duration.ofMinutes(1));

    assertThat(t.verify(token)).isEqualTo(Verification.invalid());
  }
}
