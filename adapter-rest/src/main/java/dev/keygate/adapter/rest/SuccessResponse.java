package dev.keygate.adapter.rest;

/** {@code {code, message}}, as Kinde answers calls that return nothing else. */
record SuccessResponse(String code, String message) {

  static final SuccessResponse OK = new SuccessResponse("OK", "Success");
}
