package dev.keygate.domain.token;

import java.util.Arrays;

/**
 * A whole token in plain text, held only until it is handed to its owner once. It never prints:
 * {@link #toString()} answers {@code ***}.
 */
public final class PlaintextKey {

  private final char[] token;

  PlaintextKey(char[] token) {
    this.token = token;
  }

  /** The token, for the one answer that shows it to its owner. */
  public String reveal() {
    return new String(token);
  }

  /** What people see of a key's end: its last {@value TokenFormat#SUFFIX_LENGTH} characters. */
  public String suffix() {
    return new String(token, token.length - TokenFormat.SUFFIX_LENGTH, TokenFormat.SUFFIX_LENGTH);
  }

  /** Overwrites the characters held here; {@link #reveal()} answers blanks afterwards. */
  public void wipe() {
    Arrays.fill(token, '\0');
  }

  @Override
  public String toString() {
    return "***";
  }
}
