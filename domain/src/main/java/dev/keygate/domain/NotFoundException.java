package dev.keygate.domain;

/**
 * The object does not exist, or it is not the caller's to see: both answer alike so that nothing
 * leaks about other tenants.
 */
public final class NotFoundException extends KeygateException {

  private static final long serialVersionUID = 1L;

  public NotFoundException(String message) {
    super(message);
  }

  @Override
  public Kind kind() {
    return Kind.NOT_FOUND;
  }
}
