package dev.keygate.adapter.cli;

/** {@code {code, message}}: what the REST API answers to calls that return nothing else. */
record SuccessJson(String code, String message) {

  static final SuccessJson OK = new SuccessJson("OK", "Success");
}
