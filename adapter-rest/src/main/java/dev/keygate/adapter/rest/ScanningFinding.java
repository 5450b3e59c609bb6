package dev.keygate.adapter.rest;

/**
 * One entry of a secret scanner's report, as GitHub's secret scanning partner program posts it; the
 * body is a JSON array of them. Documentation only: the body is read as it came, since its
 * signature signs the bytes, and a field GitHub adds later is ignored rather than refused.
 *
 * @param type the scanner's name for the kind of token
 * @param url where it was found
 * @param source where the scanner looked, such as {@code content} or {@code commit}
 */
record ScanningFinding(@Required String token, @Required String type, String url, String source) {

  /** Never the token. */
  @Override
  public String toString() {
    return "ScanningFinding[" + type + "]";
  }
}
