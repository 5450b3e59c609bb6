package dev.keygate.adapter.remote;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keygate.domain.ConflictException;
import dev.keygate.domain.ForbiddenException;
import dev.keygate.domain.LimitReachedException;
import dev.keygate.domain.NotFoundException;
import dev.keygate.domain.ValidationException;
import dev.keygate.wire.WireJson;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The HTTP under the remote use cases: sends a call to the server's management API with the
 * credential as a bearer token and Keygate's extensions asked for, reads the answer with the wire
 * model, and turns a refusal into the application's failure that the server answered for it.
 */
final class ManagementClient {

  /** The audience an M2M application asks a token for to call the management API. */
  static final String MANAGEMENT_AUDIENCE = "keygate-management";

  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration CALL_TIMEOUT = Duration.ofSeconds(60);

  /**
   * The wire model's mapper, but tolerant of fields it does not know: a newer server may say more
   * than this command line knows, and that is no reason to fail.
   */
  private static final ObjectMapper JSON =
      WireJson.mapper().copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private final URI server;
  private final Credentials credentials;
  private final HttpClient http;
  private String bearer;

  ManagementClient(URI server, Credentials credentials) {
    this.server = server;
    this.credentials = credentials;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /** The server's base URL, as given. */
  URI server() {
    return server;
  }

  <T> T get(String path, Class<T> answer) {
    return read(send("GET", path, Optional.empty()), answer);
  }

  <T> T post(String path, Object body, Class<T> answer) {
    return read(send("POST", path, Optional.of(body)), answer);
  }

  <T> T put(String path, Optional<Object> body, Class<T> answer) {
    return read(send("PUT", path, body), answer);
  }

  <T> T patch(String path, Object body, Class<T> answer) {
    return read(send("PATCH", path, Optional.of(body)), answer);
  }

  void delete(String path) {
    send("DELETE", path, Optional.empty());
  }

  /** {@code path} with the query parameters that have a value, each encoded. */
  static String query(String path, Map<String, Optional<String>> parameters) {
    String query =
        parameters.entrySet().stream()
            .filter(parameter -> parameter.getValue().isPresent())
            .map(parameter -> parameter.getKey() + "=" + encode(parameter.getValue().get()))
            .collect(Collectors.joining("&"));
    return query.isEmpty() ? path : path + "?" + query;
  }

  /** One segment of a path, encoded. */
  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private String send(String method, String path, Optional<Object> body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(resolve(path))
            .timeout(CALL_TIMEOUT)
            .header("Authorization", "Bearer " + bearer())
            .header("Keygate-Extensions", "true")
            .header("Accept", "application/json");
    if (body.isPresent()) {
      request
          .header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(WireJson.write(body.get())));
    } else {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    }
    HttpResponse<String> response = exchange(request.build());
    if (response.statusCode() / 100 == 2) {
      return response.body();
    }
    throw refusal(response);
  }

  /**
   * The bearer token: the management key, or an access token the credentials were exchanged for.
   */
  private String bearer() {
    if (bearer == null) {
      if (credentials instanceof Credentials.ManagementKey key) {
        bearer = key.key();
      } else if (credentials instanceof Credentials.ClientCredentials client) {
        bearer = accessToken(client);
      }
    }
    return bearer;
  }

  private String accessToken(Credentials.ClientCredentials client) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "client_credentials");
    form.put("client_id", client.clientId());
    form.put("client_secret", client.clientSecret());
    form.put("audience", MANAGEMENT_AUDIENCE);
    String encoded =
        form.entrySet().stream()
            .map(field -> field.getKey() + "=" + encode(field.getValue()))
            .collect(Collectors.joining("&"));
    HttpResponse<String> response =
        exchange(
            HttpRequest.newBuilder(resolve("/oauth2/token"))
                .timeout(CALL_TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(encoded))
                .build());
    JsonNode answer = tree(response);
    if (response.statusCode() == 200 && answer.path("access_token").isTextual()) {
      return answer.get("access_token").asText();
    }
    if (response.statusCode() / 100 == 4) {
      // OAuth's error body: {error, error_description}; neither repeats the secret.
      String why =
          answer.path("error_description").asText(answer.path("error").asText("no reason given"));
      throw new RemoteException(
          RemoteException.Kind.CREDENTIALS_REFUSED,
          "the Keygate server at "
              + server
              + " refused the client credentials of "
              + client.clientId()
              + " ("
              + response.statusCode()
              + "): "
              + why);
    }
    throw unexpected(response);
  }

  private HttpResponse<String> exchange(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new RemoteException(
          RemoteException.Kind.UNREACHABLE,
          "cannot reach the Keygate server at " + server + ": " + describe(e));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RemoteException(
          RemoteException.Kind.UNREACHABLE, "interrupted while calling " + server);
    }
  }

  /** What an I/O failure was, on one line: its own message, else its kind. */
  private static String describe(IOException e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause.getMessage() != null && !cause.getMessage().isBlank()) {
        return cause.getMessage();
      }
    }
    return e.getClass().getSimpleName().replaceAll("(?<=[a-z])(?=[A-Z])", " ").toLowerCase();
  }

  private URI resolve(String path) {
    String base = server.toString();
    return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path);
  }

  /** The application's failure that the server's error answer stands for. */
  private RuntimeException refusal(HttpResponse<String> response) {
    int status = response.statusCode();
    String message = errorMessage(response).orElse(null);
    if (message == null) {
      return unexpected(response);
    }
    if (status == 404 && noSuchRoute(response)) {
      return new RemoteException(
          RemoteException.Kind.SERVER_FAILED,
          "the Keygate server at " + server + " has no route for this command: is it older?");
    }
    switch (status) {
      case 400:
        return new ValidationException(message);
      case 401:
        return new RemoteException(
            RemoteException.Kind.CREDENTIALS_REFUSED,
            "the Keygate server at " + server + " refused the credentials: " + message);
      case 403:
        return new ForbiddenException(message);
      case 404:
        return new NotFoundException(message);
      case 409:
        return new ConflictException(message);
      case 429:
        return new LimitReachedException(
            message,
            response.headers().firstValueAsLong("Retry-After").stream()
                .mapToObj(Duration::ofSeconds)
                .findFirst()
                .orElse(Duration.ofSeconds(1)));
      default:
        if (status / 100 == 4) {
          return new ValidationException(message);
        }
        return new RemoteException(
            RemoteException.Kind.SERVER_FAILED,
            "the Keygate server at " + server + " failed (" + status + "): " + message);
    }
  }

  /**
   * Keygate's error answer {@code {"errors":[{code, message}]}}, its messages joined; a 404 has one
   * error as an object, as Kinde answers it.
   */
  private static Optional<String> errorMessage(HttpResponse<String> response) {
    JsonNode errors = tree(response).path("errors");
    List<JsonNode> each = new ArrayList<>();
    if (errors.isObject()) {
      each.add(errors);
    } else if (errors.isArray()) {
      errors.forEach(each::add);
    }
    List<String> messages = new ArrayList<>();
    for (JsonNode error : each) {
      String text = error.path("message").asText(error.path("code").asText(""));
      if (!text.isBlank()) {
        messages.add(text);
      }
    }
    return messages.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", messages));
  }

  /** Whether the server answered that it has no such route, rather than no such object. */
  private static boolean noSuchRoute(HttpResponse<String> response) {
    return tree(response).path("errors").path("code").asText("").equals("ROUTE_NOT_FOUND");
  }

  private RemoteException unexpected(HttpResponse<String> response) {
    return new RemoteException(
        RemoteException.Kind.UNREACHABLE,
        "the server at "
            + server
            + " answered "
            + response.statusCode()
            + " without a Keygate answer: is it a Keygate server?");
  }

  private static JsonNode tree(HttpResponse<String> response) {
    try {
      JsonNode tree = JSON.readTree(response.body());
      return tree == null ? JSON.missingNode() : tree;
    } catch (JsonProcessingException notJson) {
      return JSON.missingNode();
    }
  }

  private <T> T read(String body, Class<T> answer) {
    if (answer == Void.class) {
      return null;
    }
    try {
      return JSON.readValue(body, answer);
    } catch (JsonProcessingException e) {
      throw new RemoteException(
          RemoteException.Kind.SERVER_FAILED,
          "the server at "
              + server
              + " answered JSON this command line cannot read as "
              + answer.getSimpleName()
              + " (at "
              + e.getLocation()
              + ")");
    }
  }
}
