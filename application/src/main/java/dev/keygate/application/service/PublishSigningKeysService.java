package dev.keygate.application.service;

import dev.keygate.application.port.in.PublishSigningKeysUseCase;
import dev.keygate.application.port.out.AccessTokens;
import java.util.Map;

/** Publishes the public halves of the signing keys whose tokens may still be alive. */
public final class PublishSigningKeysService implements PublishSigningKeysUseCase {

  private final SigningKeys signingKeys;
  private final AccessTokens tokens;

  PublishSigningKeysService(SigningKeys signingKeys, AccessTokens tokens) {
    this.signingKeys = signingKeys;
    this.tokens = tokens;
  }

  @Override
  public Map<String, Object> publish() {
    return tokens.publish(signingKeys.published());
  }
}
