package dev.keygate.domain;

/** A value is malformed or out of range; the message names the value and the rule. */
public final class ValidationException extends KeygateException {

  private static final long serialVersionUID = 1L;

  public ValidationException(String message) {
    super(message);
  }

  @Override
  public Kind kind() {
    return Kind.INVALID;
  }
}
