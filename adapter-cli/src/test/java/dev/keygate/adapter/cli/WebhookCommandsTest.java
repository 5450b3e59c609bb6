package dev.keygate.adapter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keygate.application.fake.TestKeygate;
import dev.keygate.domain.api.Api;
import dev.keygate.domain.event.DeliveryId;
import dev.keygate.domain.event.Webhook;
import dev.keygate.domain.event.WebhookId;
import dev.keygate.domain.owner.OrgCode;
import dev.keygate.domain.owner.Owner;
import dev.keygate.wire.WireJson;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code keygate webhooks …}, run as {@code keygate} runs its local commands but on the
 * application's in-memory fakes: the signing secret printed once, on create and rotate-secret;
 * {@code --output json} in the REST API's richer shapes; the exit codes and one-line errors of
 * every other command.
 */
class WebhookCommandsTest {

  private static final Pattern WEBHOOK_ID = Pattern.compile("webhook_[0-9a-f]{32}");
  private static final Pattern SECRET = Pattern.compile("whsec_[A-Za-z0-9+/=]{44}");

  private final TestKeygate keygate = new TestKeygate();

  {
    keygate.createOrganization("org_acme");
  }

  record Result(int code, String out, String err) {
    JsonNode json() {
      try {
        return WireJson.mapper().readTree(out);
      } catch (IOException e) {
        throw new UncheckedIOException("not JSON: " + out, e);
      }
    }
  }

  @Command(name = "keygate")
  static final class Root implements Runnable {
    @Override
    public void run() {}
  }

  private Result keygate(String... args) {
    CommandLine root = new CommandLine(new Root());
    LocalCommands.addTo(
        root,
        keygate.services,
        new LocalCommands.Settings(
            TestKeygate.OPERATOR,
            new ByteArrayInputStream(new byte[0]),
            keygate.clock,
            () -> Duration.ofMinutes(15),
            () -> "http://127.0.0.1:8080"),
        command -> {});
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    root.setOut(new PrintWriter(out, true));
    root.setErr(new PrintWriter(err, true));
    ExitCodes.install(root);
    int code = root.execute(args);
    return new Result(code, out.toString(), err.toString());
  }

  private static Result ok(Result result) {
    assertThat(result.code()).as(result.err()).isZero();
    assertThat(result.err()).isEmpty();
    return result;
  }

  private static void failsWith(Result result, int code, String line) {
    assertThat(result.code()).as(result.out()).isEqualTo(code);
    assertThat(result.err()).isEqualTo(line + "\n");
    assertThat(result.out()).isEmpty();
  }

  private static String find(Pattern pattern, String out) {
    Matcher matcher = pattern.matcher(out);
    assertThat(matcher.find()).as(out).isTrue();
    return matcher.group();
  }

  private Webhook stored(String id) {
    return keygate.webhooks.findById(new WebhookId(id)).orElseThrow();
  }

  private String create() {
    return find(
        WEBHOOK_ID,
        ok(keygate(
                "webhooks",
                "create",
                "--endpoint",
                "https://hooks.example.com/keygate",
                "--event",
                "api_key.revoked",
                "--event",
                "api_key.leaked",
                "--org",
                "org_acme"))
            .out());
  }

  @Test
  void create_printsTheSigningSecretOnce_andMakesTheWebhookAsAsked() {
    Result created =
        ok(
            keygate(
                "webhooks",
                "create",
                "--endpoint",
                "https://hooks.example.com/keygate",
                "--event",
                "api_key.revoked",
                "--event",
                "api_key.leaked",
                "--name",
                "SOC",
                "--description",
                "tells the SOC",
                "--org",
                "org_acme"));

    String id = find(WEBHOOK_ID, created.out());
    String secret = find(SECRET, created.out());
    assertThat(created.out())
        .contains("signing_secret: " + secret, "The secret is shown only now.");
    assertThat(keygate.webhooks.storedSecret(new WebhookId(id)))
        .hasValue("plain:" + secret.substring("whsec_".length()));
    Webhook webhook = stored(id);
    assertThat(webhook.name()).isEqualTo("SOC");
    assertThat(webhook.description()).hasValue("tells the SOC");
    assertThat(webhook.org()).hasValue(new OrgCode("org_acme"));
    assertThat(webhook.eventTypes())
        .extracting(type -> type.wireName())
        .containsExactlyInAnyOrder("api_key.revoked", "api_key.leaked");

    Result shown = ok(keygate("webhooks", "show", id));
    assertThat(shown.out())
        .contains("SOC", "https://hooks.example.com/keygate", "org_acme", "api_key.revoked")
        .doesNotContain(secret);
    assertThat(ok(keygate("webhooks", "list")).out()).contains(id).doesNotContain(secret);
  }

  @Test
  void create_withJsonOutput_answersTheRestApisRichShape_andANameFromTheHost() {
    Result created =
        ok(
            keygate(
                "webhooks",
                "create",
                "--endpoint",
                "http://127.0.0.1:9000/hook",
                "--event",
                "api_key.created",
                "--output",
                "json"));
    JsonNode json = created.json();
    assertThat(json.get("code").asText()).isEqualTo("WEBHOOK_CREATED");
    assertThat(json.at("/webhook/signing_secret").asText()).matches(SECRET);
    assertThat(json.at("/webhook/name").asText()).isEqualTo("127.0.0.1");
    assertThat(json.at("/webhook/event_types/0").asText()).isEqualTo("api_key.created");
    assertThat(json.at("/webhook").has("org_code")).isFalse();

    JsonNode listed = ok(keygate("webhooks", "list", "--output", "json")).json();
    assertThat(listed.at("/webhooks/0/id").asText()).isEqualTo(json.at("/webhook/id").asText());
    assertThat(listed.toString()).doesNotContain("signing_secret");
  }

  @Test
  void update_rotateSecret_andDelete_changeTheWebhook() {
    String id = create();
    String before = keygate.webhooks.storedSecret(new WebhookId(id)).orElseThrow();

    ok(keygate("webhooks", "update", id, "--name", "Renamed", "--event", "api_key.expiring"));
    assertThat(stored(id).name()).isEqualTo("Renamed");
    assertThat(stored(id).eventTypes())
        .extracting(type -> type.wireName())
        .containsExactly("api_key.expiring");
    ok(keygate("webhooks", "update", id, "--description", "d"));
    assertThat(stored(id).description()).hasValue("d");
    ok(keygate("webhooks", "update", id, "--description", ""));
    assertThat(stored(id).description()).isEmpty();

    Result rotated = ok(keygate("webhooks", "rotate-secret", id));
    String secret = find(SECRET, rotated.out());
    assertThat(rotated.out()).contains("The secret is shown only now.");
    assertThat(keygate.webhooks.storedSecret(new WebhookId(id)))
        .hasValue("plain:" + secret.substring("whsec_".length()))
        .isNotEqualTo(Optional.of(before));

    JsonNode deleted = ok(keygate("webhooks", "delete", id, "--output", "json")).json();
    assertThat(deleted.get("code").asText()).isEqualTo("WEBHOOK_DELETED");
    assertThat(keygate.webhooks.findById(new WebhookId(id))).isEmpty();
  }

  @Test
  void deliveries_listTheLog_andRedeliverSchedulesOne() {
    String id = create();
    Api api = keygate.registerApi("https://users.example.com");
    var issued = keygate.issueKey(new Owner.Org(new OrgCode("org_acme")), api);
    keygate.services.revokeApiKey().revoke(TestKeygate.OPERATOR, issued.key().id());

    Result log = ok(keygate("webhooks", "deliveries", id));
    assertThat(log.out())
        .contains("api_key.revoked", issued.key().id().value(), "pending")
        .startsWith("ID");
    JsonNode json = ok(keygate("webhooks", "deliveries", id, "--output", "json")).json();
    String deliveryId = json.at("/deliveries/0/id").asText();
    assertThat(json.at("/deliveries/0/event_type").asText()).isEqualTo("api_key.revoked");
    assertThat(json.get("has_more").asBoolean()).isFalse();

    keygate.outbox.attemptFailed(
        new DeliveryId(deliveryId),
        keygate.clock.instant(),
        Optional.of(500),
        "HTTP 500",
        Optional.empty());
    assertThat(ok(keygate("webhooks", "deliveries", id)).out()).contains("failed", "500");
    Result redelivered = ok(keygate("webhooks", "redeliver", id, deliveryId));
    assertThat(redelivered.out()).contains(deliveryId, "sent again");
    assertThat(
            keygate.outbox.findDelivery(new DeliveryId(deliveryId)).orElseThrow().status().name())
        .isEqualTo("PENDING");
  }

  @Test
  void badInput_exitsWithItsCode_andOneLineOnStandardError() {
    failsWith(
        keygate(
            "webhooks",
            "create",
            "--endpoint",
            "https://h.example.com",
            "--event",
            "api_key.nothing"),
        ExitCodes.INVALID,
        "keygate webhooks create: --event[0] must be one of api_key.created, api_key.rotated,"
            + " api_key.revoked, api_key.disabled, api_key.enabled, api_key.expiring,"
            + " api_key.expired, api_key.leaked");
    failsWith(
        keygate(
            "webhooks",
            "create",
            "--endpoint",
            "ftp://h.example.com",
            "--event",
            "api_key.created"),
        ExitCodes.INVALID,
        "keygate webhooks create: webhook endpoint must be an http or https URL");
    Result noEvent = keygate("webhooks", "create", "--endpoint", "https://h.example.com");
    assertThat(noEvent.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(noEvent.err()).startsWith("keygate webhooks create: Missing required option");
    assertThat(noEvent.err().lines()).hasSize(1);
    failsWith(
        keygate("webhooks", "show", "webhook_" + "0".repeat(32)),
        ExitCodes.NOT_FOUND,
        "keygate webhooks show: webhook webhook_" + "0".repeat(32) + " not found");
    failsWith(
        keygate("webhooks", "show", "nope"),
        ExitCodes.INVALID,
        "keygate webhooks show: webhook id must be 'webhook_' followed by 32 lowercase hex digits");
    String id = create();
    failsWith(
        keygate("webhooks", "update", id),
        ExitCodes.USAGE,
        "keygate webhooks update: give at least one of --name, --event and --description");
    failsWith(
        keygate("webhooks", "redeliver", id, "msg_" + "0".repeat(32)),
        ExitCodes.NOT_FOUND,
        "keygate webhooks redeliver: delivery msg_" + "0".repeat(32) + " not found");
    Result page = keygate("webhooks", "deliveries", id, "--limit", "0");
    assertThat(page.code()).isEqualTo(ExitCodes.USAGE);
    Result nothing = keygate("webhooks");
    assertThat(nothing.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(nothing.err())
        .contains("create, list, show, update, delete, rotate-secret, deliveries, redeliver");
  }
}
