package dev.keygate.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.keygate.application.fake.TestKeygate;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * A token that a careless client puts in the request path, as a segment, a path parameter or
 * percent-encoded, reaches no log line: the access line keeps the rest of the path.
 */
class AccessLogPathsTest {

  private final RestFixture rest = new RestFixture();
  private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
  private final Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
  private final Logger access = (Logger) LoggerFactory.getLogger("keygate.access");
  private Level accessLevel;

  @BeforeEach
  void listenToEveryLogLine() {
    accessLevel = access.getLevel();
    access.setLevel(Level.INFO);
    lines.start();
    root.addAppender(lines);
  }

  @AfterEach
  void stop() {
    root.detachAppender(lines);
    access.setLevel(accessLevel);
    rest.close();
  }

  @Test
  void givenATokenInThePath_asASegmentAParameterOrPercentEncoded_noLogLineHoldsIt() {
    String token = rest.rootKey;
    String secret = TestKeygate.secretOf(token);
    String encoded = percentEncodeEveryCharacter(token);
    // The method and target as sent, and what the access line must say instead.
    Map<String, String> loggedAs = new LinkedHashMap<>();
    loggedAs.put("GET /api/v1/api_keys/" + token, "GET /api/v1/api_keys/[redacted] ");
    loggedAs.put("GET /api/v1/api_keys/" + secret, "GET /api/v1/api_keys/[redacted] ");
    loggedAs.put("GET /api/v1/api_keys/x;k=" + token, "GET /api/v1/api_keys/x ");
    loggedAs.put(
        "POST /api/v1/api_keys/verify;jsessionid=" + token, "POST /api/v1/api_keys/verify ");
    loggedAs.put("GET /api;k=" + token + "/v1/api_keys", "GET /api/v1/api_keys ");
    loggedAs.put("GET /api/v1/api_keys/x%3Bk=" + token, "GET /api/v1/api_keys/[redacted] ");
    loggedAs.put("GET /api/v1/api_keys/x%253Bk=" + token, "GET /api/v1/api_keys/[redacted] ");
    loggedAs.put("GET /api/v1/api_keys/" + encoded, "GET /api/v1/api_keys/[redacted] ");
    loggedAs.put(
        "GET /api/v1/api_keys/" + token.replace("_", "%5F"), "GET /api/v1/api_keys/[redacted] ");
    loggedAs.put("GET /portal/" + token + "/keys", "GET /portal/[redacted]/keys ");
    RawHttp raw = new RawHttp(rest.server().port());

    SoftAssertions each = new SoftAssertions();
    loggedAs.forEach(
        (request, line) -> {
          String target = request.substring(request.indexOf(' ') + 1);
          int before = accessLines().size();
          RawHttp.Response answer =
              raw.send(
                  new RawHttp.Request(
                      request.substring(0, request.indexOf(' ')),
                      target,
                      List.of(
                          RawHttp.header("Authorization", "Bearer " + token),
                          RawHttp.header("Content-Type", "application/json")),
                      "{\"api_key\":\"x\"}".getBytes(StandardCharsets.UTF_8),
                      false));

          each.assertThat(answer.status()).as(target).isLessThan(500);
          each.assertThat(accessLineAfter(before)).as(target).contains(line);
        });
    each.assertAll();

    for (String logged : everyLine()) {
      assertThat(logged)
          .doesNotContain(token)
          .doesNotContain(secret)
          .doesNotContain(encoded)
          .doesNotContain(secret.substring(0, 24))
          .doesNotContain(secret.substring(secret.length() - 24));
    }
  }

  @Test
  void givenKeygatesOwnIdsAndWords_theAccessLineKeepsThePathAsSent() {
    String keyId = "api_key_" + "0123456789abcdef".repeat(2);
    for (String path :
        List.of(
            "/api/v1/api_keys/" + keyId,
            "/api/v1/apis/api_" + "0".repeat(32) + "/scopes/api_scope_" + "f".repeat(32),
            "/console",
            "/docs/index.html",
            "/api/v1/organizations/org_acme%2Dwest")) {
      int before = accessLines().size();
      rest.get(path);

      assertThat(accessLineAfter(before)).as(path).contains("GET " + path + " ");
    }
  }

  private List<String> everyLine() {
    synchronized (lines) {
      return lines.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }
  }

  private List<String> accessLines() {
    synchronized (lines) {
      return lines.list.stream()
          .filter(event -> event.getLoggerName().equals("keygate.access"))
          .map(ILoggingEvent::getFormattedMessage)
          .toList();
    }
  }

  /**
   * The access line written after the first {@code before}: the server writes it after answering.
   */
  private String accessLineAfter(int before) {
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (accessLines().size() <= before && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    List<String> written = accessLines();
    assertThat(written).hasSizeGreaterThan(before);
    return written.get(before);
  }

  private static String percentEncodeEveryCharacter(String text) {
    StringBuilder encoded = new StringBuilder();
    for (byte b : text.getBytes(StandardCharsets.US_ASCII)) {
      encoded.append('%').append(String.format("%02X", b));
    }
    return encoded.toString();
  }
}
