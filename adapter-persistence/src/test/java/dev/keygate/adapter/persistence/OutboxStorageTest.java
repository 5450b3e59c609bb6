package dev.keygate.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keygate.application.port.out.Outbox;
import dev.keygate.domain.api.ApiId;
import dev.keygate.domain.event.KeyEvent;
import dev.keygate.domain.event.KeyEventType;
import dev.keygate.domain.event.Webhook;
import dev.keygate.domain.event.WebhookId;
import dev.keygate.domain.key.ApiKey;
import dev.keygate.domain.key.ApiKeyId;
import dev.keygate.domain.key.KeySecret;
import dev.keygate.domain.owner.OrgCode;
import dev.keygate.domain.owner.Owner;
import dev.keygate.domain.token.KeyPrefix;
import dev.keygate.domain.token.SecretLookup;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the outbox keeps beyond its port's contract: the retention forgets an event once no delivery
 * refers to it and it is older than the cut, and keeps every event a delivery still refers to.
 */
class OutboxStorageTest {

  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  static Stream<TestDatabases.Database> databases() {
    return Stream.of(TestDatabases.h2(), TestDatabases.postgres());
  }

  @ParameterizedTest
  @MethodSource("databases")
  void prune_forgetsOldEventsNoDeliveryRefersTo_andKeepsTheOthers(TestDatabases.Database database) {
    database.emptyStores();
    Outbox outbox = database.persistence().outbox();
    Webhook webhook =
        new Webhook(
            WebhookId.generate(CLOCK),
            "created only",
            Webhook.endpoint("https://hooks.example.com/"),
            Optional.empty(),
            EnumSet.of(KeyEventType.CREATED),
            Optional.empty(),
            NOW,
            "test");
    database.persistence().webhooks().add(webhook, "plain:secret");
    KeyEvent delivered = append(outbox, KeyEventType.CREATED, NOW);
    KeyEvent pending = append(outbox, KeyEventType.CREATED, NOW);
    KeyEvent unreceived = append(outbox, KeyEventType.REVOKED, NOW);
    KeyEvent recentUnreceived = append(outbox, KeyEventType.REVOKED, NOW.plus(Duration.ofDays(40)));
    outbox.claimDue(NOW, Duration.ofSeconds(15), 10).stream()
        .filter(due -> due.event().id().equals(delivered.id()))
        .forEach(due -> outbox.delivered(due.delivery().id(), NOW, 200));

    outbox.prune(NOW.plus(Duration.ofDays(30)));

    assertThat(eventIds(database.dataSource()))
        .containsExactlyInAnyOrder(pending.id(), recentUnreceived.id())
        .doesNotContain(delivered.id(), unreceived.id());
  }

  private static KeyEvent append(Outbox outbox, KeyEventType type, Instant at) {
    ApiKey key =
        ApiKey.create(
            ApiKeyId.generate(CLOCK),
            "key",
            new Owner.Org(new OrgCode("org_a")),
            new ApiId("api_0123456789abcdef0123456789abcdef"),
            Set.of(),
            KeySecret.issued(
                KeyPrefix.DEFAULT, new SecretLookup("L00000000001"), "Ab12", "$argon2id$x", NOW),
            "test",
            Optional.empty(),
            Optional.empty(),
            NOW);
    KeyEvent event =
        KeyEvent.of(type, key, "test", Optional.empty(), Clock.fixed(at, ZoneOffset.UTC));
    outbox.append(event, Optional.empty());
    return event;
  }

  private static List<String> eventIds(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement read = connection.prepareStatement("select id from webhook_events");
        ResultSet rows = read.executeQuery()) {
      List<String> ids = new ArrayList<>();
      while (rows.next()) {
        ids.add(rows.getString(1));
      }
      return ids;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
