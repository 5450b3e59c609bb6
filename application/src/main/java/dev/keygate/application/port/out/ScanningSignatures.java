package dev.keygate.application.port.out;

/**
 * The public keys of the secret scanners the operator trusts (GitHub's, in the format GitHub
 * publishes them), read once from configuration: a report is believed only under a signature one of
 * them verifies. Nothing is fetched at run time.
 */
public interface ScanningSignatures {

  /** Whether any scanner's key is configured; without one, reports are not received at all. */
  boolean configured();

  /**
   * Whether {@code signature} (base64 of an ECDSA P-256 SHA-256 signature in DER) signs {@code
   * body} under the key named {@code keyIdentifier}. False for an unknown key or a malformed
   * signature; never throws for them.
   */
  boolean verifies(String keyIdentifier, String signature, byte[] body);
}
