package dev.keygate.application.port.in;

import dev.keygate.domain.Checks;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A secret scanner's report of tokens found in public, as GitHub's secret scanning partner program
 * posts it, with its signature.
 *
 * @param body the request body exactly as received, which the signature signs
 * @param keyIdentifier which of the scanner's public keys signed it
 * @param signature base64 of the ECDSA signature
 * @param findings the report's entries, read from {@code body}
 */
public record ScanningReport(
    byte[] body, String keyIdentifier, String signature, List<Finding> findings) {

  public ScanningReport {
    body = Checks.required("report body", body).clone();
    Checks.required("key identifier", keyIdentifier);
    Checks.required("signature", signature);
    findings = List.copyOf(Checks.required("findings", findings));
  }

  /**
   * One token found.
   *
   * @param type the scanner's name for the kind of token
   * @param url where it was found
   * @param source where the scanner looked, such as {@code content} or {@code commit}
   */
  public record Finding(String token, String type, Optional<String> url, Optional<String> source) {
    public Finding {
      Objects.requireNonNull(token, "token");
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(url, "url");
      Objects.requireNonNull(source, "source");
    }

    @Override
    public String toString() {
      return "Finding[type=" + type + ", url=" + url.orElse("") + "]";
    }
  }

  @Override
  public String toString() {
    return "ScanningReport[" + findings.size() + " findings, key " + keyIdentifier + "]";
  }
}
