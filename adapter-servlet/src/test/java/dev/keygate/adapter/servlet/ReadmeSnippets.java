package dev.keygate.adapter.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

/** Keeps README code blocks and the example classes that run them the same code. */
final class ReadmeSnippets {

  private static final String START = "// README:start\n";
  private static final String END = "// README:end";

  private ReadmeSnippets() {}

  /**
   * Asserts that the first {@code java} block after {@code heading} in README.md contains the code
   * between the README markers of {@code example}'s source file.
   */
  static void assertReadmeShows(String heading, Class<?> example) {
    String source = read(Path.of("src/test/java", example.getName().replace('.', '/') + ".java"));
    String snippet = source.substring(source.indexOf(START) + START.length(), source.indexOf(END));
    String readme = read(Path.of("../README.md"));
    assertThat(readme).as("README heading %s", heading).contains(heading);
    String section = readme.substring(readme.indexOf(heading));
    int open = section.indexOf("```java\n") + "```java\n".length();
    String block = section.substring(open, section.indexOf("```\n", open));

    assertThat(normalize(block)).contains(normalize(snippet));
  }

  private static String read(Path path) {
    try {
      return Files.readString(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The same lines, whatever their indentation. */
  private static String normalize(String code) {
    return code.lines()
        .map(String::strip)
        .filter(line -> !line.isEmpty())
        .collect(Collectors.joining("\n"));
  }
}
