package dev.keygate.adapter.rest;

import java.util.List;

/** Every error the API answers: {@code {"errors":[{"code","message"}]}}. */
record ErrorResponse(List<Error> errors) {

  static ErrorResponse of(String code, String message) {
    return new ErrorResponse(List.of(new Error(code, message)));
  }

  /** One error. */
  record Error(String code, String message) {}
}
