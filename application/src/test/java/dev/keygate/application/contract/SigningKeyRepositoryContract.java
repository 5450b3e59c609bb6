package dev.keygate.application.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keygate.domain.application.SigningKey;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What every {@code SigningKeyRepository} must do, whatever stores the keys. */
public abstract class SigningKeyRepositoryContract extends StoreContract {

  private static SigningKey key(String kid, int secondsAfter) {
    return new SigningKey(
        kid,
        "{\"kty\":\"RSA\",\"kid\":\"" + kid + "\",\"n\":\"" + "A".repeat(400) + "\"}",
        "{\"kty\":\"RSA\",\"kid\":\"" + kid + "\",\"d\":\"" + "B".repeat(2000) + "\"}",
        NOW.plusSeconds(secondsAfter),
        Optional.empty());
  }

  @Test
  void added_areListedOldestFirst_exactlyAsStored() {
    SigningKey older = key("kg_b", 0);
    SigningKey newer = key("kg_a", 10);

    stores.signingKeys().add(older);
    stores.signingKeys().add(newer);

    assertThat(stores.signingKeys().list()).containsExactly(older, newer);
    assertThat(stores.signingKeys().list().get(0).privateJwk()).isEqualTo(older.privateJwk());
  }

  @Test
  void update_recordsTheRetirement() {
    SigningKey key = key("kg_a", 0);
    stores.signingKeys().add(key);

    stores.signingKeys().update(key.retiredAt(NOW.plusSeconds(60)));

    assertThat(stores.signingKeys().list())
        .singleElement()
        .satisfies(found -> assertThat(found.retiredOn()).contains(NOW.plusSeconds(60)));
  }

  @Test
  void toString_neverShowsThePrivateKey() {
    SigningKey key = key("kg_a", 0);

    assertThat(key.toString()).doesNotContain("BBBB").contains("kg_a");
  }
}
