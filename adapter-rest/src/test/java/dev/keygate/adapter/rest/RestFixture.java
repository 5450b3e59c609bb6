package dev.keygate.adapter.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keygate.application.fake.TestKeygate;
import dev.keygate.application.port.in.ManagementScope;
import dev.keygate.application.service.KeygateServices;
import dev.keygate.wire.WireJson;
import io.javalin.Javalin;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * The REST server over real HTTP on 127.0.0.1, on the application wired with in-memory fakes,
 * initialized with a root management key.
 */
final class RestFixture implements AutoCloseable {

  /** Keygate's opt-in to its richer answers, written out as a client writes it. */
  static final String EXTENSIONS = "Keygate-Extensions";

  final TestKeygate keygate = new TestKeygate();
  final AtomicBoolean databaseUp = new AtomicBoolean(true);
  final List<RouteGroup> groups;
  final String rootKey;
  private final Javalin server;
  private final HttpClient http = HttpClient.newHttpClient();

  RestFixture() {
    this(keygate -> keygate.services);
  }

  /**
   * @param wiring the use cases the server is given, made of the fixture's fakes: the fixture's
   *     own, or others over the same fakes, such as ones that trust a scanner's real keys
   */
  RestFixture(Function<TestKeygate, KeygateServices> wiring) {
    KeygateServices services = wiring.apply(keygate);
    rootKey =
        services.initializeDeployment().initialize("test:init").orElseThrow().token().reveal();
    // Links on the address it listens on, as keygate serve makes them by default.
    groups = ManagementRoutes.of(services, Duration.ofMinutes(15), this::base, keygate.clock);
    server =
        RestServer.create(
                new RestServer.Services(
                    services.authenticate(),
                    databaseUp::get,
                    Optional.of(() -> "# metrics\n"),
                    new SimpleMeterRegistry()),
                groups)
            .start("127.0.0.1", 0);
  }

  /** The running server, to read what it really serves. */
  Javalin server() {
    return server;
  }

  String base() {
    return "http://127.0.0.1:" + server.port();
  }

  /** A request with the root key and a JSON body (or none when {@code body} is null). */
  Answer call(String method, String path, String body) {
    return call(method, path, body, rootKey);
  }

  Answer call(String method, String path, String body, String bearer) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path));
    if (bearer != null) {
      request.header("Authorization", "Bearer " + bearer);
    }
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    request.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    return send(request.build());
  }

  /** A request with a bearer and, for a body, the content type given (none when null). */
  Answer call(String method, String path, String body, String bearer, String contentType) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path));
    if (bearer != null) {
      request.header("Authorization", "Bearer " + bearer);
    }
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    request.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    return send(request.build());
  }

  /**
   * A request with the root key, a JSON body (or none when {@code body} is null) and Keygate's
   * opt-in to its richer answers, {@code Keygate-Extensions: true}.
   */
  Answer extended(String method, String path, String body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base() + path))
            .header("Authorization", "Bearer " + rootKey)
            .header(EXTENSIONS, "true");
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    request.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    return send(request.build());
  }

  /** GET with the root key and Keygate's opt-in to its richer answers. */
  Answer getExtended(String path) {
    return extended("GET", path, null);
  }

  /** A request with {@code bearer}, a JSON body (or none) and the opt-in to the richer answers. */
  Answer extended(String method, String path, String body, String bearer) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base() + path))
            .header("Authorization", "Bearer " + bearer)
            .header(EXTENSIONS, "true");
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    request.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    return send(request.build());
  }

  /** GET with the root key. */
  Answer get(String path) {
    return call("GET", path, null);
  }

  /** POST of a JSON body with the root key. */
  Answer post(String path, String body) {
    return call("POST", path, body);
  }

  /** The id of Keygate's own management API, found as a client would: by its audience. */
  String managementApiId() {
    for (JsonNode api : get("/api/v1/apis").json().get("apis")) {
      if (api.get("audience").asText().equals("keygate-management")) {
        return api.get("id").asText();
      }
    }
    throw new AssertionError("the management api is not listed");
  }

  /** Creates a key with the root key from a JSON request; fails unless it answers 201. */
  Issued createKey(String json) {
    Answer created = post("/api/v1/api_keys", json);
    if (created.status() != 201) {
      throw new AssertionError("key not created: " + created.status() + " " + created.body());
    }
    return new Issued(created.text("/api_key/id"), created.text("/api_key/key"));
  }

  /**
   * A management key owned by an organization ({@code "org_code"}) or a user ({@code "user_id"}),
   * created with the root key, holding {@code scopes} or every management scope when none are
   * given.
   */
  Issued managementKey(String ownerField, String owner, String... scopes) {
    List<String> granted =
        scopes.length > 0
            ? List.of(scopes)
            : Arrays.stream(ManagementScope.values()).map(ManagementScope::key).toList();
    return createKey(
        WireJson.write(
            Map.of(
                "name",
                "management key of " + owner,
                "api_id",
                managementApiId(),
                "scope_ids",
                granted,
                ownerField,
                owner)));
  }

  Answer send(HttpRequest request) {
    return send(http, request);
  }

  /**
   * A request with the root key on a connection of its own. For requests that Jetty refuses before
   * reading their body: it may then close the connection, and a pooled client could reuse it.
   */
  Answer callOnNewConnection(String method, String path, String body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base() + path))
            .header("Authorization", "Bearer " + rootKey);
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    request.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    return send(HttpClient.newHttpClient(), request.build());
  }

  private static Answer send(HttpClient client, HttpRequest request) {
    try {
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), response.body(), response);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    server.stop();
  }

  /** A key as created: its id and its token. */
  record Issued(String id, String key) {}

  /** A response, with its body parsed on demand. */
  record Answer(int status, String body, HttpResponse<String> response) {
    JsonNode json() {
      try {
        return WireJson.mapper().readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException("not JSON: " + body, e);
      }
    }

    String text(String pointer) {
      return json().at(pointer).asText();
    }
  }
}
