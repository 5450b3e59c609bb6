package dev.keygate.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * M2M applications and the client-credentials flow as Kinde's management SDK uses them: over real
 * HTTP, with real Argon2id and RS256, on an H2 file; every JWT checked by nimbus-jose-jwt against
 * {@code /.well-known/jwks.json} alone, as an independent verifier would.
 */
class M2mApplicationsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path directory;

  private ServingKeygate serving;
  private String root;
  private String base;
  private String managementApi;
  private final Map<String, String> managementScopes = new LinkedHashMap<>();
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void serve() {
    serving = ServingKeygate.serve(directory);
    root = serving.printedTokens().get(0);
    base = "http://127.0.0.1:" + serving.server().port();
    for (JsonNode api : serving.get("/api/v1/apis", root).hasStatus(200).json().get("apis")) {
      if (api.get("audience").asText().equals("keygate-management")) {
        managementApi = api.get("id").asText();
      }
    }
    for (JsonNode scope :
        serving.get("/api/v1/apis/" + managementApi, root).json().at("/api/scopes")) {
      managementScopes.put(scope.get("key").asText(), scope.get("id").asText());
    }
  }

  @AfterEach
  void stop() {
    serving.close();
  }

  /** An application authorized for the management API with {@code scopes}: {id, secret}. */
  private String[] application(String bearer, String... scopes) {
    JsonNode created =
        serving
            .post("/api/v1/applications", "{\"name\":\"Billing sync\",\"type\":\"m2m\"}", bearer)
            .hasStatus(201)
            .json();
    String id = created.at("/application/id").asText();
    assertThat(created.at("/application/client_id").asText()).isEqualTo(id);
    String secret = created.at("/application/client_secret").asText();
    serving
        .send(
            "PATCH",
            "/api/v1/apis/" + managementApi + "/applications",
            "{\"applications\":[{\"id\":\"" + id + "\"}]}",
            bearer)
        .hasStatus(200);
    for (String scope : scopes) {
      serving
          .post(
              "/api/v1/apis/"
                  + managementApi
                  + "/applications/"
                  + id
                  + "/scopes/"
                  + managementScopes.get(scope),
              null,
              bearer)
          .hasStatus(200);
    }
    return new String[] {id, secret};
  }

  private Answer token(Map<String, String> form, String basic) {
    String body =
        form.entrySet().stream()
            .map(
                e ->
                    URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + "/oauth2/token"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (basic != null) {
      request.header("Authorization", basic);
    }
    return send(request.build());
  }

  private Answer tokenPost(String id, String secret, String audience) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "client_credentials");
    form.put("client_id", id);
    form.put("client_secret", secret);
    form.put("audience", audience);
    return token(form, null);
  }

  private static String basic(String id, String secret) {
    return "Basic "
        + Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8));
  }

  private Answer send(HttpRequest request) {
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), response.headers().map(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  record Answer(int status, Map<String, List<String>> headers, String body) {
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException(body, e);
      }
    }

    String header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().get(0))
          .findFirst()
          .orElse(null);
    }
  }

  /** The token's claims, verified by nimbus with the published keys only. */
  private JWTClaimsSet verifiedByJwks(String token) throws Exception {
    JWKSet published = JWKSet.parse(serving.get("/.well-known/jwks.json", null).body());
    SignedJWT jwt = SignedJWT.parse(token);
    assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
    RSAKey key = (RSAKey) published.getKeyByKeyId(jwt.getHeader().getKeyID());
    assertThat(key).as("kid " + jwt.getHeader().getKeyID() + " published").isNotNull();
    assertThat(key.isPrivate()).isFalse();
    assertThat(jwt.verify(new RSASSAVerifier(key))).isTrue();
    return jwt.getJWTClaimsSet();
  }

  @Test
  void anApplicationMadeOnTheCommandLine_withManagementScopes_getsItsTokenAtOnce_carryingThem() {
    Cli.Result made =
        Cli.run(
            Cli.environment(directory),
            directory,
            "applications",
            "create",
            "--name",
            "Backend",
            "--management-scope",
            "read:api_keys",
            "--management-scope",
            "create:api_keys",
            "--output",
            "json");
    assertThat(made.code()).as(made.err()).isZero();
    JsonNode created = new Answer(200, Map.of(), made.out()).json();
    String id = created.at("/application/client_id").asText();
    String secret = created.at("/application/client_secret").asText();

    Answer answer = tokenPost(id, secret, base + "/api");

    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    assertThat(answer.json().get("scope").asText()).isEqualTo("create:api_keys read:api_keys");
    String bearer = answer.json().get("access_token").asText();
    serving.get("/api/v1/api_keys", bearer).hasStatus(200);
    serving.get("/api/v1/applications", bearer).hasStatus(403);
  }

  @Test
  void aManagementScopeThatDoesNotExist_isRefusedByName_andNoApplicationIsMade() {
    Cli.Result refused =
        Cli.run(
            Cli.environment(directory),
            directory,
            "applications",
            "create",
            "--name",
            "Backend",
            "--management-scope",
            "raed:api_keys");

    assertThat(refused.code()).isEqualTo(2);
    assertThat(refused.err()).contains("'raed:api_keys' is not a management scope").hasLineCount(1);
    assertThat(serving.get("/api/v1/applications", root).hasStatus(200).json().get("applications"))
        .isEmpty();
  }

  @Test
  void tokenFromTheTokenEndpoint_verifiesAgainstTheJwks_withTheRightClaims() throws Exception {
    String[] app = application(root, "read:applications", "read:api_keys");

    Answer answer = tokenPost(app[0], app[1], base + "/api");

    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    assertThat(answer.header("Cache-Control")).isEqualTo("no-store");
    JsonNode body = answer.json();
    assertThat(body.get("token_type").asText()).isEqualTo("Bearer");
    assertThat(body.get("expires_in").asLong()).isEqualTo(3600);
    assertThat(body.get("scope").asText()).isEqualTo("read:api_keys read:applications");
    JWTClaimsSet claims = verifiedByJwks(body.get("access_token").asText());
    assertThat(claims.getIssuer()).isEqualTo(base);
    assertThat(claims.getAudience()).containsExactly(base + "/api");
    assertThat(claims.getSubject()).isEqualTo(app[0]);
    assertThat(claims.getStringClaim("azp")).isEqualTo(app[0]);
    assertThat(claims.getStringClaim("client_id")).isEqualTo(app[0]);
    assertThat(claims.getStringClaim("scope")).isEqualTo("read:api_keys read:applications");
    assertThat(claims.getJWTID()).isNotBlank();
    assertThat(
            Duration.between(
                claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()))
        .isEqualTo(Duration.ofHours(1));

    JsonNode discovery = serving.get("/.well-known/openid-configuration", null).json();
    assertThat(discovery.get("issuer").asText()).isEqualTo(base);
    assertThat(discovery.get("token_endpoint").asText()).isEqualTo(base + "/oauth2/token");
    assertThat(discovery.get("jwks_uri").asText()).isEqualTo(base + "/.well-known/jwks.json");
    assertThat(discovery.get("grant_types_supported").toString()).contains("client_credentials");
    assertThat(discovery.get("token_endpoint_auth_methods_supported").toString())
        .contains("client_secret_basic", "client_secret_post");
  }

  @Test
  void clientSecretBasic_getsATokenToo_andTheTokenIsAcceptedOnManagementRoutesWithinItsScopes()
      throws Exception {
    String[] app = application(root, "read:applications");
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "client_credentials");
    form.put("audience", "keygate-management");

    Answer answer = token(form, basic(app[0], app[1]));

    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    String jwt = answer.json().get("access_token").asText();
    assertThat(verifiedByJwks(jwt).getAudience()).containsExactly("keygate-management");
    JsonNode listed = serving.get("/api/v1/applications", jwt).hasStatus(200).json();
    assertThat(listed.get("applications").toString()).contains(app[0]);
    // a scope it was not granted
    serving.get("/api/v1/api_keys", jwt).hasStatus(403);
    serving
        .post("/api/v1/applications", "{\"name\":\"More\",\"type\":\"m2m\"}", jwt)
        .hasStatus(403);
  }

  @Test
  void afterTheApplicationIsDeleted_itsTokenIsRefused() {
    String[] app = application(root, "read:applications");
    String jwt = tokenPost(app[0], app[1], base + "/api").json().get("access_token").asText();
    serving.get("/api/v1/applications", jwt).hasStatus(200);

    serving.send("DELETE", "/api/v1/applications/" + app[0], null, root).hasStatus(200);

    serving.get("/api/v1/applications", jwt).hasStatus(401);
    assertThat(tokenPost(app[0], app[1], base + "/api").status()).isEqualTo(401);
  }

  @Test
  void afterTheSecretIsRotated_theOldSecretAndItsTokensAreRefused_theNewOneWorks() {
    String[] app = application(root, "read:applications");
    String jwt = tokenPost(app[0], app[1], base + "/api").json().get("access_token").asText();

    JsonNode rotated =
        serving
            .post("/api/v1/applications/" + app[0] + "/rotate_secret", null, root)
            .hasStatus(200)
            .json();
    String newSecret = rotated.at("/application/client_secret").asText();

    assertThat(newSecret).isNotEqualTo(app[1]);
    serving.get("/api/v1/applications", jwt).hasStatus(401);
    assertThat(tokenPost(app[0], app[1], base + "/api").status()).isEqualTo(401);
    Answer fresh = tokenPost(app[0], newSecret, base + "/api");
    assertThat(fresh.status()).isEqualTo(200);
    serving.get("/api/v1/applications", fresh.json().get("access_token").asText()).hasStatus(200);
  }

  @Test
  void tokensSignedByARolledAwayKey_keepWorking_andBothKeysArePublished() throws Exception {
    String[] app = application(root, "read:applications");
    String before = tokenPost(app[0], app[1], base + "/api").json().get("access_token").asText();
    String oldKid = SignedJWT.parse(before).getHeader().getKeyID();

    Cli.Result rolled = Cli.run(Cli.environment(directory), directory, "signing-keys", "roll");
    assertThat(rolled.code()).as(rolled.err()).isZero();

    String after = tokenPost(app[0], app[1], base + "/api").json().get("access_token").asText();
    String newKid = SignedJWT.parse(after).getHeader().getKeyID();
    assertThat(newKid).isNotEqualTo(oldKid);
    assertThat(rolled.out()).contains(newKid);
    verifiedByJwks(before);
    verifiedByJwks(after);
    serving.get("/api/v1/applications", before).hasStatus(200);
    serving.get("/api/v1/applications", after).hasStatus(200);
  }

  @Test
  void eachRfc6749Error_answersItsCodeAndStatus_neverCached() {
    String[] app = application(root, "read:applications");
    Map<String, String> good = new LinkedHashMap<>();
    good.put("grant_type", "client_credentials");
    good.put("client_id", app[0]);
    good.put("client_secret", app[1]);
    good.put("audience", base + "/api");

    List<Object[]> cases = new ArrayList<>();
    Map<String, String> noGrant = new LinkedHashMap<>(good);
    noGrant.remove("grant_type");
    cases.add(new Object[] {token(noGrant, null), 400, "invalid_request"});
    Map<String, String> noAudience = new LinkedHashMap<>(good);
    noAudience.remove("audience");
    cases.add(new Object[] {token(noAudience, null), 400, "invalid_request"});
    Map<String, String> password = new LinkedHashMap<>(good);
    password.put("grant_type", "password");
    cases.add(new Object[] {token(password, null), 400, "unsupported_grant_type"});
    Map<String, String> wrongSecret = new LinkedHashMap<>(good);
    wrongSecret.put("client_secret", app[1].substring(1) + "x");
    cases.add(new Object[] {token(wrongSecret, null), 401, "invalid_client"});
    Map<String, String> unknownAudience = new LinkedHashMap<>(good);
    unknownAudience.put("audience", "https://nowhere.example.com");
    cases.add(new Object[] {token(unknownAudience, null), 400, "invalid_request"});
    Map<String, String> tooMuch = new LinkedHashMap<>(good);
    tooMuch.put("scope", "read:applications delete:applications");
    cases.add(new Object[] {token(tooMuch, null), 400, "invalid_scope"});
    serving
        .post(
            "/api/v1/apis", "{\"name\":\"Users\",\"audience\":\"https://users.example.com\"}", root)
        .hasStatus(200);
    Map<String, String> notAuthorized = new LinkedHashMap<>(good);
    notAuthorized.put("audience", "https://users.example.com");
    cases.add(new Object[] {token(notAuthorized, null), 400, "unauthorized_client"});
    Map<String, String> basicOnly = new LinkedHashMap<>(good);
    basicOnly.remove("client_id");
    basicOnly.remove("client_secret");
    Answer badBasic = token(basicOnly, basic(app[0], "wrong"));
    cases.add(new Object[] {badBasic, 401, "invalid_client"});

    for (Object[] c : cases) {
      Answer answer = (Answer) c[0];
      assertThat(answer.status()).as(answer.body()).isEqualTo(c[1]);
      assertThat(answer.json().get("error").asText()).isEqualTo(c[2]);
      assertThat(answer.json().get("error_description").asText()).isNotBlank();
      assertThat(answer.header("Cache-Control")).isEqualTo("no-store");
      assertThat(answer.body()).doesNotContain(app[1]);
    }
    assertThat(badBasic.header("WWW-Authenticate")).startsWith("Basic");
  }

  @Test
  void failedClientAuthentications_areLimited_with429() {
    String[] app = application(root);
    int refused = 0;
    Answer last = null;
    for (int i = 0; i < 12; i++) {
      last = tokenPost(app[0], "wrong-secret", base + "/api");
      if (last.status() == 401) {
        refused++;
      }
    }
    assertThat(refused).isEqualTo(10);
    assertThat(last.status()).isEqualTo(429);
    assertThat(last.header("Retry-After")).isNotBlank();
  }

  @Test
  void theClientSecret_isStoredOnlyAsAnArgon2idHash() throws Exception {
    String[] app = application(root);

    try (java.sql.Connection db = java.sql.DriverManager.getConnection(Cli.h2Url(directory));
        java.sql.PreparedStatement read =
            db.prepareStatement("select secret_hash from applications where id = ?")) {
      read.setString(1, app[0]);
      try (java.sql.ResultSet row = read.executeQuery()) {
        assertThat(row.next()).isTrue();
        assertThat(row.getString(1)).startsWith("$argon2id$v=19$").doesNotContain(app[1]);
      }
    }

    assertThat(app[1]).hasSizeGreaterThanOrEqualTo(43);
    Cli.Result shown =
        Cli.run(Cli.environment(directory), directory, "applications", "get", app[0]);
    assertThat(shown.code()).as(shown.err()).isZero();
    assertThat(shown.out()).contains(app[0]).doesNotContain(app[1]);
    assertThat(serving.get("/api/v1/applications/" + app[0], root).body())
        .doesNotContain(app[1])
        .doesNotContain("argon2");
  }
}
