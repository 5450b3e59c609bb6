package dev.keygate.application.port.in;

import java.util.Arrays;
import java.util.Objects;

/**
 * A secret in plain text: an application's client secret or a signed access token, held only until
 * it is handed over once. It never prints: {@link #toString()} answers {@code ***}.
 */
public final class Secret {

  private final char[] value;

  public Secret(char[] value) {
    this.value = Objects.requireNonNull(value, "secret").clone();
  }

  public static Secret of(String value) {
    return new Secret(Objects.requireNonNull(value, "secret").toCharArray());
  }

  /** The secret, for the one answer that shows it, or the one check that reads it. */
  public String reveal() {
    return new String(value);
  }

  /** The characters, for a hasher. */
  public char[] chars() {
    return value.clone();
  }

  /** Overwrites the characters held here. */
  public void wipe() {
    Arrays.fill(value, '\0');
  }

  @Override
  public String toString() {
    return "***";
  }
}
