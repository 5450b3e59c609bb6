package dev.keygate.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keygate.application.port.in.Verification;
import dev.keygate.application.port.in.VerifyOutcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The README's "Embed it" example compiles, runs, and is the code the README shows. */
class EmbedItExampleTest {

  @Test
  void example_verifiesTheKeyAndRefusesAScopeItLacks() {
    List<Verification> answers = EmbedItExample.run();

    assertThat(answers.get(0).outcome()).isEqualTo(VerifyOutcome.API_KEY_VERIFIED);
    assertThat(answers.get(0).key().orElseThrow().name()).isEqualTo("Production Integration");
    assertThat(answers.get(1).outcome()).isEqualTo(VerifyOutcome.API_KEY_INSUFFICIENT_SCOPE);
  }

  @Test
  void readme_showsExactlyTheExampleThatRuns() throws IOException {
    String source =
        Files.readString(Path.of("src/test/java/dev/keygate/bootstrap/EmbedItExample.java"));
    String example =
        source.substring(
            source.indexOf("// README:start\n") + "// README:start\n".length(),
            source.indexOf("    // README:end"));
    String readme = Files.readString(Path.of("../README.md"));
    String section = readme.substring(readme.indexOf("## Embed it"));
    String block =
        section.substring(
            section.indexOf("```java\n") + "```java\n".length(),
            section.indexOf("```\n", section.indexOf("```java\n") + 8));

    assertThat(normalize(block)).contains(normalize(example));
  }

  /** The same lines, whatever their common indentation. */
  private static String normalize(String code) {
    return code.lines()
        .map(String::strip)
        .filter(line -> !line.isEmpty())
        .collect(Collectors.joining("\n"));
  }
}
