package dev.keygate.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keygate.application.port.in.Verification;
import dev.keygate.application.port.in.VerifyOutcome;
import java.util.List;
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
  void readme_showsExactlyTheExampleThatRuns() {
    ReadmeSnippets.assertReadmeShows("## Embed it", EmbedItExample.class);
  }
}
