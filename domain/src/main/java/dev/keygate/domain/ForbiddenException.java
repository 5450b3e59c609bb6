package dev.keygate.domain;

/** The caller is known but lacks the scope or the authority the request needs. */
public final class ForbiddenException extends KeygateException {

  private static final long serialVersionUID = 1L;

  public ForbiddenException(String message) {
    super(message);
  }

  @Override
  public Kind kind() {
    return Kind.FORBIDDEN;
  }
}
