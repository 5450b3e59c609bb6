package dev.keygate.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code keygate} command in a JVM of its own, started as the runnable jar starts it (through
 * {@link Main#main}, on the test's classpath) from a working directory of its own, with the
 * environment given and no other {@code KEYGATE_*} variable. {@code serve} runs until {@link
 * #close()} sends it SIGTERM.
 */
final class KeygateProcess implements AutoCloseable {

  private static final Pattern SERVING = Pattern.compile("serving https?://127\\.0\\.0\\.1:(\\d+)");

  private final Process process;
  private final Path out;
  private final Path err;

  private KeygateProcess(Process process, Path out, Path err) {
    this.process = process;
    this.out = out;
    this.err = err;
  }

  /** The environment of a node on the default database, with cheap Argon2. */
  static Map<String, String> cheapEnvironment() {
    return Map.of("KEYGATE_ARGON2_MEMORY_KIB", "256", "KEYGATE_ARGON2_ITERATIONS", "1");
  }

  /**
   * The test's own classpath as keygate.jar has it: with the service file that sets up the runnable
   * jar's logging ahead of the tests' logback-test.xml.
   */
  static String runnableJarClasspath() {
    return Path.of("src", "main", "runnable-jar").toAbsolutePath()
        + File.pathSeparator
        + System.getProperty("java.class.path");
  }

  /**
   * Starts {@code keygate args...} in {@code workingDirectory}; its output goes to files in {@code
   * logs}, which should be elsewhere.
   */
  static KeygateProcess start(
      Path workingDirectory, Path logs, Map<String, String> environment, String... args)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(runnableJarClasspath());
    command.add(Main.class.getName());
    command.addAll(List.of(args));
    return start(command, workingDirectory, logs, environment);
  }

  /**
   * Starts {@code java -jar jar args...}: the runnable jar as its users start it, so what it packs
   * (its logging configuration, its service files) is what runs.
   */
  static KeygateProcess startJar(
      Path jar, Path workingDirectory, Path logs, Map<String, String> environment, String... args)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-jar");
    command.add(jar.toAbsolutePath().toString());
    command.addAll(List.of(args));
    return start(command, workingDirectory, logs, environment);
  }

  private static KeygateProcess start(
      List<String> command, Path workingDirectory, Path logs, Map<String, String> environment)
      throws IOException {
    ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile());
    builder.environment().keySet().removeIf(name -> name.startsWith("KEYGATE_"));
    builder.environment().putAll(environment);
    Path out = Files.createTempFile(logs, "keygate", ".out");
    Path err = Files.createTempFile(logs, "keygate", ".err");
    Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    return new KeygateProcess(process, out, err);
  }

  /** Runs {@code keygate args...} to its end, as {@link #start} does. */
  static Cli.Result run(
      Path workingDirectory, Path logs, Map<String, String> environment, String... args)
      throws IOException, InterruptedException {
    try (KeygateProcess command = start(workingDirectory, logs, environment, args)) {
      return command.awaitEnd();
    }
  }

  /** Waits for a command that ends by itself (not {@code serve}), and answers what it did. */
  Cli.Result awaitEnd() throws IOException, InterruptedException {
    assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("keygate command ended").isTrue();
    return new Cli.Result(process.exitValue(), out(), err());
  }

  /** Waits until {@code serve} listens, and answers its HTTP port. */
  int awaitServing() throws IOException, InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
    while (Instant.now().isBefore(deadline) && process.isAlive()) {
      Matcher serving = SERVING.matcher(out());
      if (serving.find()) {
        return Integer.parseInt(serving.group(1));
      }
      Thread.sleep(100);
    }
    throw new AssertionError("serve did not start: " + err());
  }

  long pid() {
    return process.pid();
  }

  String out() throws IOException {
    return Files.readString(out, StandardCharsets.UTF_8);
  }

  String err() throws IOException {
    return Files.readString(err, StandardCharsets.UTF_8);
  }

  /** SIGKILL, as when the machine loses power: nothing runs after it, no hook, no flush. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    assertThat(process.waitFor(1, TimeUnit.MINUTES)).as("killed keygate ended").isTrue();
  }

  /** SIGTERM, as a supervisor stops Keygate, then waits for the end. */
  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(1, TimeUnit.MINUTES)) {
      process.destroyForcibly();
    }
  }
}
