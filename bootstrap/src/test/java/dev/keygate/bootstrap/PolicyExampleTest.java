package dev.keygate.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keygate.application.port.in.VerifyOutcome;
import org.junit.jupiter.api.Test;

/** The README's embedded usage policy example runs as shown (it needs the database adapters). */
class PolicyExampleTest {

  @Test
  void theExample_spendsCredits_refusesOtherAddresses_andReadsUsage() {
    PolicyExample.Outcome outcome = PolicyExample.run();

    assertThat(outcome.spent().outcome()).isEqualTo(VerifyOutcome.API_KEY_VERIFIED);
    assertThat(outcome.spent().creditsRemaining()).contains(995L);
    assertThat(outcome.elsewhere().outcome()).isEqualTo(VerifyOutcome.API_KEY_IP_NOT_ALLOWED);
    assertThat(outcome.today().buckets()).hasSize(24);
  }

  @Test
  void readme_showsExactlyTheExampleThatRuns() {
    ReadmeSnippets.assertReadmeShows("### Usage policy, embedded", PolicyExample.class);
  }
}
