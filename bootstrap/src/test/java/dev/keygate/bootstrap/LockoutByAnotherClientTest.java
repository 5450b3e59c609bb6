package dev.keygate.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keygate.application.fake.TestKeygate;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whoever knows a key's lookup cannot lock its holder out: failed attempts count per client
 * network, so a flood of forged bearer tokens (right checksum, known lookup, wrong secret) from one
 * address locks out that address only, while the real key keeps working from another. The server is
 * {@code keygate serve} with the real failed-attempt limit, over real HTTP; 127.0.0.1 and 127.0.0.2
 * are both loopback, and the holder's key was never proven on this node before.
 */
class LockoutByAnotherClientTest {

  private static final Pattern STATUS = Pattern.compile("HTTP/1\\.1 (\\d{3})");

  @TempDir Path directory;

  @Test
  void givenForgedFloodFromOneAddress_theRightKeyFromAnotherAddress_keepsSucceeding()
      throws IOException {
    try (ServingKeygate keygate = ServingKeygate.serve(directory)) {
      String root = keygate.printedTokens().get(0);
      String holders =
          keygate
              .post(
                  "/api/v1/api_keys",
                  """
                  {"name":"the holder's key","api_id":"%s","scope_ids":["read:api_keys"],
                   "org_code":"keygate-operator"}
                  """
                      .formatted(managementApiId(keygate, root)),
                  root)
              .hasStatus(201)
              .text("/api_key/key");
      String forged = TestKeygate.withWrongSecret(holders);
      int port = keygate.server().port();

      int lockedOut = 0;
      for (int i = 0; i < 30; i++) {
        int status = get(port, "127.0.0.1", forged);
        assertThat(status).isIn(401, 429);
        lockedOut += status == 429 ? 1 : 0;
      }

      assertThat(lockedOut).as("the flooding address is locked out").isGreaterThan(0);
      assertThat(get(port, "127.0.0.1", holders))
          .as("the right key, never proven, from the flooding address: waits like a guess")
          .isEqualTo(429);
      for (int i = 0; i < 5; i++) {
        assertThat(get(port, "127.0.0.2", holders))
            .as("the right key from another address")
            .isEqualTo(200);
      }
      assertThat(get(port, "127.0.0.1", holders))
          .as("once proven, the right key is not refused from anywhere")
          .isEqualTo(200);
    }
  }

  private static String managementApiId(ServingKeygate keygate, String root) {
    for (JsonNode api : keygate.get("/api/v1/apis", root).json().get("apis")) {
      if (api.get("is_management_api").asBoolean()) {
        return api.get("id").asText();
      }
    }
    throw new AssertionError("no management api");
  }

  /** {@code GET /api/v1/api_keys} with a bearer, sent from {@code from}; its status. */
  private static int get(int port, String from, String bearer) {
    try (Socket socket = new Socket()) {
      socket.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5_000);
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("GET /api/v1/api_keys?page_size=1 HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                  + bearer
                  + "\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      String answer = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
      Matcher status = STATUS.matcher(answer);
      if (!status.lookingAt()) {
        throw new AssertionError("not an HTTP answer: " + answer);
      }
      return Integer.parseInt(status.group(1));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
