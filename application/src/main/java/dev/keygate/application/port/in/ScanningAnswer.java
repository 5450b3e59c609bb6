package dev.keygate.application.port.in;

import java.util.List;
import java.util.Objects;

/** What a secret scanner's report is answered. */
public sealed interface ScanningAnswer
    permits ScanningAnswer.NotConfigured, ScanningAnswer.Unverified, ScanningAnswer.Labelled {

  /** No scanner's key is configured: reports are not received. */
  record NotConfigured() implements ScanningAnswer {}

  /** The signature is missing, names an unknown key, or does not verify: nothing was done. */
  record Unverified() implements ScanningAnswer {}

  /** The report was acted on: one label per finding, in the report's order. */
  record Labelled(List<Label> labels) implements ScanningAnswer {
    public Labelled {
      labels = List.copyOf(labels);
    }
  }

  /**
   * The partner program's feedback on one token.
   *
   * @param tokenHash the SHA-256 of the token, in lowercase hex: the token itself is never echoed
   * @param tokenType the type the scanner gave it
   * @param truePositive whether it is a secret of a key of this deployment
   */
  record Label(String tokenHash, String tokenType, boolean truePositive) {
    public Label {
      Objects.requireNonNull(tokenHash, "token hash");
      Objects.requireNonNull(tokenType, "token type");
    }
  }
}
