package dev.keygate.adapter.rest;

import dev.keygate.application.port.in.IssueAccessTokenCommand;
import dev.keygate.application.port.in.IssueAccessTokenUseCase;
import dev.keygate.application.port.in.PublishSigningKeysUseCase;
import dev.keygate.application.port.in.Secret;
import dev.keygate.application.port.in.TokenAnswer;
import dev.keygate.application.port.in.TokenError;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The OAuth 2.0 token endpoint of M2M applications (client credentials, RFC 6749 section 4.4, the
 * client authenticated by client_secret_post or client_secret_basic), the public keys that verify
 * its tokens, and the OpenID provider metadata that points at both. Every link and the tokens'
 * issuer are the configured public base URL, never a request's {@code Host}.
 */
public final class TokenRoutes implements RouteGroup {

  static final String TOKEN = "/oauth2/token";
  static final String JWKS = "/.well-known/jwks.json";
  static final String OPENID_CONFIGURATION = "/.well-known/openid-configuration";

  private static final String CLIENT_CREDENTIALS = "client_credentials";
  private static final Set<String> PARAMETERS =
      Set.of("grant_type", "client_id", "client_secret", "audience", "scope");

  private final IssueAccessTokenUseCase issue;
  private final PublishSigningKeysUseCase publish;
  private final Supplier<String> publicUrl;

  public TokenRoutes(
      IssueAccessTokenUseCase issue,
      PublishSigningKeysUseCase publish,
      Supplier<String> publicUrl) {
    this.issue = issue;
    this.publish = publish;
    this.publicUrl = publicUrl;
  }

  /** An access token, as RFC 6749 section 5.1 answers it. */
  record AccessTokenResponse(String accessToken, String tokenType, long expiresIn, String scope) {
    /** Never the token. */
    @Override
    public String toString() {
      return "AccessTokenResponse[" + expiresIn + "s, " + scope + "]";
    }
  }

  /** A refusal, as RFC 6749 section 5.2 answers it. */
  record TokenErrorResponse(String error, String errorDescription) {}

  /** What a verifier needs to know of the issuer (OpenID Connect Discovery, RFC 8414). */
  record ProviderMetadata(
      String issuer,
      String tokenEndpoint,
      String jwksUri,
      List<String> grantTypesSupported,
      List<String> tokenEndpointAuthMethodsSupported,
      List<String> idTokenSigningAlgValuesSupported,
      List<String> responseTypesSupported,
      List<String> subjectTypesSupported) {}

  @Override
  public List<Route> routes() {
    return List.of(
        Route.of(
                HandlerType.POST,
                TOKEN,
                "Trade an M2M application's client id and secret for a signed access token"
                    + " (OAuth 2.0 client credentials)")
            .formBody(TokenRequest.class)
            .fails(
                400,
                "An OAuth error: invalid_request, invalid_grant, unauthorized_client,"
                    + " unsupported_grant_type or invalid_scope.",
                TokenErrorResponse.class)
            .fails(
                401, "invalid_client: the client id or secret is wrong.", TokenErrorResponse.class)
            .fails(
                429,
                "The client id failed too often lately from this network; Retry-After says how"
                    + " many seconds to wait.")
            .answers(AccessTokenResponse.class, this::token),
        Route.of(HandlerType.GET, JWKS, "The public keys that verify access tokens (JWKS)")
            .answers(Map.class, ctx -> ctx.json(publish.publish())),
        Route.of(HandlerType.GET, OPENID_CONFIGURATION, "Where the token endpoint and keys are")
            .answers(ProviderMetadata.class, this::configuration));
  }

  private void configuration(Context ctx) {
    String base = publicUrl.get();
    ctx.json(
        new ProviderMetadata(
            base,
            base + TOKEN,
            base + JWKS,
            List.of(CLIENT_CREDENTIALS),
            List.of("client_secret_basic", "client_secret_post"),
            List.of("RS256"),
            List.of("token"),
            List.of("public")));
  }

  private void token(Context ctx) {
    ctx.header("Cache-Control", "no-store");
    ctx.header("Pragma", "no-cache");
    boolean basic = false;
    try {
      String contentType = ctx.contentType();
      if (contentType == null || !contentType.split(";")[0].strip().equalsIgnoreCase(Route.FORM)) {
        throw refusal(TokenError.INVALID_REQUEST, "the body must be " + Route.FORM);
      }
      Map<String, String> form = form(ctx.body());
      List<String> authorization = Collections.list(ctx.req().getHeaders("Authorization"));
      if (authorization.size() > 1) {
        throw refusal(TokenError.INVALID_REQUEST, "send one Authorization header, not several");
      }
      String clientId = form.get("client_id");
      String clientSecret = form.get("client_secret");
      if (!authorization.isEmpty()) {
        basic = true;
        if (clientSecret != null) {
          throw refusal(TokenError.INVALID_REQUEST, "authenticate the client one way, not two");
        }
        String[] credentials = basicCredentials(authorization.get(0));
        if (clientId != null && !clientId.equals(credentials[0])) {
          throw refusal(TokenError.INVALID_REQUEST, "client_id differs from the Basic credentials");
        }
        clientId = credentials[0];
        clientSecret = credentials[1];
      }
      String grantType = form.get("grant_type");
      if (grantType == null) {
        throw refusal(TokenError.INVALID_REQUEST, "grant_type is required");
      }
      if (!grantType.equals(CLIENT_CREDENTIALS)) {
        throw refusal(TokenError.UNSUPPORTED_GRANT_TYPE, "only client_credentials is supported");
      }
      if (clientId == null || clientSecret == null) {
        throw refusal(TokenError.INVALID_CLIENT, "client authentication is required");
      }
      String audience = form.get("audience");
      if (audience == null || audience.isBlank()) {
        throw refusal(TokenError.INVALID_REQUEST, "audience is required");
      }
      TokenAnswer answer =
          issue.issue(
              new IssueAccessTokenCommand(
                  clientId,
                  Secret.of(clientSecret),
                  audience,
                  Optional.ofNullable(form.get("scope")),
                  publicUrl.get(),
                  Optional.of(ctx.ip())));
      if (answer instanceof TokenAnswer.Issued issued) {
        ctx.json(
            new AccessTokenResponse(
                issued.accessToken().reveal(),
                "Bearer",
                issued.expiresInSeconds(),
                issued.scope()));
        issued.accessToken().wipe();
        return;
      }
      TokenAnswer.Refused refused = (TokenAnswer.Refused) answer;
      throw refusal(refused.error(), refused.description());
    } catch (Refusal refusal) {
      if (refusal.error == TokenError.INVALID_CLIENT) {
        ctx.status(401);
        if (basic) {
          ctx.header("WWW-Authenticate", "Basic realm=\"keygate\", charset=\"UTF-8\"");
        }
      } else {
        ctx.status(400);
      }
      ctx.json(new TokenErrorResponse(refusal.error.code(), refusal.getMessage()));
    }
  }

  /** The form's parameters; one given twice, or not validly encoded, is refused. */
  private static Map<String, String> form(String body) {
    Map<String, String> parameters = new HashMap<>();
    if (body == null || body.isEmpty()) {
      return parameters;
    }
    for (String pair : body.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int equals = pair.indexOf('=');
      String name = decode(equals < 0 ? pair : pair.substring(0, equals));
      String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
      if (PARAMETERS.contains(name) && parameters.put(name, value) != null) {
        throw refusal(TokenError.INVALID_REQUEST, name + " is given more than once");
      }
    }
    parameters.values().removeIf(String::isEmpty);
    return parameters;
  }

  private static String[] basicCredentials(String header) {
    if (!header.regionMatches(true, 0, "Basic ", 0, 6)) {
      throw refusal(TokenError.INVALID_CLIENT, "client authentication must be Basic");
    }
    String decoded;
    try {
      decoded =
          new String(
              Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException notBase64) {
      throw refusal(TokenError.INVALID_CLIENT, "the Basic credentials are not base64");
    }
    int colon = decoded.indexOf(':');
    if (colon < 0) {
      throw refusal(TokenError.INVALID_CLIENT, "the Basic credentials lack a colon");
    }
    return new String[] {decode(decoded.substring(0, colon)), decode(decoded.substring(colon + 1))};
  }

  private static String decode(String encoded) {
    try {
      return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException malformed) {
      throw refusal(TokenError.INVALID_REQUEST, "the form is not validly encoded");
    }
  }

  private static Refusal refusal(TokenError error, String description) {
    return new Refusal(error, description);
  }

  /** A refusal on its way to the answer; its message is the description, never a secret. */
  private static final class Refusal extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient TokenError error;

    Refusal(TokenError error, String description) {
      super(description, null, false, false);
      this.error = error;
    }
  }
}
