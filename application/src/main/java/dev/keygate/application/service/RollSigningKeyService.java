package dev.keygate.application.service;

import static dev.keygate.domain.audit.AuditAction.SIGNING_KEY_ROLL;

import dev.keygate.application.port.in.Principal;
import dev.keygate.application.port.in.RollSigningKeyUseCase;

/** Rolls the signing key: the operator's alone. */
public final class RollSigningKeyService implements RollSigningKeyUseCase {

  private final SigningKeys signingKeys;
  private final Authorization authorization;

  RollSigningKeyService(SigningKeys signingKeys, Authorization authorization) {
    this.signingKeys = signingKeys;
    this.authorization = authorization;
  }

  @Override
  public String roll(Principal principal) {
    authorization.requireOperator(principal, SIGNING_KEY_ROLL, "signing_keys");
    return signingKeys.roll(principal).kid();
  }
}
