package dev.keygate.adapter.rest;

/** A management call without a valid management key (401). */
final class UnauthorizedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  UnauthorizedException(String message) {
    super(message);
  }
}
