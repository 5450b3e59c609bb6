package dev.keygate.bootstrap;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs the browser tests only where Debian's Chromium and its driver are installed; elsewhere they
 * are skipped, saying so once, and the rest of the build runs as usual.
 */
final class ChromiumInstalled implements ExecutionCondition {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  private static final AtomicBoolean TOLD = new AtomicBoolean();

  static boolean installed() {
    return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
  }

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    if (installed()) {
      return ConditionEvaluationResult.enabled("Chromium and chromedriver are installed");
    }
    String reason =
        "browser tests skipped: /usr/bin/chromium or /usr/bin/chromedriver not installed";
    if (TOLD.compareAndSet(false, true)) {
      // Once per run, on the console, so that a skipped browser suite is never silent.
      System.err.println(reason);
    }
    return ConditionEvaluationResult.disabled(reason);
  }
}
