package dev.keygate.application.port.in;

import java.util.Objects;

/** What a token request gets: a token, or an OAuth 2.0 error (RFC 6749, section 5.2). */
public sealed interface TokenAnswer permits TokenAnswer.Issued, TokenAnswer.Refused {

  /**
   * A signed access token.
   *
   * @param accessToken prints as {@code ***}
   * @param scope the scopes it holds, space-separated
   */
  record Issued(Secret accessToken, long expiresInSeconds, String scope) implements TokenAnswer {
    public Issued {
      Objects.requireNonNull(accessToken, "access token");
      Objects.requireNonNull(scope, "scope");
    }
  }

  /** A refusal in OAuth's words. */
  record Refused(TokenError error, String description) implements TokenAnswer {
    public Refused {
      Objects.requireNonNull(error, "error");
      Objects.requireNonNull(description, "description");
    }
  }
}
