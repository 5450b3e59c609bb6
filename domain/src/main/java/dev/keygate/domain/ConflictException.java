package dev.keygate.domain;

/**
 * The request is well formed but clashes with the current state: a duplicate, a lost race, or an
 * illegal transition.
 */
public non-sealed class ConflictException extends KeygateException {

  private static final long serialVersionUID = 1L;

  public ConflictException(String message) {
    super(message);
  }

  @Override
  public final Kind kind() {
    return Kind.CONFLICT;
  }
}
