package dev.keygate.adapter.crypto;

/**
 * Argon2id cost parameters. {@link #OWASP} (19 MiB, two passes, one lane) is what a deployment gets
 * unless it configures otherwise; tests may choose cheaper ones.
 *
 * @param memoryKib memory per hash in KiB
 * @param iterations passes over the memory
 * @param parallelism lanes
 */
public record Argon2Parameters(int memoryKib, int iterations, int parallelism) {

  /** OWASP's recommended minimum for Argon2id: m=19456, t=2, p=1. */
  public static final Argon2Parameters OWASP = new Argon2Parameters(19_456, 2, 1);

  public Argon2Parameters {
    if (parallelism < 1 || parallelism > 64) {
      throw new IllegalArgumentException("argon2 parallelism must be 1-64, was " + parallelism);
    }
    if (iterations < 1) {
      throw new IllegalArgumentException("argon2 iterations must be at least 1, was " + iterations);
    }
    if (memoryKib < 8 * parallelism) {
      throw new IllegalArgumentException(
          "argon2 memory must be at least 8 KiB per lane ("
              + 8 * parallelism
              + "), was "
              + memoryKib);
    }
  }
}
