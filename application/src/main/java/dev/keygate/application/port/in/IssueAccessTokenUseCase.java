package dev.keygate.application.port.in;

/**
 * The OAuth 2.0 client-credentials grant: an application's id and secret for a signed access token
 * to one API, with the scopes granted to it there.
 */
public interface IssueAccessTokenUseCase {

  TokenAnswer issue(IssueAccessTokenCommand command);
}
