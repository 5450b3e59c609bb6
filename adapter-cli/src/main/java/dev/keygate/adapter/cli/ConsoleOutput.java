package dev.keygate.adapter.cli;

import java.io.PrintWriter;
import java.nio.charset.Charset;

/**
 * The process's standard output and error streams: the one class allowed to touch {@code
 * System.out} and {@code System.err}. Commands write to the writers picocli hands them.
 */
public final class ConsoleOutput {

  private ConsoleOutput() {}

  /** Standard output, flushed on every line. */
  public static PrintWriter out() {
    return new PrintWriter(System.out, true, Charset.defaultCharset());
  }

  /** Standard error, flushed on every line. */
  public static PrintWriter err() {
    return new PrintWriter(System.err, true, Charset.defaultCharset());
  }
}
