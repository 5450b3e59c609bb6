package dev.keygate.bootstrap;

import static dev.keygate.bootstrap.FeedWaits.awaitFeedRead;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keygate.adapter.crypto.Argon2Parameters;
import dev.keygate.application.port.in.AddScopeCommand;
import dev.keygate.application.port.in.CreateApiKeyCommand;
import dev.keygate.application.port.in.CreateOrganizationCommand;
import dev.keygate.application.port.in.IssuedApiKey;
import dev.keygate.application.port.in.RegisterApiCommand;
import dev.keygate.application.port.in.VerifyOutcome;
import dev.keygate.domain.api.Api;
import dev.keygate.domain.owner.OrgCode;
import dev.keygate.domain.owner.Owner;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two nodes in one process on one H2 file, following the change feed: a change committed by one
 * wakes the other at once, without waiting for its poll.
 */
class TwoNodesOneH2Test {

  @TempDir Path directory;

  private Keygate node(Duration bound, Duration poll) {
    return Keygate.builder()
        .jdbcUrl("jdbc:h2:file:" + directory.resolve("keygate"))
        .credentials("sa", "")
        .argon2(new Argon2Parameters(256, 1, 1))
        .followChanges(bound, poll)
        .build();
  }

  @Test
  void aChangeCommittedInThisProcess_wakesTheOtherNode_thatPollsOnlyEveryMinute() {
    try (Keygate a = node(Duration.ofMinutes(2), Duration.ofMinutes(1));
        Keygate b = node(Duration.ofMinutes(2), Duration.ofMinutes(1))) {
      IssuedApiKey issued = issueKey(a);
      String token = issued.token().reveal();
      awaitFeedRead(b, a);
      assertThat(b.verify(token).outcome()).isEqualTo(VerifyOutcome.API_KEY_VERIFIED);

      a.useCases().revokeApiKey().revoke(a.operator(), issued.key().id());

      awaitFeedRead(b, a);
      assertThat(b.verify(token).outcome()).isEqualTo(VerifyOutcome.API_KEY_REVOKED);
    }
  }

  private static IssuedApiKey issueKey(Keygate node) {
    Api api =
        node.useCases()
            .registerApi()
            .register(node.operator(), new RegisterApiCommand("Users", "users-h2"));
    node.useCases()
        .addScope()
        .add(node.operator(), new AddScopeCommand(api.id(), "read:users", "Read users"));
    node.useCases()
        .createOrganization()
        .create(
            node.operator(),
            new CreateOrganizationCommand("Acme", Optional.of(new OrgCode("org_h2"))));
    return node.useCases()
        .createApiKey()
        .create(
            node.operator(),
            new CreateApiKeyCommand(
                "h2",
                api.id(),
                List.of("read:users"),
                new Owner.Org(new OrgCode("org_h2")),
                Optional.empty()));
  }
}
