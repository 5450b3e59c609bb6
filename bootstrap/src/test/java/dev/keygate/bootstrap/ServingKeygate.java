package dev.keygate.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code keygate serve} running in this JVM on 127.0.0.1 and a free port, as the jar runs it, with
 * a small HTTP client. Stopping it is what the shutdown hook does on SIGTERM.
 */
final class ServingKeygate implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private final CompletableFuture<KeygateServer> serving = new CompletableFuture<>();
  private final CompletableFuture<Integer> exit = new CompletableFuture<>();
  private final KeygateServer server;
  private final HttpClient http = HttpClient.newHttpClient();

  private ServingKeygate(Map<String, String> environment, Path workingDirectory, String... args) {
    Launch launch = Cli.launch(environment, workingDirectory, serving::complete);
    Thread serve =
        new Thread(
            () -> {
              try {
                exit.complete(
                    Main.execute(
                        launch,
                        InputStream.nullInputStream(),
                        new PrintWriter(out, true),
                        new PrintWriter(err, true),
                        args));
              } catch (Throwable e) {
                exit.completeExceptionally(e);
              }
            },
            "keygate-serve");
    serve.start();
    exit.thenRun(() -> serving.completeExceptionally(new AssertionError("serve ended: " + err)));
    try {
      server = serving.get(2, TimeUnit.MINUTES);
    } catch (InterruptedException | ExecutionException | TimeoutException e) {
      throw new AssertionError("keygate serve did not start: " + err, e);
    }
  }

  /** {@code keygate serve} with the given environment, from {@code workingDirectory}. */
  static ServingKeygate serve(Map<String, String> environment, Path workingDirectory) {
    return new ServingKeygate(environment, workingDirectory, "serve");
  }

  /** {@code keygate serve} on an H2 file in {@code directory}, with cheap Argon2. */
  static ServingKeygate serve(Path directory) {
    return serve(Cli.environment(directory), directory);
  }

  KeygateServer server() {
    return server;
  }

  /** What serve printed on standard output so far. */
  String out() {
    return out.toString();
  }

  /** The root key serve printed, if it printed one. */
  List<String> printedTokens() {
    return Cli.tokensIn(out());
  }

  /** Stops the server as the shutdown hook does; answers serve's exit code. */
  int stop() {
    server.stop();
    try {
      return exit.get(1, TimeUnit.MINUTES);
    } catch (InterruptedException | ExecutionException | TimeoutException e) {
      throw new AssertionError("keygate serve did not end", e);
    }
  }

  @Override
  public void close() {
    server.stop();
  }

  Answer get(String path, String bearer) {
    return send("GET", path, null, bearer);
  }

  /** GET with Keygate's opt-in to its richer answers, {@code Keygate-Extensions: true}. */
  Answer getExtended(String path, String bearer) {
    return send("GET", path, null, bearer, true);
  }

  /** The address of a new portal link to organization {@code orgCode}, made with {@code bearer}. */
  String portalLink(String orgCode, String bearer) {
    return post("/api/v1/portal_links", "{\"org_code\":\"" + orgCode + "\"}", bearer)
        .hasStatus(200)
        .text("/url");
  }

  /** Any method with {@code Keygate-Extensions: true}, for Keygate's own fields and answers. */
  Answer sendExtended(String method, String path, String json, String bearer) {
    return send(method, path, json, bearer, true);
  }

  Answer post(String path, String json, String bearer) {
    return send("POST", path, json, bearer);
  }

  Answer send(String method, String path, String json, String bearer) {
    return send(method, path, json, bearer, false);
  }

  private Answer send(String method, String path, String json, String bearer, boolean extended) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
    if (extended) {
      request.header("Keygate-Extensions", "true");
    }
    if (bearer != null) {
      request.header("Authorization", "Bearer " + bearer);
    }
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    request.method(
        method,
        json == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(json));
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A response, its body parsed on demand. */
  record Answer(int status, String body) {

    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException("not JSON: " + body, e);
      }
    }

    String text(String pointer) {
      return json().at(pointer).asText();
    }

    Answer hasStatus(int expected) {
      assertThat(status).as(body).isEqualTo(expected);
      return this;
    }
  }
}
