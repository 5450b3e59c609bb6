package dev.keygate.adapter.rest;

/** A request body over the limit of its route (413), the limit said. */
final class BodyTooLargeException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  BodyTooLargeException(int limit) {
    super("request body must be at most " + limit + " bytes");
  }
}
