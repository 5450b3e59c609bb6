package dev.keygate.adapter.remote;

/**
 * A remote call that went wrong other than by a business refusal: the server could not be reached,
 * refused the credentials, or answered what a Keygate server never should. The message says which
 * on one line, names the server, and never carries a credential.
 */
public final class RemoteException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** What went wrong, for the caller to choose how to tell it. */
  public enum Kind {
    /** No connection, a timeout, or something that is not a Keygate server answered. */
    UNREACHABLE,
    /** The server answered 401: the credentials are missing, wrong, expired or revoked. */
    CREDENTIALS_REFUSED,
    /** The operation has no route on the server: it runs only on the local database. */
    LOCAL_ONLY,
    /** The server answered with a failure it never should, such as a 500. */
    SERVER_FAILED
  }

  private final Kind kind;

  RemoteException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  RemoteException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
