package dev.keygate.bootstrap;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs {@code keygate} commands in this JVM, as the jar's main would, with their own environment,
 * working directory and captured output. Argon2 is cheap here, through the configuration.
 */
final class Cli {

  /** A token with the default prefix, as the commands print it. */
  static final Pattern TOKEN = Pattern.compile("k_live_[0-9A-Za-z]{61}");

  private Cli() {}

  /** The environment of a node on an H2 file in {@code directory}, on any free port. */
  static Map<String, String> environment(Path directory) {
    Map<String, String> environment = new HashMap<>();
    environment.put("KEYGATE_DB_URL", h2Url(directory));
    environment.put("KEYGATE_PORT", "0");
    environment.put("KEYGATE_ARGON2_MEMORY_KIB", "256");
    environment.put("KEYGATE_ARGON2_ITERATIONS", "1");
    return environment;
  }

  static String h2Url(Path directory) {
    return "jdbc:h2:file:" + directory.resolve("keygate") + ";AUTO_SERVER=TRUE";
  }

  /**
   * A launch inside a test: the process's signals are left alone, and only an explicit call stops a
   * server.
   */
  static Launch launch(
      Map<String, String> environment, Path workingDirectory, Consumer<KeygateServer> onServing) {
    return new Launch(environment, workingDirectory, onServing, stop -> {});
  }

  /** Runs a command that ends by itself, with nothing on standard input. */
  static Result run(Map<String, String> environment, Path workingDirectory, String... args) {
    return runWithInput(environment, workingDirectory, "", args);
  }

  /** Runs a command that ends by itself, with {@code input} on its standard input. */
  static Result runWithInput(
      Map<String, String> environment, Path workingDirectory, String input, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Main.execute(
            launch(environment, workingDirectory, server -> {}),
            new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
            new PrintWriter(out, true),
            new PrintWriter(err, true),
            args);
    return new Result(code, out.toString(), err.toString());
  }

  /** What a command printed, and its exit code. */
  record Result(int code, String out, String err) {

    /** Every token printed on standard output. */
    List<String> tokens() {
      return tokensIn(out);
    }

    /** The lines on standard error. */
    List<String> errLines() {
      return err.lines().toList();
    }
  }

  static List<String> tokensIn(String text) {
    Matcher matcher = TOKEN.matcher(text);
    return matcher.results().map(match -> match.group()).toList();
  }
}
