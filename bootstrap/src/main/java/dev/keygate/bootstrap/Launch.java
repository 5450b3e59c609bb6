package dev.keygate.bootstrap;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * What a command may learn about the process that runs it, handed in rather than read from globals
 * so that tests can run commands in-process.
 *
 * @param environment the process environment, for {@link Configuration}
 * @param workingDirectory where {@code keygate.properties} is looked for
 * @param onServing told about a server once it listens (tests stop it through this)
 * @param stopSignals what stops a server: SIGTERM and SIGINT for the real process
 */
record Launch(
    Map<String, String> environment,
    Path workingDirectory,
    Consumer<KeygateServer> onServing,
    StopSignals stopSignals) {

  Launch {
    environment = Map.copyOf(environment);
    Objects.requireNonNull(workingDirectory, "working directory");
    Objects.requireNonNull(onServing, "on serving");
    Objects.requireNonNull(stopSignals, "stop signals");
  }

  /** The real process: its environment, its working directory and its signals. */
  static Launch ofThisProcess() {
    return new Launch(
        System.getenv(), Path.of("").toAbsolutePath(), server -> {}, new ProcessStopSignals());
  }
}
