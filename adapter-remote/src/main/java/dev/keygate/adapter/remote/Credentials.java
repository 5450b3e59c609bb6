package dev.keygate.adapter.remote;

import java.util.Objects;

/**
 * What the remote use cases present to the server: a management key, or an M2M application's client
 * credentials, exchanged for an access token at the server's token endpoint. Neither ever prints:
 * {@code toString()} names only the kind (and the client id, which is no secret).
 */
public sealed interface Credentials {

  /** A management key, sent as the bearer token of every call. */
  record ManagementKey(String key) implements Credentials {
    public ManagementKey {
      requireText("management key", key);
    }

    @Override
    public String toString() {
      return "ManagementKey[***]";
    }
  }

  /** An M2M application's client id and secret, for the client-credentials grant. */
  record ClientCredentials(String clientId, String clientSecret) implements Credentials {
    public ClientCredentials {
      requireText("client id", clientId);
      requireText("client secret", clientSecret);
    }

    @Override
    public String toString() {
      return "ClientCredentials[clientId=" + clientId + ", clientSecret=***]";
    }
  }

  private static void requireText(String what, String value) {
    if (Objects.requireNonNull(value, what).isBlank()) {
      throw new IllegalArgumentException(what + " is empty");
    }
  }
}
