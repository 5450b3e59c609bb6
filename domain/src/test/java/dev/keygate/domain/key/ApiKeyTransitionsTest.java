package dev.keygate.domain.key;

import static dev.keygate.domain.key.TestKeys.ACME;
import static dev.keygate.domain.key.TestKeys.API_ID;
import static dev.keygate.domain.key.TestKeys.FOREIGN_SCOPE;
import static dev.keygate.domain.key.TestKeys.KEY_ID;
import static dev.keygate.domain.key.TestKeys.READ_USERS;
import static dev.keygate.domain.key.TestKeys.T0;
import static dev.keygate.domain.key.TestKeys.WRITE_USERS;
import static dev.keygate.domain.key.TestKeys.anOrgKey;
import static dev.keygate.domain.key.TestKeys.anOrgKeyExpiring;
import static dev.keygate.domain.key.TestKeys.firstSecret;
import static dev.keygate.domain.key.TestKeys.secret;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keygate.domain.ConflictException;
import dev.keygate.domain.ValidationException;
import dev.keygate.domain.api.ApiId;
import dev.keygate.domain.token.SecretLookup;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ApiKeyTransitionsTest {

  private static final String ID = KEY_ID.value();

  @Nested
  class Create {

    @Test
    void givenValidDraft_create_isActiveAtVersionZeroWithOneSecret() {
      KeySecret secret = firstSecret();
      Instant expiry = T0.plus(Duration.ofDays(90));

      ApiKey key =
          ApiKey.create(
              KEY_ID,
              "  Production Integration  ",
              ACME,
              API_ID,
              Set.of(READ_USERS, WRITE_USERS),
              secret,
              "operator",
              Optional.empty(),
              Optional.of(expiry),
              T0);

      assertThat(key.id()).isEqualTo(KEY_ID);
      assertThat(key.name()).isEqualTo("Production Integration");
      assertThat(key.owner()).isEqualTo(ACME);
      assertThat(key.apiId()).isEqualTo(API_ID);
      assertThat(key.scopes()).containsExactlyInAnyOrder(READ_USERS, WRITE_USERS);
      assertThat(key.status()).isEqualTo(ApiKeyStatus.ACTIVE);
      assertThat(key.createdOn()).isEqualTo(T0);
      assertThat(key.createdBy()).isEqualTo("operator");
      assertThat(key.expiresOn()).contains(expiry);
      assertThat(key.secrets()).containsExactly(secret);
      assertThat(key.usage()).isEqualTo(Usage.NONE);
      assertThat(key.revokedOn()).isEmpty();
      assertThat(key.version()).isZero();
    }

    @Test
    void givenPortalLink_createPortalLink_isOfThePortalLinkKindAndExpires() {
      Instant end = T0.plus(Duration.ofHours(1));

      ApiKey key =
          ApiKey.createPortalLink(
              KEY_ID,
              "Portal link",
              ACME,
              API_ID,
              Set.of(READ_USERS),
              firstSecret(),
              "operator",
              Optional.empty(),
              end,
              T0);

      assertThat(key.kind()).isEqualTo(ApiKeyKind.PORTAL_LINK);
      assertThat(key.expiresOn()).contains(end);
      assertThat(anOrgKey().kind()).isEqualTo(ApiKeyKind.STANDARD);
    }

    @Test
    void givenPortalLinkKindWithoutExpiry_newKey_isRefused() {
      assertThatThrownBy(() -> TestKeys.aKey().kind(ApiKeyKind.PORTAL_LINK).build())
          .isInstanceOf(ValidationException.class)
          .hasMessage("a portal link's api key must expire");
    }

    @Test
    void givenExpiryInThePast_create_isRefused() {
      assertThatThrownBy(() -> anOrgKeyExpiring(Optional.of(T0.minusSeconds(1))))
          .isInstanceOf(ValidationException.class)
          .hasMessage("api key expiry must be in the future");
    }

    @Test
    void givenExpiryEqualToNow_create_isRefused() {
      assertThatThrownBy(() -> anOrgKeyExpiring(Optional.of(T0)))
          .isInstanceOf(ValidationException.class)
          .hasMessage("api key expiry must be in the future");
    }

    @Test
    void givenExpiryOneNanosecondAfterNow_create_isAccepted() {
      ApiKey key = anOrgKeyExpiring(Optional.of(T0.plusNanos(1)));

      assertThat(key.expiresOn()).contains(T0.plusNanos(1));
    }

    @Test
    void givenBlankName_create_isRefused() {
      assertThatThrownBy(
              () ->
                  ApiKey.create(
                      KEY_ID,
                      "   ",
                      ACME,
                      API_ID,
                      Set.of(READ_USERS),
                      firstSecret(),
                      "operator",
                      Optional.empty(),
                      Optional.empty(),
                      T0))
          .isInstanceOf(ValidationException.class)
          .hasMessage("api key name must be 1-128 characters, was 0");
    }

    @Test
    void givenScopeOfAnotherApi_create_isRefused() {
      assertThatThrownBy(
              () ->
                  ApiKey.create(
                      KEY_ID,
                      "Orders",
                      ACME,
                      API_ID,
                      Set.of(READ_USERS, FOREIGN_SCOPE),
                      firstSecret(),
                      "operator",
                      Optional.empty(),
                      Optional.empty(),
                      T0))
          .isInstanceOf(ValidationException.class)
          .hasMessage(
              "scope read:orders belongs to api api_0195485a3c00bbbbbbbbbbbbbbbbbbbb,"
                  + " not to api_0195485a3c00aaaaaaaaaaaaaaaaaaaa");
    }
  }

  @Nested
  class Disable {

    @Test
    void givenActiveKey_disable_makesItInactiveAndKeepsTheRest() {
      ApiKey active = anOrgKey();

      ApiKey inactive = active.disable();

      assertThat(inactive.status()).isEqualTo(ApiKeyStatus.INACTIVE);
      assertThat(inactive.revokedOn()).isEmpty();
      assertThat(inactive).usingRecursiveComparison().ignoringFields("status").isEqualTo(active);
    }

    @Test
    void givenActiveKey_disable_leavesTheOriginalActive() {
      ApiKey active = anOrgKey();

      active.disable();

      assertThat(active.status()).isEqualTo(ApiKeyStatus.ACTIVE);
    }

    @Test
    void givenInactiveKey_disable_isRefusedNamingKeyAndState() {
      ApiKey inactive = anOrgKey().disable();

      assertThatThrownBy(inactive::disable)
          .isInstanceOf(IllegalKeyTransitionException.class)
          .hasMessage("api key " + ID + " is inactive and cannot be disabled");
    }

    @Test
    void givenRevokedKey_disable_isRefusedNamingKeyAndState() {
      ApiKey revoked = anOrgKey().revoke(T0);

      assertThatThrownBy(revoked::disable)
          .isInstanceOf(IllegalKeyTransitionException.class)
          .hasMessage("api key " + ID + " is revoked and cannot be disabled");
    }

    @Test
    void givenIllegalTransition_theRefusal_isAConflict() {
      ApiKey revoked = anOrgKey().revoke(T0);

      assertThatThrownBy(revoked::disable).isInstanceOf(ConflictException.class);
    }
  }

  @Nested
  class Enable {

    @Test
    void givenInactiveKey_enable_makesItActiveAndKeepsTheRest() {
      ApiKey inactive = anOrgKey().disable();

      ApiKey active = inactive.enable();

      assertThat(active.status()).isEqualTo(ApiKeyStatus.ACTIVE);
      assertThat(active).isEqualTo(anOrgKey());
    }

    @Test
    void givenActiveKey_enable_isRefusedNamingKeyAndState() {
      ApiKey active = anOrgKey();

      assertThatThrownBy(active::enable)
          .isInstanceOf(IllegalKeyTransitionException.class)
          .hasMessage("api key " + ID + " is active and cannot be enabled");
    }

    @Test
    void givenRevokedKey_enable_isRefused() {
      ApiKey revoked = anOrgKey().revoke(T0);

      assertThatThrownBy(revoked::enable)
          .isInstanceOf(IllegalKeyTransitionException.class)
          .hasMessage("api key " + ID + " is revoked and cannot be enabled");
    }

    @Test
    void givenDisabledThenRevokedKey_enable_isRefused() {
      ApiKey revoked = anOrgKey().disable().revoke(T0);

      assertThatThrownBy(revoked::enable)
          .isInstanceOf(IllegalKeyTransitionException.class)
          .hasMessage("api key " + ID + " is revoked and cannot be enabled");
    }
  }

  @Nested
  class Revoke {

    @Test
    void givenActiveKey_revoke_makesItRevokedAtNow() {
      Instant now = T0.plus(Duration.ofHours(5));

      ApiKey revoked = anOrgKey().revoke(now);

      assertThat(revoked.status()).isEqualTo(ApiKeyStatus.REVOKED);
      assertThat(revoked.revokedOn()).contains(now);
      assertThat(revoked.secrets()).isEqualTo(anOrgKey().secrets());
      assertThat(revoked.version()).isZero();
    }

    @Test
    void givenInactiveKey_revoke_makesItRevoked() {
      Instant now = T0.plusSeconds(60);

      ApiKey revoked = anOrgKey().disable().revoke(now);

      assertThat(revoked.status()).isEqualTo(ApiKeyStatus.REVOKED);
      assertThat(revoked.revokedOn()).contains(now);
    }

    @Test
    void givenRevokedKey_revokeAgain_isRefused() {
      ApiKey revoked = anOrgKey().revoke(T0);

      assertThatThrownBy(() -> revoked.revoke(T0.plusSeconds(1)))
          .isInstanceOf(IllegalKeyTransitionException.class)
          .hasMessage("api key " + ID + " is already revoked");
    }

    @Test
    void givenExpiredKey_revoke_isAllowed() {
      ApiKey key = anOrgKeyExpiring(Optional.of(T0.plusSeconds(10)));

      ApiKey revoked = key.revoke(T0.plusSeconds(20));

      assertThat(revoked.status()).isEqualTo(ApiKeyStatus.REVOKED);
    }
  }

  @Nested
  class Rotate {

    private final Instant now = T0.plus(Duration.ofDays(1));
    private final KeySecret second = secret("BBBBBBBBBBB2", now);

    @Test
    void givenZeroGrace_rotate_keepsOnlyTheNewSecret() {
      ApiKey rotated = anOrgKey().rotate(second, Duration.ZERO, now);

      assertThat(rotated.secrets()).containsExactly(second);
      assertThat(rotated.currentSecret()).isEqualTo(second);
    }

    @Test
    void givenOneHourGrace_rotate_addsSecretAndExpiresTheOldOneAtNowPlusGrace() {
      ApiKey rotated = anOrgKey().rotate(second, Duration.ofHours(1), now);

      assertThat(rotated.secrets()).hasSize(2);
      KeySecret old = rotated.secrets().get(0);
      assertThat(old.lookup()).isEqualTo(firstSecret().lookup());
      assertThat(old.hash()).isEqualTo(firstSecret().hash());
      assertThat(old.expiresOn()).contains(now.plus(Duration.ofHours(1)));
      assertThat(rotated.secrets().get(1)).isEqualTo(second);
      assertThat(rotated.currentSecret()).isEqualTo(second);
    }

    @Test
    void givenGrace_previousSecretExpiresOn_isTheGracesEndUntilItPasses() {
      Instant end = now.plus(Duration.ofHours(1));
      ApiKey rotated = anOrgKey().rotate(second, Duration.ofHours(1), now);

      assertThat(rotated.previousSecretExpiresOn(now)).contains(end);
      assertThat(rotated.previousSecretExpiresOn(end.minusNanos(1))).contains(end);
      assertThat(rotated.previousSecretExpiresOn(end)).isEmpty();
    }

    @Test
    void givenZeroGraceOrNoRotation_previousSecretExpiresOn_isEmpty() {
      assertThat(anOrgKey().previousSecretExpiresOn(now)).isEmpty();
      assertThat(anOrgKey().rotate(second, Duration.ZERO, now).previousSecretExpiresOn(now))
          .isEmpty();
    }

    @Test
    void givenGraceOutlastingTheKey_previousSecretExpiresOn_endsWithTheKey() {
      Instant keyEnd = now.plus(Duration.ofHours(2));
      ApiKey rotated =
          anOrgKeyExpiring(Optional.of(keyEnd)).rotate(second, Duration.ofDays(1), now);

      assertThat(rotated.previousSecretExpiresOn(now)).contains(keyEnd);
    }

    @Test
    void givenRevokedKey_previousSecretExpiresOn_isEmpty() {
      ApiKey revoked = anOrgKey().rotate(second, Duration.ofHours(1), now).revoke(now);

      assertThat(revoked.previousSecretExpiresOn(now)).isEmpty();
    }

    @Test
    void givenGrace_rotate_oldSecretWorksUntilTheDeadlineAndNotAtIt() {
      Instant deadline = now.plus(Duration.ofMinutes(30));

      KeySecret old = anOrgKey().rotate(second, Duration.ofMinutes(30), now).secrets().get(0);

      assertThat(old.isExpiredAt(deadline.minusNanos(1))).isFalse();
      assertThat(old.isExpiredAt(deadline)).isTrue();
    }

    @Test
    void givenSevenDaysGrace_rotate_isAllowed() {
      ApiKey rotated = anOrgKey().rotate(second, Duration.ofDays(7), now);

      assertThat(rotated.secrets().get(0).expiresOn()).contains(now.plus(Duration.ofDays(7)));
    }

    @Test
    void givenSevenDaysAndOneSecondGrace_rotate_isRefused() {
      ApiKey key = anOrgKey();

      assertThatThrownBy(() -> key.rotate(second, Duration.ofDays(7).plusSeconds(1), now))
          .isInstanceOf(ValidationException.class)
          .hasMessage("rotation grace must be 0-604800 seconds (7 days), was 604801");
    }

    @Test
    void givenSevenDaysAndOneNanosecondGrace_rotate_isRefused() {
      ApiKey key = anOrgKey();

      assertThatThrownBy(() -> key.rotate(second, Duration.ofDays(7).plusNanos(1), now))
          .isInstanceOf(ValidationException.class)
          .hasMessage("rotation grace must be 0-604800 seconds (7 days), was PT168H0.000000001S");
    }

    @Test
    void givenNegativeGrace_rotate_isRefused() {
      ApiKey key = anOrgKey();

      assertThatThrownBy(() -> key.rotate(second, Duration.ofSeconds(-1), now))
          .isInstanceOf(ValidationException.class)
          .hasMessage("rotation grace must be 0-604800 seconds (7 days), was -1");
    }

    @Test
    void givenMissingGrace_rotate_isRefused() {
      ApiKey key = anOrgKey();

      assertThatThrownBy(() -> key.rotate(second, null, now))
          .isInstanceOf(ValidationException.class)
          .hasMessage("rotation grace is required");
    }

    @Test
    void givenMissingSecret_rotate_isRefused() {
      ApiKey key = anOrgKey();

      assertThatThrownBy(() -> key.rotate(null, Duration.ZERO, now))
          .isInstanceOf(ValidationException.class)
          .hasMessage("new secret is required");
    }

    @Test
    void givenRotationInGrace_rotateAgain_keepsTheEarliestDeadline() {
      KeySecret third = secret("CCCCCCCCCCC3", now.plus(Duration.ofMinutes(10)));
      ApiKey once = anOrgKey().rotate(second, Duration.ofHours(1), now);

      ApiKey twice = once.rotate(third, Duration.ofHours(1), now.plus(Duration.ofMinutes(10)));

      assertThat(twice.secrets())
          .extracting(s -> s.lookup().value())
          .containsExactly("AAAAAAAAAAA1", "BBBBBBBBBBB2", "CCCCCCCCCCC3");
      assertThat(twice.secrets().get(0).expiresOn()).contains(now.plus(Duration.ofHours(1)));
      assertThat(twice.secrets().get(1).expiresOn()).contains(now.plus(Duration.ofMinutes(70)));
      assertThat(twice.secrets().get(2).expiresOn()).isEmpty();
    }

    @Test
    void givenRotationInGrace_rotateAgainWithZeroGrace_dropsEveryOlderSecret() {
      KeySecret third = secret("CCCCCCCCCCC3", now.plus(Duration.ofMinutes(10)));
      ApiKey once = anOrgKey().rotate(second, Duration.ofHours(1), now);

      ApiKey twice = once.rotate(third, Duration.ZERO, now.plus(Duration.ofMinutes(10)));

      assertThat(twice.secrets()).containsExactly(third);
    }

    @Test
    void givenGraceOver_rotateAgain_dropsTheSecretThatHasExpired() {
      Instant later = now.plus(Duration.ofHours(2));
      KeySecret third = secret("CCCCCCCCCCC3", later);
      ApiKey once = anOrgKey().rotate(second, Duration.ofHours(1), now);

      ApiKey twice = once.rotate(third, Duration.ofHours(1), later);

      assertThat(twice.secrets())
          .extracting(s -> s.lookup().value())
          .containsExactly("BBBBBBBBBBB2", "CCCCCCCCCCC3");
      assertThat(twice.secrets().get(0).expiresOn()).contains(later.plus(Duration.ofHours(1)));
    }

    @Test
    void givenRotation_rotate_keepsIdentityStatusAndVersion() {
      ApiKey key = anOrgKey();

      ApiKey rotated = key.rotate(second, Duration.ofHours(1), now);

      assertThat(rotated).usingRecursiveComparison().ignoringFields("secrets").isEqualTo(key);
      assertThat(key.secrets()).containsExactly(firstSecret());
    }

    @Test
    void givenInactiveKey_rotate_isAllowedAndStaysInactive() {
      ApiKey rotated = anOrgKey().disable().rotate(second, Duration.ZERO, now);

      assertThat(rotated.status()).isEqualTo(ApiKeyStatus.INACTIVE);
      assertThat(rotated.secrets()).containsExactly(second);
    }

    @Test
    void givenRevokedKey_rotate_isRefused() {
      ApiKey revoked = anOrgKey().revoke(T0.plusSeconds(1));

      assertThatThrownBy(() -> revoked.rotate(second, Duration.ZERO, now))
          .isInstanceOf(IllegalKeyTransitionException.class)
          .hasMessage("api key " + ID + " is revoked and cannot be rotated");
    }

    @Test
    void givenKeyExpiringNow_rotate_isRefused() {
      ApiKey key = anOrgKeyExpiring(Optional.of(now));

      assertThatThrownBy(() -> key.rotate(second, Duration.ZERO, now))
          .isInstanceOf(IllegalKeyTransitionException.class)
          .hasMessage("api key " + ID + " is expired and cannot be rotated");
    }

    @Test
    void givenKeyExpiringJustAfterNow_rotate_isAllowedAndKeepsTheKeyExpiry() {
      ApiKey key = anOrgKeyExpiring(Optional.of(now.plusNanos(1)));

      ApiKey rotated = key.rotate(second, Duration.ZERO, now);

      assertThat(rotated.secrets()).containsExactly(second);
      assertThat(rotated.expiresOn()).contains(now.plusNanos(1));
    }
  }

  @Nested
  class CheckRotatable {

    private final Instant now = T0.plusSeconds(3600);

    @Test
    void givenActiveKeyAndLegalGrace_checkRotatable_passes() {
      ApiKey key = anOrgKey();

      assertThatCode(() -> key.checkRotatable(Duration.ofDays(7), now)).doesNotThrowAnyException();
      assertThatCode(() -> key.checkRotatable(Duration.ZERO, now)).doesNotThrowAnyException();
    }

    @Test
    void givenInactiveKey_checkRotatable_passes() {
      ApiKey key = anOrgKey().disable();

      assertThatCode(() -> key.checkRotatable(Duration.ofHours(1), now)).doesNotThrowAnyException();
    }

    @Test
    void givenTooLongGrace_checkRotatable_isRefused() {
      ApiKey key = anOrgKey();

      assertThatThrownBy(() -> key.checkRotatable(Duration.ofDays(8), now))
          .isInstanceOf(ValidationException.class)
          .hasMessage("rotation grace must be 0-604800 seconds (7 days), was 691200");
    }

    @Test
    void givenRevokedKey_checkRotatable_isRefused() {
      ApiKey key = anOrgKey().revoke(T0);

      assertThatThrownBy(() -> key.checkRotatable(Duration.ZERO, now))
          .isInstanceOf(IllegalKeyTransitionException.class)
          .hasMessage("api key " + ID + " is revoked and cannot be rotated");
    }

    @Test
    void givenExpiredKey_checkRotatable_isRefused() {
      ApiKey key = anOrgKeyExpiring(Optional.of(T0.plusSeconds(10)));

      assertThatThrownBy(() -> key.checkRotatable(Duration.ZERO, T0.plusSeconds(11)))
          .isInstanceOf(IllegalKeyTransitionException.class)
          .hasMessage("api key " + ID + " is expired and cannot be rotated");
    }
  }

  @Nested
  class Expiry {

    private final Instant expiry = T0.plus(Duration.ofDays(30));

    @Test
    void givenNoExpiry_isExpiredAt_isFalseEvenAtTheEndOfTime() {
      assertThat(anOrgKey().isExpiredAt(Instant.MAX)).isFalse();
    }

    @Test
    void givenExpiry_isExpiredAt_isFalseJustBeforeIt() {
      assertThat(anOrgKeyExpiring(Optional.of(expiry)).isExpiredAt(expiry.minusNanos(1))).isFalse();
    }

    @Test
    void givenExpiry_isExpiredAt_isTrueExactlyAtIt() {
      assertThat(anOrgKeyExpiring(Optional.of(expiry)).isExpiredAt(expiry)).isTrue();
    }

    @Test
    void givenExpiry_isExpiredAt_isTrueAfterIt() {
      assertThat(anOrgKeyExpiring(Optional.of(expiry)).isExpiredAt(expiry.plusSeconds(1))).isTrue();
    }

    @Test
    void givenExpiredKey_status_staysActive() {
      ApiKey key = anOrgKeyExpiring(Optional.of(expiry));

      assertThat(key.isExpiredAt(expiry.plusSeconds(1))).isTrue();
      assertThat(key.status()).isEqualTo(ApiKeyStatus.ACTIVE);
    }

    @Test
    void givenActiveKey_isActiveAt_isTrueUntilItExpires() {
      ApiKey key = anOrgKeyExpiring(Optional.of(expiry));

      assertThat(key.isActiveAt(expiry.minusNanos(1))).isTrue();
      assertThat(key.isActiveAt(expiry)).isFalse();
    }

    @Test
    void givenDisabledOrRevokedKey_isActiveAt_isFalse() {
      assertThat(anOrgKey().disable().isActiveAt(T0)).isFalse();
      assertThat(anOrgKey().revoke(T0).isActiveAt(T0)).isFalse();
    }
  }

  @Nested
  class Verdicts {

    private final Instant expiry = T0.plus(Duration.ofDays(30));
    private final ApiKey key = anOrgKeyExpiring(Optional.of(expiry));

    @Test
    void givenActiveKeyHoldingTheScopes_verdict_opens_forItsApiOrAny() {
      assertThat(key.verdict(T0, Optional.empty(), Set.of("read:users")))
          .isEqualTo(ApiKey.Verdict.OPENS);
      assertThat(key.verdict(T0, Optional.of(API_ID), Set.of("read:users", "write:users")))
          .isEqualTo(ApiKey.Verdict.OPENS);
    }

    @Test
    void givenEachReason_verdict_namesTheFirstThatFails_statusBeforeExpiryBeforeApiBeforeScopes() {
      Instant late = expiry.plusSeconds(1);
      Set<String> missing = Set.of("delete:users");
      Optional<ApiId> other = Optional.of(new ApiId("api_0195485a3c00bbbbbbbbbbbbbbbbbbbb"));

      assertThat(key.disable().verdict(late, other, missing)).isEqualTo(ApiKey.Verdict.INACTIVE);
      assertThat(key.revoke(T0).verdict(late, other, missing)).isEqualTo(ApiKey.Verdict.REVOKED);
      assertThat(key.verdict(late, other, missing)).isEqualTo(ApiKey.Verdict.EXPIRED);
      assertThat(key.verdict(T0, other, missing)).isEqualTo(ApiKey.Verdict.OTHER_API);
      assertThat(key.verdict(T0, Optional.of(API_ID), missing))
          .isEqualTo(ApiKey.Verdict.MISSING_SCOPE);
    }
  }

  @Nested
  class Rename {

    @Test
    void givenLiveKey_rename_changesOnlyTheName() {
      ApiKey renamed = anOrgKey().rename("  CI  ");

      assertThat(renamed.name()).isEqualTo("CI");
      assertThat(renamed.scopes()).isEqualTo(anOrgKey().scopes());
    }

    @Test
    void givenRevokedKey_rename_isRefused_aRevokedKeyNeverChanges() {
      ApiKey revoked = anOrgKey().revoke(T0);

      assertThatThrownBy(() -> revoked.rename("CI"))
          .isInstanceOf(IllegalKeyTransitionException.class)
          .hasMessage("api key " + ID + " is revoked and cannot change");
    }
  }

  @Nested
  class WithScopes {

    @Test
    void givenScopesOfItsApi_withScopes_holdsExactlyThem() {
      ApiKey key = anOrgKey().withScopes(Set.of(WRITE_USERS));

      assertThat(key.scopes()).containsExactly(WRITE_USERS);
      assertThat(key.version()).isEqualTo(anOrgKey().version());
    }

    @Test
    void givenScopeOfAnotherApi_withScopes_isRefused() {
      assertThatThrownBy(() -> anOrgKey().withScopes(Set.of(FOREIGN_SCOPE)))
          .isInstanceOf(ValidationException.class)
          .hasMessageStartingWith("scope read:orders belongs to api");
    }

    @Test
    void givenRevokedKey_withScopes_isRefused() {
      ApiKey revoked = anOrgKey().revoke(T0);

      assertThatThrownBy(() -> revoked.withScopes(Set.of(READ_USERS)))
          .isInstanceOf(IllegalKeyTransitionException.class)
          .hasMessage("api key " + ID + " is revoked and cannot change");
    }
  }

  @Nested
  class ExpireAt {

    private final Instant expiry = T0.plus(Duration.ofDays(30));

    @Test
    void givenLiveKey_expireAt_setsTheNewExpiry_laterOrEarlier() {
      ApiKey key = anOrgKeyExpiring(Optional.of(expiry));

      assertThat(key.expireAt(expiry.plus(Duration.ofDays(1)), T0).expiresOn())
          .contains(expiry.plus(Duration.ofDays(1)));
      assertThat(key.expireAt(T0.plusSeconds(1), T0).expiresOn()).contains(T0.plusSeconds(1));
    }

    @Test
    void givenExpiryNotInTheFuture_expireAt_isRefused() {
      assertThatThrownBy(() -> anOrgKey().expireAt(T0, T0))
          .isInstanceOf(ValidationException.class)
          .hasMessage("api key expiry must be in the future");
    }

    @Test
    void givenExpiredKey_expireAt_isRefused_anExpiredKeyStaysExpired() {
      ApiKey expired = anOrgKeyExpiring(Optional.of(expiry));

      assertThatThrownBy(() -> expired.expireAt(expiry.plus(Duration.ofDays(365)), expiry))
          .isInstanceOf(IllegalKeyTransitionException.class)
          .isInstanceOf(ConflictException.class)
          .hasMessage("api key " + ID + " has expired and its expiry cannot change");
    }

    @Test
    void givenRevokedKey_expireAt_isRefused() {
      ApiKey revoked = anOrgKey().revoke(T0);

      assertThatThrownBy(() -> revoked.expireAt(expiry, T0))
          .isInstanceOf(IllegalKeyTransitionException.class)
          .hasMessage("api key " + ID + " is revoked and cannot change");
    }
  }

  @Test
  void givenRotatedKey_secretByLookup_findsEachSecretAndNoOther() {
    KeySecret second = secret("BBBBBBBBBBB2", T0.plusSeconds(1));
    ApiKey rotated = anOrgKey().rotate(second, Duration.ofHours(1), T0.plusSeconds(1));

    assertThat(rotated.secret(second.lookup())).contains(second);
    assertThat(rotated.secret(firstSecret().lookup()))
        .hasValueSatisfying(s -> assertThat(s.expiresOn()).isPresent());
    assertThat(rotated.secret(new SecretLookup("ZZZZZZZZZZZZ"))).isEmpty();
  }

  @Test
  void givenSeveralSecrets_currentSecret_isTheNewest() {
    KeySecret second = secret("BBBBBBBBBBB2", T0);
    KeySecret third = secret("CCCCCCCCCCC3", T0);
    ApiKey key = TestKeys.aKey().secrets(List.of(firstSecret(), second, third)).build();

    assertThat(key.currentSecret()).isEqualTo(third);
  }
}
