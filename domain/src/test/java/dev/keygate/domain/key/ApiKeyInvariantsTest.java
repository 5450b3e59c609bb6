package dev.keygate.domain.key;

import static dev.keygate.domain.key.TestKeys.FOREIGN_SCOPE;
import static dev.keygate.domain.key.TestKeys.READ_USERS;
import static dev.keygate.domain.key.TestKeys.T0;
import static dev.keygate.domain.key.TestKeys.WRITE_USERS;
import static dev.keygate.domain.key.TestKeys.aKey;
import static dev.keygate.domain.key.TestKeys.anOrgKey;
import static dev.keygate.domain.key.TestKeys.firstSecret;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keygate.domain.ValidationException;
import dev.keygate.domain.api.Scope;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ApiKeyInvariantsTest {

  @Nested
  class Name {

    @Test
    void givenNameWithSurroundingSpaces_newKey_storesItTrimmed() {
      assertThat(aKey().name(" \t Billing sync \n").build().name()).isEqualTo("Billing sync");
    }

    @Test
    void givenEmptyName_newKey_isRefused() {
      assertThatThrownBy(() -> aKey().name("").build())
          .isInstanceOf(ValidationException.class)
          .hasMessage("api key name must be 1-128 characters, was 0");
    }

    @Test
    void givenBlankName_newKey_isRefusedAsEmpty() {
      assertThatThrownBy(() -> aKey().name(" \t ").build())
          .isInstanceOf(ValidationException.class)
          .hasMessage("api key name must be 1-128 characters, was 0");
    }

    @Test
    void givenMissingName_newKey_isRefused() {
      assertThatThrownBy(() -> aKey().name(null).build())
          .isInstanceOf(ValidationException.class)
          .hasMessage("api key name is required");
    }

    @Test
    void givenNameOf128Characters_newKey_isAccepted() {
      String name = "n".repeat(128);

      assertThat(aKey().name(name).build().name()).isEqualTo(name);
    }

    @Test
    void givenNameOf128CharactersPlusSurroundingSpaces_newKey_isAccepted() {
      String name = "n".repeat(128);

      assertThat(aKey().name("  " + name + "  ").build().name()).isEqualTo(name);
    }

    @Test
    void givenNameOf129Characters_newKey_isRefused() {
      assertThatThrownBy(() -> aKey().name("n".repeat(129)).build())
          .isInstanceOf(ValidationException.class)
          .hasMessage("api key name must be 1-128 characters, was 129");
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "a\u0000b",
          "line\nbreak",
          "tab\tinside",
          "bell\u0007",
          "del\u007f",
          "c1\u0085x"
        })
    void givenNameWithControlCharacter_newKey_isRefused(String name) {
      assertThatThrownBy(() -> aKey().name(name).build())
          .isInstanceOf(ValidationException.class)
          .hasMessage("api key name must not contain control characters");
    }

    @Test
    void givenNameWithUnicodeLetters_newKey_isAccepted() {
      assertThat(aKey().name("Intégration Zürich").build().name()).isEqualTo("Intégration Zürich");
    }
  }

  @Nested
  class Maker {

    @Test
    void givenMakerKey_newKey_remembersIt() {
      ApiKeyId maker = new ApiKeyId("api_key_0195485a3c00ffffffffffffffffffff");

      assertThat(aKey().madeBy(Optional.of(maker)).build().madeBy()).contains(maker);
    }

    @Test
    void givenItselfAsMaker_newKey_isRefused() {
      assertThatThrownBy(() -> aKey().madeBy(Optional.of(TestKeys.KEY_ID)).build())
          .isInstanceOf(ValidationException.class)
          .hasMessage("an api key cannot be its own maker");
    }

    @Test
    void givenMissingMaker_newKey_isRefused() {
      assertThatThrownBy(() -> aKey().madeBy(null).build())
          .isInstanceOf(ValidationException.class)
          .hasMessage("api key maker is required");
    }
  }

  @Nested
  class Required {

    @Test
    void givenMissingId_newKey_isRefused() {
      assertThatThrownBy(() -> aKey().id(null).build())
          .isInstanceOf(ValidationException.class)
          .hasMessage("api key id is required");
    }

    @Test
    void givenMissingOwner_newKey_isRefused() {
      assertThatThrownBy(() -> aKey().owner(null).build())
          .isInstanceOf(ValidationException.class)
          .hasMessage("api key owner is required");
    }

    @Test
    void givenMissingApiId_newKey_isRefused() {
      assertThatThrownBy(() -> aKey().apiId(null).build())
          .isInstanceOf(ValidationException.class)
          .hasMessage("api id is required");
    }

    @Test
    void givenMissingScopes_newKey_isRefused() {
      assertThatThrownBy(() -> aKey().scopes(null).build())
          .isInstanceOf(ValidationException.class)
          .hasMessage("api key scopes is required");
    }

    @Test
    void givenMissingStatus_newKey_isRefused() {
      assertThatThrownBy(() -> aKey().status(null).build())
          .isInstanceOf(ValidationException.class)
          .hasMessage("api key status is required");
    }

    @Test
    void givenMissingCreationTime_newKey_isRefused() {
      assertThatThrownBy(() -> aKey().createdOn(null).build())
          .isInstanceOf(ValidationException.class)
          .hasMessage("api key creation time is required");
    }

    @Test
    void givenBlankCreator_newKey_isRefused() {
      assertThatThrownBy(() -> aKey().createdBy("  ").build())
          .isInstanceOf(ValidationException.class)
          .hasMessage("api key creator must be 1-128 characters, was 0");
    }

    @Test
    void givenMissingCreator_newKey_isRefused() {
      assertThatThrownBy(() -> aKey().createdBy(null).build())
          .isInstanceOf(ValidationException.class)
          .hasMessage("api key creator is required");
    }

    @Test
    void givenCreatorWithSpaces_newKey_storesItTrimmed() {
      assertThat(aKey().createdBy(" cli:alice ").build().createdBy()).isEqualTo("cli:alice");
    }

    @Test
    void givenMissingExpiryOptional_newKey_isRefused() {
      assertThatThrownBy(() -> aKey().expiresOn(null).build())
          .isInstanceOf(ValidationException.class)
          .hasMessage("api key expiry is required");
    }

    @Test
    void givenMissingSecrets_newKey_isRefused() {
      assertThatThrownBy(() -> aKey().secrets(null).build())
          .isInstanceOf(ValidationException.class)
          .hasMessage("api key secrets is required");
    }

    @Test
    void givenMissingUsage_newKey_isRefused() {
      assertThatThrownBy(() -> aKey().usage(null).build())
          .isInstanceOf(ValidationException.class)
          .hasMessage("api key usage is required");
    }

    @Test
    void givenMissingRevocationOptional_newKey_isRefused() {
      assertThatThrownBy(() -> aKey().revokedOn(null).build())
          .isInstanceOf(ValidationException.class)
          .hasMessage("api key revocation time is required");
    }
  }

  @Nested
  class Consistency {

    @Test
    void givenScopeOfAnotherApi_newKey_isRefusedNamingTheScopeAndBothApis() {
      assertThatThrownBy(() -> aKey().scopes(Set.of(FOREIGN_SCOPE)).build())
          .isInstanceOf(ValidationException.class)
          .hasMessage(
              "scope read:orders belongs to api api_0195485a3c00bbbbbbbbbbbbbbbbbbbb,"
                  + " not to api_0195485a3c00aaaaaaaaaaaaaaaaaaaa");
    }

    @Test
    void givenNoScopes_newKey_isAccepted() {
      assertThat(aKey().scopes(Set.of()).build().scopes()).isEmpty();
    }

    @Test
    void givenNoSecrets_newKey_isRefused() {
      assertThatThrownBy(() -> aKey().secrets(List.of()).build())
          .isInstanceOf(ValidationException.class)
          .hasMessage("an api key needs at least one secret");
    }

    @Test
    void givenRevokedStatusWithoutRevocationTime_newKey_isRefused() {
      assertThatThrownBy(() -> aKey().status(ApiKeyStatus.REVOKED).build())
          .isInstanceOf(ValidationException.class)
          .hasMessage("a revocation time is recorded exactly for revoked api keys");
    }

    @Test
    void givenActiveStatusWithRevocationTime_newKey_isRefused() {
      assertThatThrownBy(() -> aKey().revokedOn(Optional.of(T0)).build())
          .isInstanceOf(ValidationException.class)
          .hasMessage("a revocation time is recorded exactly for revoked api keys");
    }

    @Test
    void givenInactiveStatusWithRevocationTime_newKey_isRefused() {
      assertThatThrownBy(
              () -> aKey().status(ApiKeyStatus.INACTIVE).revokedOn(Optional.of(T0)).build())
          .isInstanceOf(ValidationException.class)
          .hasMessage("a revocation time is recorded exactly for revoked api keys");
    }

    @Test
    void givenRevokedStatusWithRevocationTime_newKey_isAccepted() {
      ApiKey key =
          aKey().status(ApiKeyStatus.REVOKED).revokedOn(Optional.of(T0)).version(7).build();

      assertThat(key.revokedOn()).contains(T0);
      assertThat(key.version()).isEqualTo(7);
    }

    @Test
    void givenMutableCollections_newKey_keepsItsOwnCopies() {
      Set<Scope> scopes = new HashSet<>(Set.of(READ_USERS));
      List<KeySecret> secrets = new ArrayList<>(List.of(firstSecret()));
      ApiKey key = aKey().scopes(scopes).secrets(secrets).build();

      scopes.add(WRITE_USERS);
      secrets.clear();

      assertThat(key.scopes()).containsExactly(READ_USERS);
      assertThat(key.secrets()).containsExactly(firstSecret());
    }

    @Test
    void givenKey_itsCollections_cannotBeChanged() {
      ApiKey key = anOrgKey();

      assertThatThrownBy(() -> key.scopes().clear())
          .isInstanceOf(UnsupportedOperationException.class);
      assertThatThrownBy(() -> key.secrets().clear())
          .isInstanceOf(UnsupportedOperationException.class);
    }
  }

  @Test
  void givenKeyWithScopes_scopeKeys_namesEachScope() {
    assertThat(anOrgKey().scopeKeys()).containsExactlyInAnyOrder("read:users", "write:users");
  }

  @Nested
  class CheckDraft {

    @Test
    void givenGoodNameAndNoExpiry_checkDraft_passes() {
      assertThatCode(() -> ApiKey.checkDraft("Good name", Optional.empty(), T0))
          .doesNotThrowAnyException();
    }

    @Test
    void givenFutureExpiry_checkDraft_passes() {
      assertThatCode(() -> ApiKey.checkDraft("Good name", Optional.of(T0.plusMillis(1)), T0))
          .doesNotThrowAnyException();
    }

    @Test
    void givenTooLongName_checkDraft_isRefused() {
      assertThatThrownBy(() -> ApiKey.checkDraft("x".repeat(200), Optional.empty(), T0))
          .isInstanceOf(ValidationException.class)
          .hasMessage("api key name must be 1-128 characters, was 200");
    }

    @Test
    void givenNameWithControlCharacter_checkDraft_isRefused() {
      assertThatThrownBy(() -> ApiKey.checkDraft("a\u001bb", Optional.empty(), T0))
          .isInstanceOf(ValidationException.class)
          .hasMessage("api key name must not contain control characters");
    }

    @Test
    void givenExpiryNow_checkDraft_isRefused() {
      assertThatThrownBy(() -> ApiKey.checkDraft("Good name", Optional.of(T0), T0))
          .isInstanceOf(ValidationException.class)
          .hasMessage("api key expiry must be in the future");
    }

    @Test
    void givenExpiryInThePast_checkDraft_isRefused() {
      Instant past = T0.minusMillis(1);

      assertThatThrownBy(() -> ApiKey.checkDraft("Good name", Optional.of(past), T0))
          .isInstanceOf(ValidationException.class)
          .hasMessage("api key expiry must be in the future");
    }

    @Test
    void givenMissingExpiryOptional_checkDraft_isRefused() {
      assertThatThrownBy(() -> ApiKey.checkDraft("Good name", null, T0))
          .isInstanceOf(ValidationException.class)
          .hasMessage("api key expiry is required");
    }
  }

  @Test
  void holdsScopes_isTrueExactlyWhenEveryAskedScopeIsGranted() {
    ApiKey key = anOrgKey();
    Set<String> granted = key.scopeKeys();

    assertThat(key.holdsScopes(Set.of())).isTrue();
    assertThat(key.holdsScopes(granted)).isTrue();
    for (String one : granted) {
      assertThat(key.holdsScopes(Set.of(one))).isTrue();
      assertThat(key.holdsScopes(Set.of(one, "delete:everything"))).isFalse();
    }
    assertThat(key.holdsScopes(Set.of("delete:everything"))).isFalse();
  }

  @Test
  void rehash_replacesOnlyThatSecretsHash_andRefusesAnUnknownLookup() {
    ApiKey key = anOrgKey();
    KeySecret secret = key.currentSecret();

    ApiKey rehashed = key.rehash(secret.lookup(), "$argon2id$new");

    assertThat(rehashed.currentSecret().hash()).isEqualTo("$argon2id$new");
    assertThat(rehashed.currentSecret().lookup()).isEqualTo(secret.lookup());
    assertThat(rehashed.currentSecret().createdOn()).isEqualTo(secret.createdOn());
    assertThat(rehashed.version()).isEqualTo(key.version());
    assertThat(rehashed.status()).isEqualTo(key.status());
    assertThatThrownBy(
            () ->
                key.rehash(
                    new dev.keygate.domain.token.SecretLookup("ZZZZZZZZZZZZ"), "$argon2id$new"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
