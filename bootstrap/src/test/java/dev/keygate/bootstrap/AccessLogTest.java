package dev.keygate.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import dev.keygate.application.fake.TestKeygate;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * A whole key lifecycle over HTTP logged as the runnable jar logs ({@link RunnableJarLogging}): the
 * console log has an access line per request, and neither the log nor the H2 files hold a token, a
 * secret or an Authorization header, not even a token a client put in the request path.
 */
class AccessLogTest {

  @TempDir Path directory;

  private final ByteArrayOutputStream console = new ByteArrayOutputStream();
  private PrintStream standardError;

  @BeforeEach
  void logLikeTheRunnableJar() throws JoranException {
    standardError = System.err;
    System.setErr(new PrintStream(console, true, StandardCharsets.UTF_8));
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    context.reset();
    RunnableJarLogging.configure(context, Optional.empty());
  }

  @AfterEach
  void logLikeTheTests() throws JoranException {
    System.setErr(standardError);
    configureLogback("/logback-test.xml");
  }

  @Test
  void afterAWholeLifecycle_noTokenNorSecretIsInTheLogOrTheDatabaseFiles() throws IOException {
    Deployment deployment = Deployment.prepare(directory);
    List<String> tokens = new ArrayList<>();
    try (ServingKeygate server = ServingKeygate.serve(directory)) {
      String root = server.printedTokens().get(0);
      tokens.add(root);
      ServingKeygate.Answer orgKey =
          server
              .post("/api/v1/api_keys", deployment.orgKeyRequest("Production", "read:users"), root)
              .hasStatus(201);
      ServingKeygate.Answer userKey =
          server
              .post("/api/v1/api_keys", deployment.userKeyRequest("Laptop", "read:users"), root)
              .hasStatus(201);
      String orgKeyId = orgKey.text("/api_key/id");
      tokens.add(orgKey.text("/api_key/key"));
      tokens.add(userKey.text("/api_key/key"));

      server.get("/api/v1/api_keys/" + orgKeyId, root).hasStatus(200);
      server.get("/api/v1/api_keys?org_code=org_acme", root).hasStatus(200);
      verify(server, root, tokens.get(1), "API_KEY_VERIFIED");
      verify(server, root, TestKeygate.withWrongSecret(tokens.get(1)), "API_KEY_INVALID");
      ServingKeygate.Answer rotated =
          server.send("PUT", "/api/v1/api_keys/" + orgKeyId, null, root).hasStatus(201);
      tokens.add(rotated.text("/api_key/key"));
      verify(server, root, tokens.get(3), "API_KEY_VERIFIED");
      verify(server, root, tokens.get(1), "API_KEY_INVALID");
      server.send("DELETE", "/api/v1/api_keys/" + orgKeyId, null, root).hasStatus(200);
      verify(server, root, tokens.get(3), "API_KEY_REVOKED");
      server.get("/api/v1/api_keys", "k_live_not-a-key").hasStatus(401);
      // A careless client's key in the path: as a segment, a path parameter, percent-encoded.
      server.get("/api/v1/api_keys/" + tokens.get(2), root).hasStatus(404);
      server.get("/api/v1/api_keys/" + orgKeyId + ";k=" + tokens.get(2), root).hasStatus(404);
      server.get("/api/v1/api_keys/x%3Bk=" + tokens.get(2), root).hasStatus(404);
      assertThat(server.stop()).isZero();
    }

    String log = console.toString(StandardCharsets.UTF_8);
    assertThat(log)
        .contains("keygate.access - POST /api/v1/api_keys 201 ")
        .containsPattern("keygate.access - PUT /api/v1/api_keys/api_key_[0-9a-f]{32} 201 ")
        .contains("keygate.access - GET /api/v1/api_keys 200 ")
        .contains("keygate.access - POST /api/v1/api_keys/verify 200 ")
        .contains("keygate.access - GET /api/v1/api_keys 401 ")
        .contains("keygate.access - GET /api/v1/api_keys/[redacted] 404 ")
        .contains("keygate.access - GET /api/v1/api_keys/" + orgKeyIdOf(log) + " 404 ")
        .doesNotContain("Bearer")
        .doesNotContain("Authorization")
        .doesNotContain("org_code=org_acme")
        .doesNotContain("k_live_not-a-key")
        .doesNotContain(" DEBUG ");
    String files = everyFileAsText();
    for (String token : tokens) {
      String secret = TestKeygate.secretOf(token);
      assertThat(log).doesNotContain(token).doesNotContain(secret);
      assertThat(files).doesNotContain(token).doesNotContain(secret);
    }
    assertThat(files).contains(orgKeyIdOf(log));
  }

  private static void verify(ServingKeygate server, String root, String token, String code) {
    ServingKeygate.Answer answer =
        server
            .post(
                "/api/v1/api_keys/verify",
                ServeCommandTest.verifyRequest(token, "read:users"),
                root)
            .hasStatus(200);
    assertThat(answer.text("/code")).isEqualTo(code);
  }

  private static String orgKeyIdOf(String log) {
    return log.lines()
        .filter(line -> line.contains("keygate.access - DELETE /api/v1/api_keys/"))
        .map(line -> line.replaceAll(".*/api/v1/api_keys/(api_key_[0-9a-f]{32}).*", "$1"))
        .findFirst()
        .orElseThrow();
  }

  private String everyFileAsText() throws IOException {
    StringBuilder text = new StringBuilder();
    try (Stream<Path> files = Files.walk(directory)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        text.append(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
      }
    }
    return text.toString();
  }

  private static void configureLogback(String resource) throws JoranException {
    URL configuration = AccessLogTest.class.getResource(resource);
    assertThat(configuration).as(resource).isNotNull();
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    context.reset();
    JoranConfigurator configurator = new JoranConfigurator();
    configurator.setContext(context);
    configurator.doConfigure(configuration);
  }
}
