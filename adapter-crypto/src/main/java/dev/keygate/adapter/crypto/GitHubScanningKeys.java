package dev.keygate.adapter.crypto;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.keygate.application.port.out.ScanningSignatures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@link ScanningSignatures} from GitHub's secret scanning public keys, in the JSON GitHub serves
 * at {@code api.github.com/meta/public_keys/secret_scanning}: every listed key verifies, the
 * current one and those GitHub is rotating away from. Keys are ECDSA P-256; a signature is the
 * base64 of a DER ECDSA signature with SHA-256 over the raw report body.
 */
public final class GitHubScanningKeys implements ScanningSignatures {

  private static final String SIGNATURE_ALGORITHM = "SHA256withECDSA";
  private static final String PEM_BEGIN = "-----BEGIN PUBLIC KEY-----";
  private static final String PEM_END = "-----END PUBLIC KEY-----";

  /**
   * What reading a key file needs, made at the first file read rather than when a deployment
   * without one starts: Jackson's mapper and the curve are a good part of a short command's run.
   */
  private static final class Parsing {
    static final ObjectMapper JSON = JsonMapper.builder().build();
    static final ECParameterSpec P256 = p256();
  }

  private final Map<String, PublicKey> keys;

  private GitHubScanningKeys(Map<String, PublicKey> keys) {
    this.keys = Map.copyOf(keys);
  }

  /** No scanner configured: reports are not received, and nothing verifies. */
  public static GitHubScanningKeys none() {
    return new GitHubScanningKeys(Map.of());
  }

  /**
   * The keys listed in {@code file}.
   *
   * @throws IllegalArgumentException in one line naming the file and what is wrong with it: it
   *     cannot be read, is not JSON, is not shaped as GitHub's, lists no key, or lists a key that
   *     is not an EC P-256 public key
   */
  public static GitHubScanningKeys load(Path file) {
    byte[] content;
    try {
      content = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw refused(file, "no such file");
    } catch (AccessDeniedException e) {
      throw refused(file, "permission denied");
    } catch (IOException e) {
      throw refused(file, "cannot be read (" + e.getClass().getSimpleName() + ")");
    }
    if (new String(content, StandardCharsets.UTF_8).isBlank()) {
      throw refused(file, "is empty");
    }
    JsonNode root;
    try {
      root = Parsing.JSON.readTree(content);
    } catch (JsonProcessingException e) {
      throw refused(file, "is not JSON" + where(e.getLocation()));
    } catch (IOException e) {
      throw refused(file, "is not JSON");
    }
    if (root == null || !root.isObject() || !root.path("public_keys").isArray()) {
      throw refused(file, "has no \"public_keys\" array (GitHub's secret scanning keys format)");
    }
    JsonNode listed = root.get("public_keys");
    if (listed.isEmpty()) {
      throw refused(file, "lists no public keys");
    }
    Map<String, PublicKey> keys = new LinkedHashMap<>();
    for (int i = 0; i < listed.size(); i++) {
      JsonNode entry = listed.get(i);
      String at = "public_keys[" + i + "]";
      if (!entry.path("key_identifier").isTextual()
          || entry.get("key_identifier").asText().isBlank()) {
        throw refused(file, at + " has no \"key_identifier\" string");
      }
      String identifier = entry.get("key_identifier").asText();
      if (!entry.path("key").isTextual()) {
        throw refused(file, at + " has no \"key\" string");
      }
      if (keys.containsKey(identifier)) {
        throw refused(file, at + " repeats key_identifier " + identifier);
      }
      keys.put(identifier, p256Key(file, at, entry.get("key").asText()));
    }
    return new GitHubScanningKeys(keys);
  }

  @Override
  public boolean configured() {
    return !keys.isEmpty();
  }

  @Override
  public boolean verifies(String keyIdentifier, String signature, byte[] body) {
    if (keyIdentifier == null || signature == null || body == null) {
      return false;
    }
    PublicKey key = keys.get(keyIdentifier);
    if (key == null) {
      return false;
    }
    try {
      byte[] der = Base64.getDecoder().decode(signature.strip());
      Signature verifier = Signature.getInstance(SIGNATURE_ALGORITHM);
      verifier.initVerify(key);
      verifier.update(body);
      return verifier.verify(der);
    } catch (GeneralSecurityException | IllegalArgumentException malformed) {
      return false;
    }
  }

  /** The EC P-256 public key in {@code pem}, a PEM "PUBLIC KEY" (X.509 SubjectPublicKeyInfo). */
  private static PublicKey p256Key(Path file, String at, String pem) {
    String text = pem.strip();
    if (!text.startsWith(PEM_BEGIN) || !text.endsWith(PEM_END)) {
      throw refused(file, at + ".key is not a PEM public key (" + PEM_BEGIN + ")");
    }
    String base64 =
        text.substring(PEM_BEGIN.length(), text.length() - PEM_END.length()).replaceAll("\\s", "");
    PublicKey key;
    try {
      key =
          KeyFactory.getInstance("EC")
              .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
    } catch (IllegalArgumentException | GeneralSecurityException e) {
      throw refused(file, at + ".key is not an EC public key");
    }
    if (!(key instanceof ECPublicKey ec) || !isP256(ec.getParams())) {
      throw refused(file, at + ".key is not on the P-256 curve");
    }
    return key;
  }

  private static boolean isP256(ECParameterSpec params) {
    return params.getCurve().equals(Parsing.P256.getCurve())
        && params.getGenerator().equals(Parsing.P256.getGenerator())
        && params.getOrder().equals(Parsing.P256.getOrder())
        && params.getCofactor() == Parsing.P256.getCofactor();
  }

  private static ECParameterSpec p256() {
    try {
      AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
      parameters.init(new ECGenParameterSpec("secp256r1"));
      return parameters.getParameterSpec(ECParameterSpec.class);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this Java runtime has no EC P-256 (secp256r1)", e);
    }
  }

  private static String where(JsonLocation location) {
    return location == null || location.getLineNr() < 1
        ? ""
        : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
  }

  private static IllegalArgumentException refused(Path file, String problem) {
    return new IllegalArgumentException("secret scanning keys file " + file + ": " + problem);
  }

  @Override
  public String toString() {
    return "GitHubScanningKeys" + keys.keySet();
  }
}
