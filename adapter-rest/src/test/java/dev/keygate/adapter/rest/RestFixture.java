package dev.keygate.adapter.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keygate.application.fake.TestKeygate;
import dev.keygate.application.service.KeygateServices;
import io.javalin.Javalin;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The REST server over real HTTP on 127.0.0.1, on the application wired with in-memory fakes,
 * initialized with a root management key.
 */
final class RestFixture implements AutoCloseable {

  final TestKeygate keygate = new TestKeygate();
  final AtomicBoolean databaseUp = new AtomicBoolean(true);
  final List<RouteGroup> groups;
  final String rootKey;
  private final Javalin server;
  private final HttpClient http = HttpClient.newHttpClient();

  RestFixture() {
    KeygateServices services = keygate.services;
    rootKey =
        services.initializeDeployment().initialize("test:init").orElseThrow().token().reveal();
    groups = RestRoutes.all(services);
    server =
        RestServer.create(
                new RestServer.Services(
                    services.authenticate(),
                    databaseUp::get,
                    () -> "# metrics\n",
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

  Answer send(HttpRequest request) {
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
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

  /** A response, with its body parsed on demand. */
  record Answer(int status, String body, HttpResponse<String> response) {
    JsonNode json() {
      try {
        return Json.mapper().readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException("not JSON: " + body, e);
      }
    }

    String text(String pointer) {
      return json().at(pointer).asText();
    }
  }
}
