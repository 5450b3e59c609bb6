package dev.keygate.adapter.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitHubScanningKeysTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CURRENT_ID =
      "bcb53661c06b4728e59d897fb6165d5c9cda0fd9cdf9d09ead458168deb7518c";
  private static final String OLD_ID =
      "90a421169f0a406205f1563a953312f0be898d3c7b6c06b681aa86a874555f4a";
  private static final byte[] REPORT =
      ("[{\"token\":\"kg_live_abc\",\"type\":\"keygate_api_key\","
              + "\"url\":\"https://github.com/acme/app/blob/main/.env\",\"source\":\"content\"}]")
          .getBytes(StandardCharsets.UTF_8);

  @TempDir Path directory;

  private final KeyPair current = ecKeyPair("secp256r1");
  private final KeyPair old = ecKeyPair("secp256r1");

  private static KeyPair ecKeyPair(String curve) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec(curve));
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }

  /** A public key as GitHub publishes it: PEM of the SubjectPublicKeyInfo, 64-character lines. */
  private static String pem(PublicKey key) {
    return "-----BEGIN PUBLIC KEY-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
            .encodeToString(key.getEncoded())
        + "\n-----END PUBLIC KEY-----\n";
  }

  /** Signs {@code body} as GitHub does: ECDSA P-256 with SHA-256, DER, base64. */
  private static String sign(PrivateKey key, byte[] body) {
    try {
      Signature signer = Signature.getInstance("SHA256withECDSA");
      signer.initSign(key);
      signer.update(body);
      return Base64.getEncoder().encodeToString(signer.sign());
    } catch (GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }

  private static ObjectNode entry(String identifier, String key, boolean current) {
    ObjectNode entry = JSON.createObjectNode();
    entry.put("key_identifier", identifier);
    entry.put("key", key);
    entry.put("is_current", current);
    return entry;
  }

  private Path write(ObjectNode... entries) throws IOException {
    ObjectNode root = JSON.createObjectNode();
    ArrayNode keys = root.putArray("public_keys");
    for (ObjectNode entry : entries) {
      keys.add(entry);
    }
    return write(JSON.writeValueAsString(root));
  }

  private Path write(String content) throws IOException {
    Path file = directory.resolve("secret_scanning.json");
    Files.writeString(file, content);
    return file;
  }

  private GitHubScanningKeys bothKeys() throws IOException {
    return GitHubScanningKeys.load(
        write(
            entry(OLD_ID, pem(old.getPublic()), false),
            entry(CURRENT_ID, pem(current.getPublic()), true)));
  }

  @Test
  void currentKey_verifiesGitHubsSignatureOverTheRawBody() throws IOException {
    GitHubScanningKeys keys = bothKeys();

    assertThat(keys.configured()).isTrue();
    assertThat(keys.verifies(CURRENT_ID, sign(current.getPrivate(), REPORT), REPORT)).isTrue();
  }

  @Test
  void listedKeyThatIsNotCurrent_stillVerifies() throws IOException {
    GitHubScanningKeys keys = bothKeys();

    assertThat(keys.verifies(OLD_ID, sign(old.getPrivate(), REPORT), REPORT)).isTrue();
  }

  @Test
  void tamperedBody_doesNotVerify() throws IOException {
    GitHubScanningKeys keys = bothKeys();
    String signature = sign(current.getPrivate(), REPORT);
    byte[] tampered =
        new String(REPORT, StandardCharsets.UTF_8)
            .replace("content", "commit")
            .getBytes(StandardCharsets.UTF_8);

    assertThat(keys.verifies(CURRENT_ID, signature, tampered)).isFalse();
  }

  @Test
  void anotherKeysSignature_underThisKeysIdentifier_doesNotVerify() throws IOException {
    GitHubScanningKeys keys = bothKeys();
    KeyPair stranger = ecKeyPair("secp256r1");

    assertThat(keys.verifies(CURRENT_ID, sign(stranger.getPrivate(), REPORT), REPORT)).isFalse();
    assertThat(keys.verifies(CURRENT_ID, sign(old.getPrivate(), REPORT), REPORT)).isFalse();
  }

  @Test
  void unknownIdentifier_doesNotVerify() throws IOException {
    GitHubScanningKeys keys = bothKeys();

    assertThat(keys.verifies("no-such-key", sign(current.getPrivate(), REPORT), REPORT)).isFalse();
    assertThat(keys.verifies(null, sign(current.getPrivate(), REPORT), REPORT)).isFalse();
  }

  @Test
  void garbageSignatures_doNotVerify_andNeverThrow() throws IOException {
    GitHubScanningKeys keys = bothKeys();
    byte[] der = Base64.getDecoder().decode(sign(current.getPrivate(), REPORT));
    byte[] truncated = java.util.Arrays.copyOf(der, der.length - 3);

    assertThat(keys.verifies(CURRENT_ID, "%%% not base64 %%%", REPORT)).isFalse();
    assertThat(keys.verifies(CURRENT_ID, "AAAA", REPORT)).isFalse();
    assertThat(keys.verifies(CURRENT_ID, "", REPORT)).isFalse();
    assertThat(keys.verifies(CURRENT_ID, null, REPORT)).isFalse();
    assertThat(keys.verifies(CURRENT_ID, Base64.getEncoder().encodeToString(truncated), REPORT))
        .isFalse();
    assertThat(keys.verifies(CURRENT_ID, sign(current.getPrivate(), REPORT), null)).isFalse();
  }

  @Test
  void githubsDocumentedSampleRequest_verifies() throws IOException {
    // The key and signed request GitHub's secret scanning partner documentation shows, verbatim.
    GitHubScanningKeys keys =
        GitHubScanningKeys.load(
            write(
                entry(
                    CURRENT_ID,
                    "-----BEGIN PUBLIC KEY-----\n"
                        + "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEYAGMWO8XgCamYKMJS6jc/qgvSlAd\n"
                        + "AjPuDPRcXU22YxgBrz+zoN19MzuRyW87qEt9/AmtoNP5GrobzUvQSyJFVw==\n"
                        + "-----END PUBLIC KEY-----\n",
                    true)));
    byte[] body =
        ("[{\"source\":\"commit\",\"token\":\"some_token\",\"type\":\"some_type\","
                + "\"url\":\"https://example.com/base-repo-url/\"}]")
            .getBytes(StandardCharsets.UTF_8);
    String signature =
        "MEQCIQDaMKqrGnE27S0kgMrEK0eYBmyG0LeZismAEz/BgZyt7AIfXt9fErtRS4XaeSt/AO1RtBY66YcAdjxji410VQV4xg==";

    assertThat(keys.verifies(CURRENT_ID, signature, body)).isTrue();
    assertThat(keys.verifies(CURRENT_ID, signature, REPORT)).isFalse();
  }

  @Test
  void none_isNotConfigured_andVerifiesNothing() {
    GitHubScanningKeys keys = GitHubScanningKeys.none();

    assertThat(keys.configured()).isFalse();
    assertThat(keys.verifies(CURRENT_ID, sign(current.getPrivate(), REPORT), REPORT)).isFalse();
  }

  @Test
  void keyOnAnotherCurve_isRefusedAtLoad() throws IOException {
    Path file =
        write(
            entry(CURRENT_ID, pem(current.getPublic()), true),
            entry(OLD_ID, pem(ecKeyPair("secp384r1").getPublic()), false));

    assertThatThrownBy(() -> GitHubScanningKeys.load(file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "secret scanning keys file " + file + ": public_keys[1].key is not on the P-256 curve");
  }

  @Test
  void rsaKey_isRefusedAtLoad() throws Exception {
    KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
    rsa.initialize(2048);
    Path file = write(entry(CURRENT_ID, pem(rsa.generateKeyPair().getPublic()), true));

    assertThatThrownBy(() -> GitHubScanningKeys.load(file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "secret scanning keys file " + file + ": public_keys[0].key is not an EC public key");
  }

  @Test
  void missingFile_isRefusedInOneLineNamingIt() {
    Path file = directory.resolve("absent.json");

    assertThatThrownBy(() -> GitHubScanningKeys.load(file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("secret scanning keys file " + file + ": no such file");
  }

  @Test
  void malformedFiles_areRefusedInOneLineNamingTheFileAndTheProblem() throws IOException {
    assertRefused("", "is empty");
    assertRefused("{\"public_keys\": [", "is not JSON (line 1, column 18)");
    assertRefused("<html>rate limited</html>", "is not JSON (line 1, column 1)");
    assertRefused("[]", "has no \"public_keys\" array (GitHub's secret scanning keys format)");
    assertRefused(
        "{\"keys\":[]}", "has no \"public_keys\" array (GitHub's secret scanning keys format)");
    assertRefused("{\"public_keys\":[]}", "lists no public keys");
    assertRefused(
        "{\"public_keys\":[{\"key\":\"x\",\"is_current\":true}]}",
        "public_keys[0] has no \"key_identifier\" string");
    assertRefused(
        "{\"public_keys\":[{\"key_identifier\":\"k1\",\"is_current\":true}]}",
        "public_keys[0] has no \"key\" string");
    assertRefused(
        "{\"public_keys\":[{\"key_identifier\":\"k1\",\"key\":\"MFkwEwYHKoZIzj0CAQYIKo\"}]}",
        "public_keys[0].key is not a PEM public key (-----BEGIN PUBLIC KEY-----)");
    assertRefused(
        "{\"public_keys\":[{\"key_identifier\":\"k1\",\"key\":"
            + "\"-----BEGIN PUBLIC KEY-----\\nbm90IGEga2V5\\n-----END PUBLIC KEY-----\"}]}",
        "public_keys[0].key is not an EC public key");
    String key = JSON.writeValueAsString(pem(current.getPublic()));
    assertRefused(
        "{\"public_keys\":[{\"key_identifier\":\"k1\",\"key\":"
            + key
            + "},{\"key_identifier\":\"k1\",\"key\":"
            + key
            + "}]}",
        "public_keys[1] repeats key_identifier k1");
  }

  private void assertRefused(String content, String problem) throws IOException {
    Path file = write(content);

    assertThatThrownBy(() -> GitHubScanningKeys.load(file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("secret scanning keys file " + file + ": " + problem)
        .hasNoCause();
  }
}
