package dev.keygate.application.port.out;

import dev.keygate.domain.key.ApiKeyId;
import dev.keygate.domain.token.SecretLookup;
import java.util.Objects;

/** Which key and which of its secrets a token has already been proven to match. */
public record SecretRef(ApiKeyId keyId, SecretLookup lookup) {

  public SecretRef {
    Objects.requireNonNull(keyId, "api key id");
    Objects.requireNonNull(lookup, "secret lookup");
  }
}
