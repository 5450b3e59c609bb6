package dev.keygate.adapter.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keygate.application.port.out.WebhookSender.NewSecret;
import dev.keygate.application.port.out.WebhookSender.Sent;
import dev.keygate.domain.event.DeliveryId;
import dev.keygate.domain.event.KeyEvent;
import dev.keygate.domain.event.KeyEventType;
import dev.keygate.domain.event.Leak;
import dev.keygate.domain.key.ApiKeyId;
import dev.keygate.domain.key.ApiKeyStatus;
import dev.keygate.domain.owner.OrgCode;
import dev.keygate.domain.owner.Owner;
import dev.keygate.domain.owner.UserId;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class HttpWebhookSenderTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(5);
  private static final Instant OCCURRED = Instant.parse("2026-12-03T11:00:00.123Z");
  private static final Instant SENT_AT = Instant.parse("2026-12-03T11:00:07.999Z");
  private static final DeliveryId MESSAGE = new DeliveryId("msg_0190a1b2c3d4e5f60718293a4b5c6d7e");
  private static final ApiKeyId KEY = new ApiKeyId("api_key_0190a1b2c3d4e5f60718293a4b5c6d7f");
  private static final String EVENT_ID = "event_0190a1b2c3d4e5f60718293a4b5c6d80";

  private final byte[] kek = bytes(32, 7);
  private Receiver receiver;

  @BeforeEach
  void start() throws IOException {
    receiver = new Receiver();
  }

  @AfterEach
  void stop() {
    receiver.close();
  }

  private static byte[] bytes(int length, int seed) {
    byte[] bytes = new byte[length];
    for (int i = 0; i < length; i++) {
      bytes[i] = (byte) (i * 31 + seed);
    }
    return bytes;
  }

  private static KeyEvent event(KeyEventType type, Owner owner, Optional<Leak> leak) {
    return new KeyEvent(
        EVENT_ID,
        type,
        OCCURRED,
        KEY,
        "ci",
        ApiKeyStatus.REVOKED,
        owner,
        Optional.empty(),
        "cli:alice",
        leak);
  }

  private static KeyEvent revoked() {
    return event(KeyEventType.REVOKED, new Owner.Org(new OrgCode("org_1")), Optional.empty());
  }

  private static KeyEvent of(KeyEventType type) {
    Optional<Leak> leak =
        type == KeyEventType.LEAKED
            ? Optional.of(
                new Leak(
                    Leak.Source.GITHUB_SECRET_SCANNING,
                    Optional.of("https://github.com/acme/app/blob/main/.env")))
            : Optional.empty();
    return event(type, new Owner.Org(new OrgCode("org_1")), leak);
  }

  private static String shown(NewSecret secret) {
    return new String(secret.shown());
  }

  private static String base64Of(NewSecret secret) {
    return shown(secret).substring("whsec_".length());
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  @Test
  void send_postsTheEventSignedTheStandardWebhooksWay_andTheReceiverAccepts() throws Exception {
    receiver.answering("/hooks", 204);
    HttpWebhookSender sender = new HttpWebhookSender(TIMEOUT);
    NewSecret secret = sender.newSecret();

    Sent sent = sender.send(receiver.url("/hooks"), secret.stored(), MESSAGE, revoked(), SENT_AT);

    assertThat(sent.succeeded()).isTrue();
    assertThat(sent.statusCode()).contains(204);
    Receiver.Received request = receiver.next();
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.path()).isEqualTo("/hooks");
    assertThat(request.header("webhook-id")).isEqualTo(MESSAGE.value());
    assertThat(request.header("webhook-timestamp"))
        .isEqualTo(Long.toString(SENT_AT.getEpochSecond()));
    assertThat(request.header("webhook-signature")).startsWith("v1,");
    assertThat(request.header("content-type")).isEqualTo("application/json");
    assertThat(request.header("user-agent")).isEqualTo("Keygate-Webhooks/1");
    assertThat(StandardWebhooksReceiver.verifies(shown(secret), request)).isTrue();
  }

  @Test
  void signature_doesNotVerifyUnderAnotherSecret_norForAnotherBody() throws Exception {
    receiver.answering("/hooks", 200);
    HttpWebhookSender sender = new HttpWebhookSender(TIMEOUT);
    NewSecret secret = sender.newSecret();
    NewSecret other = sender.newSecret();

    sender.send(receiver.url("/hooks"), secret.stored(), MESSAGE, revoked(), SENT_AT);
    Receiver.Received request = receiver.next();
    Receiver.Received tampered =
        new Receiver.Received(
            request.method(),
            request.path(),
            request.headers(),
            new String(request.body(), StandardCharsets.UTF_8)
                .replace("revoked", "enabled")
                .getBytes(StandardCharsets.UTF_8));

    assertThat(StandardWebhooksReceiver.verifies(shown(secret), request)).isTrue();
    assertThat(StandardWebhooksReceiver.verifies(shown(other), request)).isFalse();
    assertThat(StandardWebhooksReceiver.verifies(shown(secret), tampered)).isFalse();
  }

  @Test
  void payload_isExactlyTheSpecifiedJson_keysInOrder() throws Exception {
    receiver.answering("/hooks", 200);
    HttpWebhookSender sender = new HttpWebhookSender(TIMEOUT);
    KeyEvent leaked =
        event(
            KeyEventType.LEAKED,
            new Owner.Org(new OrgCode("org_1")),
            Optional.of(
                new Leak(Leak.Source.GITHUB_SECRET_SCANNING, Optional.of("https://github.com/x"))));

    sender.send(receiver.url("/hooks"), sender.newSecret().stored(), MESSAGE, leaked, SENT_AT);

    assertThat(new String(receiver.next().body(), StandardCharsets.UTF_8))
        .isEqualTo(
            "{\"type\":\"api_key.leaked\",\"timestamp\":\"2026-12-03T11:00:00.123Z\","
                + "\"data\":{\"event_id\":\""
                + EVENT_ID
                + "\",\"actor\":\"cli:alice\","
                + "\"api_key\":{\"id\":\""
                + KEY.value()
                + "\",\"name\":\"ci\",\"status\":\"revoked\","
                + "\"owner_type\":\"organization\",\"org_code\":\"org_1\",\"user_id\":null,"
                + "\"expires_on\":null},"
                + "\"leak\":{\"source\":\"github_secret_scanning\",\"url\":\"https://github.com/x\"}}}");
  }

  @ParameterizedTest
  @EnumSource(KeyEventType.class)
  void payload_forEveryEventType_namesItsType_andHasALeakOnlyWhenLeaked(KeyEventType type)
      throws Exception {
    receiver.answering("/hooks", 200);
    HttpWebhookSender sender = new HttpWebhookSender(TIMEOUT);
    NewSecret secret = sender.newSecret();

    sender.send(receiver.url("/hooks"), secret.stored(), MESSAGE, of(type), SENT_AT);

    Receiver.Received request = receiver.next();
    assertThat(StandardWebhooksReceiver.verifies(shown(secret), request)).isTrue();
    JsonNode body = JSON.readTree(request.body());
    assertThat(fieldNames(body)).containsExactly("type", "timestamp", "data");
    assertThat(body.get("type").asText()).isEqualTo(type.wireName());
    assertThat(body.get("timestamp").asText()).isEqualTo("2026-12-03T11:00:00.123Z");
    JsonNode data = body.get("data");
    assertThat(data.get("event_id").asText()).isEqualTo(EVENT_ID);
    assertThat(data.get("actor").asText()).isEqualTo("cli:alice");
    assertThat(fieldNames(data.get("api_key")))
        .containsExactly("id", "name", "status", "owner_type", "org_code", "user_id", "expires_on");
    if (type == KeyEventType.LEAKED) {
      assertThat(fieldNames(data)).containsExactly("event_id", "actor", "api_key", "leak");
      assertThat(data.get("leak").get("source").asText()).isEqualTo("github_secret_scanning");
      assertThat(data.get("leak").get("url").asText())
          .isEqualTo("https://github.com/acme/app/blob/main/.env");
    } else {
      assertThat(fieldNames(data)).containsExactly("event_id", "actor", "api_key");
    }
    String text = new String(request.body(), StandardCharsets.UTF_8);
    assertThat(text).doesNotContain("secret\"", "hash", base64Of(secret));
  }

  @Test
  void payload_ofAUsersKey_namesTheUser_ofAnEnvironmentKey_neither_andWritesTheExpiry()
      throws Exception {
    receiver.answering("/hooks", 200);
    HttpWebhookSender sender = new HttpWebhookSender(TIMEOUT);
    String stored = sender.newSecret().stored();
    KeyEvent usersKey =
        new KeyEvent(
            EVENT_ID,
            KeyEventType.EXPIRING,
            OCCURRED,
            KEY,
            "laptop",
            ApiKeyStatus.ACTIVE,
            new Owner.User(new UserId("kp_0190a1b2c3d4e5f60718293a4b5c6d7e")),
            Optional.of(Instant.parse("2026-12-10T00:00:00Z")),
            "keygate",
            Optional.empty());
    KeyEvent environmentKey =
        new KeyEvent(
            EVENT_ID,
            KeyEventType.DISABLED,
            OCCURRED,
            KEY,
            "deploy",
            ApiKeyStatus.INACTIVE,
            new Owner.Environment(),
            Optional.empty(),
            "cli:bob",
            Optional.empty());

    sender.send(receiver.url("/hooks"), stored, MESSAGE, usersKey, SENT_AT);
    sender.send(receiver.url("/hooks"), stored, MESSAGE, environmentKey, SENT_AT);

    JsonNode user = JSON.readTree(receiver.next().body()).get("data").get("api_key");
    assertThat(user.get("owner_type").asText()).isEqualTo("user");
    assertThat(user.get("user_id").asText()).isEqualTo("kp_0190a1b2c3d4e5f60718293a4b5c6d7e");
    assertThat(user.get("org_code").isNull()).isTrue();
    assertThat(user.get("status").asText()).isEqualTo("active");
    assertThat(user.get("expires_on").asText()).isEqualTo("2026-12-10T00:00:00.000Z");
    JsonNode environment = JSON.readTree(receiver.next().body()).get("data").get("api_key");
    assertThat(environment.get("owner_type").asText()).isEqualTo("environment");
    assertThat(environment.get("status").asText()).isEqualTo("inactive");
    assertThat(environment.get("org_code").isNull()).isTrue();
    assertThat(environment.get("user_id").isNull()).isTrue();
  }

  @Test
  void receiverAnsweringAnError_isAFailedAttempt_withItsStatus() throws Exception {
    receiver.answering("/hooks", 500);
    HttpWebhookSender sender = new HttpWebhookSender(TIMEOUT);

    Sent sent =
        sender.send(
            receiver.url("/hooks"), sender.newSecret().stored(), MESSAGE, revoked(), SENT_AT);

    assertThat(sent.succeeded()).isFalse();
    assertThat(sent.statusCode()).contains(500);
    assertThat(sent.error()).contains("HTTP 500");
    receiver.next();
  }

  @Test
  void redirect_isNotFollowed_andCountsAsFailed() throws Exception {
    receiver.redirecting("/hooks", 307, "/elsewhere").answering("/elsewhere", 200);
    HttpWebhookSender sender = new HttpWebhookSender(TIMEOUT);

    Sent sent =
        sender.send(
            receiver.url("/hooks"), sender.newSecret().stored(), MESSAGE, revoked(), SENT_AT);

    assertThat(sent.succeeded()).isFalse();
    assertThat(sent.statusCode()).contains(307);
    assertThat(receiver.next().path()).isEqualTo("/hooks");
    assertThat(receiver.others()).isEmpty();
  }

  @Test
  void refusedConnection_isUnreachable_withoutThrowing() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    HttpWebhookSender sender = new HttpWebhookSender(TIMEOUT);
    NewSecret secret = sender.newSecret();

    Sent sent =
        sender.send(
            URI.create("http://127.0.0.1:" + closedPort + "/hooks"),
            secret.stored(),
            MESSAGE,
            revoked(),
            SENT_AT);

    assertThat(sent.succeeded()).isFalse();
    assertThat(sent.statusCode()).isEmpty();
    assertThat(sent.error().orElseThrow())
        .startsWith("could not connect")
        .doesNotContain(base64Of(secret));
  }

  /**
   * Makes one attempt first, with a long timeout: a cold JVM may spend longer than a short timeout
   * loading the HTTP client, which is not what a timeout test measures.
   */
  private void warmUp() throws InterruptedException {
    receiver.answering("/warm-up", 204);
    HttpWebhookSender patient = new HttpWebhookSender(TIMEOUT);
    Sent warm =
        patient.send(
            receiver.url("/warm-up"), patient.newSecret().stored(), MESSAGE, revoked(), SENT_AT);
    assertThat(warm.statusCode()).contains(204);
    assertThat(receiver.next().path()).isEqualTo("/warm-up");
  }

  @Test
  @Timeout(value = 20, unit = TimeUnit.SECONDS)
  void hangingReceiver_isUnreachable_onceTheTimeoutPasses() throws Exception {
    receiver.hanging("/hooks");
    warmUp();
    Duration timeout = Duration.ofSeconds(1);
    HttpWebhookSender sender = new HttpWebhookSender(timeout);

    long started = System.nanoTime();
    Sent sent =
        sender.send(
            receiver.url("/hooks"), sender.newSecret().stored(), MESSAGE, revoked(), SENT_AT);
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    assertThat(sent.statusCode()).isEmpty();
    assertThat(sent.error()).contains("timed out after 1 s");
    // A bound, not a timing: without its own timeout the sender would wait for ever.
    assertThat(took).isLessThan(timeout.plusSeconds(5));
    receiver.next();
  }

  @Test
  @Timeout(value = 20, unit = TimeUnit.SECONDS)
  void receiverThatAnswersButNeverEndsItsBody_isTakenAtItsStatus_withinTheTimeout()
      throws Exception {
    receiver.hangingInTheBody("/hooks");
    warmUp();
    Duration timeout = Duration.ofSeconds(1);
    HttpWebhookSender sender = new HttpWebhookSender(timeout);

    long started = System.nanoTime();
    Sent sent =
        sender.send(
            receiver.url("/hooks"), sender.newSecret().stored(), MESSAGE, revoked(), SENT_AT);
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    assertThat(sent.succeeded()).isTrue();
    assertThat(sent.statusCode()).contains(200);
    assertThat(took).isLessThan(timeout.plusSeconds(5));
  }

  @Test
  void newSecret_isWhsecAndBase64Of32RandomBytes_storedPlainWithoutAKeyEncryptionKey() {
    HttpWebhookSender sender = new HttpWebhookSender(TIMEOUT);

    NewSecret one = sender.newSecret();
    NewSecret two = sender.newSecret();

    assertThat(shown(one)).matches("whsec_[A-Za-z0-9+/]{43}=");
    assertThat(Base64.getDecoder().decode(base64Of(one))).hasSize(32);
    assertThat(base64Of(one)).isNotEqualTo(base64Of(two));
    assertThat(one.stored()).isEqualTo("plain:" + base64Of(one));
    assertThat(one.toString()).doesNotContain(base64Of(one));
  }

  @Test
  void sealedSecret_roundTripsUnderTheKeyEncryptionKey_andHidesTheSecret() throws Exception {
    receiver.answering("/hooks", 200);
    HttpWebhookSender sender = new HttpWebhookSender(TIMEOUT, kek);
    NewSecret secret = sender.newSecret();

    Sent sent = sender.send(receiver.url("/hooks"), secret.stored(), MESSAGE, revoked(), SENT_AT);

    assertThat(secret.stored()).doesNotStartWith("plain:").doesNotContain(base64Of(secret));
    assertThat(secret.stored().split("\\.", -1)).hasSize(5);
    String header =
        new String(
            Base64.getUrlDecoder().decode(secret.stored().split("\\.")[0]), StandardCharsets.UTF_8);
    assertThat(header).contains("\"alg\":\"dir\"").contains("\"enc\":\"A256GCM\"");
    assertThat(sent.succeeded()).isTrue();
    assertThat(StandardWebhooksReceiver.verifies(shown(secret), receiver.next())).isTrue();
  }

  @Test
  void plainSecret_madeBeforeAKeyEncryptionKey_stillSigns() throws Exception {
    receiver.answering("/hooks", 200);
    NewSecret before = new HttpWebhookSender(TIMEOUT).newSecret();
    HttpWebhookSender sealing = new HttpWebhookSender(TIMEOUT, kek);

    Sent sent = sealing.send(receiver.url("/hooks"), before.stored(), MESSAGE, revoked(), SENT_AT);

    assertThat(sent.succeeded()).isTrue();
    assertThat(StandardWebhooksReceiver.verifies(shown(before), receiver.next())).isTrue();
  }

  @Test
  void sealedSecret_underAnotherKeyEncryptionKey_failsClearly_andSendsNothing() throws Exception {
    receiver.answering("/hooks", 200);
    NewSecret secret = new HttpWebhookSender(TIMEOUT, kek).newSecret();
    HttpWebhookSender wrongKey = new HttpWebhookSender(TIMEOUT, bytes(32, 8));

    Sent sent = wrongKey.send(receiver.url("/hooks"), secret.stored(), MESSAGE, revoked(), SENT_AT);

    assertThat(sent.succeeded()).isFalse();
    assertThat(sent.statusCode()).isEmpty();
    assertThat(sent.error().orElseThrow())
        .contains("cannot be opened", "key-encryption key")
        .doesNotContain(base64Of(secret), secret.stored());
    assertThat(receiver.others()).isEmpty();
  }

  @Test
  void sealedSecret_withoutAnyKeyEncryptionKey_failsClearly() {
    NewSecret secret = new HttpWebhookSender(TIMEOUT, kek).newSecret();

    Sent sent =
        new HttpWebhookSender(TIMEOUT)
            .send(receiver.url("/hooks"), secret.stored(), MESSAGE, revoked(), SENT_AT);

    assertThat(sent.error().orElseThrow()).contains("stored sealed", "key-encryption key");
    assertThat(receiver.others()).isEmpty();
  }

  @Test
  void keyEncryptionKey_ofAnotherLength_isRefused() {
    assertThatThrownBy(() -> new HttpWebhookSender(TIMEOUT, new byte[16]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a key-encryption key must be 32 bytes");
  }
}
