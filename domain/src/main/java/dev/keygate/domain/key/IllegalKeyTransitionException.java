package dev.keygate.domain.key;

import dev.keygate.domain.ConflictException;

/** A state change the key's current state does not allow, such as enabling a revoked key. */
public final class IllegalKeyTransitionException extends ConflictException {

  private static final long serialVersionUID = 1L;

  public IllegalKeyTransitionException(String message) {
    super(message);
  }
}
