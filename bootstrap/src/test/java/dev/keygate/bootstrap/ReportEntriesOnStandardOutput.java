package dev.keygate.bootstrap;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

/**
 * Prints what tests publish through {@code TestReporter}, such as how many racing calls won, on
 * standard output while the test runs: Surefire ignores report entries but keeps each test's output
 * in its report. Registered through {@code META-INF/services}.
 */
public final class ReportEntriesOnStandardOutput implements TestExecutionListener {

  /** Report entries in the order given: a name, its value, the next name, its value… */
  static Map<String, String> entries(Object... namesAndValues) {
    Map<String, String> entries = new LinkedHashMap<>();
    for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
      entries.put(String.valueOf(namesAndValues[i]), String.valueOf(namesAndValues[i + 1]));
    }
    return entries;
  }

  /** Report entries from named values, in the map's order. */
  static Map<String, String> entries(Map<String, ?> namedValues) {
    Map<String, String> entries = new LinkedHashMap<>();
    namedValues.forEach((name, value) -> entries.put(name, String.valueOf(value)));
    return entries;
  }

  @Override
  public void reportingEntryPublished(TestIdentifier test, ReportEntry entry) {
    Map<String, String> pairs = entry.getKeyValuePairs();
    String name =
        test.getSource()
            .filter(MethodSource.class::isInstance)
            .map(MethodSource.class::cast)
            .map(method -> simpleName(method.getClassName()) + "." + method.getMethodName())
            .orElse(test.getDisplayName());
    System.out.println(
        "[report] "
            + name
            + ": "
            + pairs.entrySet().stream()
                .map(pair -> pair.getKey() + "=" + pair.getValue())
                .collect(Collectors.joining(", ")));
  }

  private static String simpleName(String className) {
    return className.substring(className.lastIndexOf('.') + 1);
  }
}
