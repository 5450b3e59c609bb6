package dev.keygate.adapter.rest;

import java.util.List;

/**
 * An error answer as Kinde's published specification shapes it for the status: {@code
 * {"errors":[{"code","message"}]}} (Kinde's {@code error_response}), except a 404, which is {@code
 * {"errors":{"code","message"}}} (Kinde's {@code not_found_response}).
 */
record ErrorResponse(List<Error> errors) {

  static ErrorResponse of(String code, String message) {
    return new ErrorResponse(List.of(new Error(code, message)));
  }

  /** The body of an error answer with this status. */
  static Object body(int status, String code, String message) {
    Error error = new Error(code, message);
    return status == 404 ? new NotFoundResponse(error) : new ErrorResponse(List.of(error));
  }

  /** The record type of an error answer with this status, as the OpenAPI document describes it. */
  static Class<?> typeFor(int status) {
    return status == 404 ? NotFoundResponse.class : ErrorResponse.class;
  }

  /** One error. */
  record Error(String code, String message) {}

  /** A 404: {@code {"errors":{"code","message"}}}, one error as an object, as Kinde answers it. */
  record NotFoundResponse(Error errors) {}
}
