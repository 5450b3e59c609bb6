package dev.keygate.adapter.rest;

/**
 * {@code POST /oauth2/token}, a form (RFC 6749, section 4.4): the client-credentials grant.
 *
 * @param grantType {@code client_credentials}
 * @param clientId with {@code client_secret}, client_secret_post; else HTTP Basic
 * @param audience the API the token is for: the public base URL with {@code /api} (or {@code
 *     keygate-management}) for the management API
 * @param scope the scopes asked for, space-separated; all that are granted when left out
 */
record TokenRequest(
    @Required String grantType,
    String clientId,
    String clientSecret,
    @Required String audience,
    String scope) {

  /** Never the secret. */
  @Override
  public String toString() {
    return "TokenRequest[" + clientId + ", " + audience + "]";
  }
}
