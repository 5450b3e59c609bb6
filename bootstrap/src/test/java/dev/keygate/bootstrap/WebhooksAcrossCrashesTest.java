package dev.keygate.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Webhooks from a real {@code keygate serve} in a JVM of its own, killed with SIGKILL twice: once
 * after its changes committed and before it sent anything, once while its receiver held a send
 * unanswered. The receiver here checks every signature the Standard Webhooks way with code of its
 * own, and sees each key's events in order, every one at least once. Then GitHub's secret scanning
 * reports the key's secret, signed with a real P-256 key in the format GitHub publishes, and the
 * receiver gets {@code api_key.leaked} and then {@code api_key.revoked}.
 */
class WebhooksAcrossCrashesTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration PATIENCE = Duration.ofSeconds(60);

  @TempDir Path directory;

  private final Receiver receiver = new Receiver();

  @AfterEach
  void stopReceiver() {
    receiver.close();
  }

  @Test
  void everyEventReachesTheReceiver_signedAndInOrder_acrossTwoKills_andALeakRevokesTheKey()
      throws Exception {
    Path work = Files.createDirectory(directory.resolve("work"));
    Path logs = Files.createDirectory(directory.resolve("logs"));
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    KeyPair github = generator.generateKeyPair();
    Path githubKeys = directory.resolve("github-keys.json");
    Files.writeString(githubKeys, githubKeyFile("github-key-1", github));
    Map<String, String> environment = new HashMap<>(KeygateProcess.cheapEnvironment());
    environment.put("KEYGATE_SECRET_SCANNING_KEYS", githubKeys.toString());
    environment.put("KEYGATE_WEBHOOK_TIMEOUT", "2s");
    environment.put("KEYGATE_WEBHOOK_RETRIES", "1s,1s,1s");

    // 1. A node that looks for due deliveries only at its start: its changes commit, nothing is
    // sent, and it dies.
    String rootKey;
    String keyId;
    String secondToken;
    String signingSecret;
    Map<String, String> idle = new HashMap<>(environment);
    idle.put("KEYGATE_WEBHOOK_POLL", "1h");
    try (KeygateProcess first = KeygateProcess.start(work, logs, idle, "serve", "--port", "0")) {
      Http http = new Http(first.awaitServing());
      rootKey = Cli.tokensIn(first.out()).get(0);
      String apiId =
          http.post(
                  "/api/v1/apis",
                  "{\"name\":\"Users API\",\"audience\":\"https://users.example.com\"}",
                  rootKey)
              .at("/api/id")
              .asText();
      http.post("/api/v1/apis/" + apiId + "/scopes", "{\"key\":\"read:users\"}", rootKey);
      String org =
          http.post("/api/v1/organization", "{\"name\":\"Acme\"}", rootKey)
              .at("/organization/code")
              .asText();
      JsonNode webhook =
          http.post(
              "/api/v1/webhooks",
              "{\"name\":\"Acme's receiver\",\"endpoint\":\""
                  + receiver.url()
                  + "\",\"org_code\":\""
                  + org
                  + "\",\"event_types\":[\"api_key.created\",\"api_key.rotated\","
                  + "\"api_key.leaked\",\"api_key.revoked\"]}",
              rootKey);
      signingSecret = webhook.at("/webhook/signing_secret").asText();
      assertThat(signingSecret).startsWith("whsec_");
      JsonNode created =
          http.post(
              "/api/v1/api_keys",
              "{\"name\":\"ci\",\"api_id\":\""
                  + apiId
                  + "\",\"scope_ids\":[\"read:users\"],\"org_code\":\""
                  + org
                  + "\"}",
              rootKey);
      keyId = created.at("/api_key/id").asText();
      String firstToken = created.at("/api_key/key").asText();
      JsonNode rotated = http.send("PUT", "/api/v1/api_keys/" + keyId, null, rootKey);
      secondToken = rotated.at("/api_key/key").asText();
      assertThat(secondToken).startsWith("k_live_").isNotEqualTo(firstToken);

      first.kill();
    }
    assertThat(receiver.messages()).as("nothing was sent before the first kill").isEmpty();

    // 2. A node that delivers, killed while the receiver holds its first send unanswered.
    Map<String, String> delivering = new HashMap<>(environment);
    delivering.put("KEYGATE_WEBHOOK_POLL", "200ms");
    receiver.hold();
    try (KeygateProcess second =
        KeygateProcess.start(work, logs, delivering, "serve", "--port", "0")) {
      second.awaitServing();
      receiver.awaitMessages(1);
      second.kill();
    }
    receiver.answer();

    // 3. A node that delivers what the dead ones left, then answers GitHub's report of a leak.
    try (KeygateProcess third =
        KeygateProcess.start(work, logs, delivering, "serve", "--port", "0")) {
      Http http = new Http(third.awaitServing());
      receiver.awaitTypes("api_key.created", "api_key.rotated");

      String report =
          "[{\"token\":\""
              + secondToken
              + "\",\"type\":\"keygate_api_key\",\"url\":\"https://github.com/acme/app/blob/main/"
              + ".env\",\"source\":\"content\"}]";
      HttpResponse<String> labelled =
          http.client.send(
              HttpRequest.newBuilder(http.uri("/api/v1/secret_scanning"))
                  .header("Content-Type", "application/json")
                  .header("Github-Public-Key-Identifier", "github-key-1")
                  .header("Github-Public-Key-Signature", sign(github, report))
                  .POST(HttpRequest.BodyPublishers.ofString(report))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(labelled.statusCode()).as(labelled.body()).isEqualTo(200);
      JsonNode label = JSON.readTree(labelled.body()).get(0);
      assertThat(label.get("label").asText()).isEqualTo("true_positive");
      assertThat(label.get("token_hash").asText()).isEqualTo(sha256(secondToken));
      assertThat(labelled.body()).doesNotContain(secondToken);

      receiver.awaitTypes(
          "api_key.created", "api_key.rotated", "api_key.leaked", "api_key.revoked");
      JsonNode verified =
          http.post("/api/v1/api_keys/verify", "{\"api_key\":\"" + secondToken + "\"}", rootKey);
      assertThat(verified.get("is_valid").asBoolean()).isFalse();
    }

    List<Message> messages = receiver.messages();
    for (Message message : messages) {
      assertThat(message.signatureVerifies(signingSecret)).as(message.id()).isTrue();
      assertThat(message.body()).doesNotContain("k_live_").doesNotContain(signingSecret);
      assertThat(JSON.readTree(message.body()).at("/data/api_key/id").asText()).isEqualTo(keyId);
    }
    assertThat(receiver.typesInOrderOfFirstReceipt())
        .containsExactly("api_key.created", "api_key.rotated", "api_key.leaked", "api_key.revoked");
    Message createdFirst = messages.get(0);
    assertThat(createdFirst.type()).isEqualTo("api_key.created");
    assertThat(messages.stream().filter(m -> m.id().equals(createdFirst.id())))
        .as("the send the receiver held was sent again, under the same webhook-id")
        .hasSizeGreaterThanOrEqualTo(2);
    JsonNode leak =
        JSON.readTree(
                messages.stream()
                    .filter(m -> m.type().equals("api_key.leaked"))
                    .findFirst()
                    .orElseThrow()
                    .body())
            .at("/data/leak");
    assertThat(leak.get("source").asText()).isEqualTo("github_secret_scanning");
    assertThat(leak.get("url").asText()).isEqualTo("https://github.com/acme/app/blob/main/.env");
  }

  /** The public key file as GitHub serves it at api.github.com/meta/public_keys/secret_scanning. */
  private static String githubKeyFile(String identifier, KeyPair pair) throws IOException {
    String pem =
        "-----BEGIN PUBLIC KEY-----\n"
            + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(pair.getPublic().getEncoded())
            + "\n-----END PUBLIC KEY-----\n";
    Map<String, Object> key = new HashMap<>();
    key.put("key_identifier", identifier);
    key.put("key", pem);
    key.put("is_current", true);
    return JSON.writeValueAsString(Map.of("public_keys", List.of(key)));
  }

  private static String sign(KeyPair pair, String body) throws Exception {
    Signature signer = Signature.getInstance("SHA256withECDSA");
    signer.initSign(pair.getPrivate());
    signer.update(body.getBytes(StandardCharsets.UTF_8));
    return Base64.getEncoder().encodeToString(signer.sign());
  }

  private static String sha256(String text) throws Exception {
    return HexFormat.of()
        .formatHex(
            MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
  }

  /** One request the receiver got. */
  record Message(String id, String timestamp, String signature, String body) {

    String type() {
      try {
        return JSON.readTree(body).get("type").asText();
      } catch (IOException e) {
        throw new AssertionError("not JSON: " + body, e);
      }
    }

    /** Standard Webhooks: v1 is base64 HMAC-SHA256 of "id.timestamp.body" under the secret. */
    boolean signatureVerifies(String secret) throws Exception {
      Mac mac = Mac.getInstance("HmacSHA256");
      byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      String expected =
          Base64.getEncoder()
              .encodeToString(
                  mac.doFinal(
                      (id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
      long sent = Long.parseLong(timestamp);
      boolean fresh = Math.abs(Instant.now().getEpochSecond() - sent) < 300;
      return fresh
          && List.of(signature.split(" ")).stream()
              .anyMatch(candidate -> candidate.equals("v1," + expected));
    }
  }

  /** A webhook receiver on 127.0.0.1 that keeps what it got and may hold its answers back. */
  private static final class Receiver implements AutoCloseable {

    private final HttpServer server;
    private final List<Message> received = new ArrayList<>();
    private volatile CountDownLatch held = new CountDownLatch(0);

    Receiver() {
      try {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
      server.setExecutor(Executors.newCachedThreadPool());
      server.createContext(
          "/hook",
          exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            var headers = exchange.getRequestHeaders();
            synchronized (received) {
              received.add(
                  new Message(
                      headers.getFirst("webhook-id"),
                      headers.getFirst("webhook-timestamp"),
                      headers.getFirst("webhook-signature"),
                      new String(body, StandardCharsets.UTF_8)));
              received.notifyAll();
            }
            try {
              held.await(2, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
          });
      server.start();
    }

    String url() {
      return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    void hold() {
      held = new CountDownLatch(1);
    }

    void answer() {
      held.countDown();
    }

    List<Message> messages() {
      synchronized (received) {
        return List.copyOf(received);
      }
    }

    List<String> typesInOrderOfFirstReceipt() {
      return List.copyOf(new LinkedHashSet<>(messages().stream().map(Message::type).toList()));
    }

    void awaitMessages(int count) throws InterruptedException {
      await(messages -> messages.size() >= count, count + " messages");
    }

    void awaitTypes(String... types) throws InterruptedException {
      await(
          messages -> messages.stream().map(Message::type).toList().containsAll(List.of(types)),
          String.join(", ", types));
    }

    private void await(Predicate<List<Message>> done, String what) throws InterruptedException {
      Instant deadline = Instant.now().plus(PATIENCE);
      synchronized (received) {
        while (!done.test(received)) {
          long left = Duration.between(Instant.now(), deadline).toMillis();
          if (left <= 0) {
            throw new AssertionError("the receiver did not get " + what + "; it got " + received);
          }
          received.wait(left);
        }
      }
    }

    @Override
    public void close() {
      answer();
      server.stop(0);
    }
  }

  /** JSON over HTTP to one node. */
  private static final class Http {

    private final HttpClient client = HttpClient.newHttpClient();
    private final int port;

    Http(int port) {
      this.port = port;
    }

    URI uri(String path) {
      return URI.create("http://127.0.0.1:" + port + path);
    }

    JsonNode post(String path, String json, String bearer) throws Exception {
      return send("POST", path, json, bearer);
    }

    JsonNode send(String method, String path, String json, String bearer) throws Exception {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(uri(path))
              .header("Authorization", "Bearer " + bearer)
              .header("Keygate-Extensions", "true")
              .method(
                  method,
                  json == null
                      ? HttpRequest.BodyPublishers.noBody()
                      : HttpRequest.BodyPublishers.ofString(json));
      if (json != null) {
        request.header("Content-Type", "application/json");
      }
      HttpResponse<String> answer =
          client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      assertThat(answer.statusCode())
          .as(method + " " + path + ": " + answer.body())
          .isLessThan(300);
      return JSON.readTree(answer.body());
    }
  }
}
