package dev.keygate.wire;

/** {@code {code, message}}, as Kinde answers calls that return nothing else. */
public record SuccessResponse(String code, String message) {

  public static final SuccessResponse OK = new SuccessResponse("OK", "Success");
}
