package dev.keygate.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.keygate.application.fake.TestQueries;
import dev.keygate.application.port.query.ApiKeyFilter;
import dev.keygate.application.port.query.PageRequest;
import dev.keygate.domain.api.Api;
import dev.keygate.domain.api.ApiId;
import dev.keygate.domain.api.ScopeId;
import dev.keygate.domain.event.DeliveryId;
import dev.keygate.domain.event.WebhookId;
import dev.keygate.domain.key.ApiKeyId;
import dev.keygate.domain.owner.OrgCode;
import dev.keygate.domain.owner.Organization;
import dev.keygate.domain.owner.Owner;
import dev.keygate.domain.owner.UserId;
import dev.keygate.domain.token.SecretLookup;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Storage opened for one command reads everything in plain SQL and starts Hibernate, the longer
 * part of a short command's run, only at its first change; opened for a server, it starts at once.
 */
class OneCommandStorageTest {

  private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

  @ParameterizedTest
  @MethodSource("dev.keygate.adapter.persistence.TestDatabases#freshDatabases")
  void openedForOneCommand_everyReadAnswersWithoutHibernate_andTheFirstChangeStartsIt(
      Supplier<HikariDataSource> database) {
    try (HikariDataSource dataSource = database.get()) {
      OrgCode acme = new OrgCode("org_acme");
      Api api = new Api(ApiId.generate(Clock.systemUTC()), "Orders", "https://orders", NOW);
      try (JpaPersistence server = JpaPersistence.open(dataSource)) {
        assertThat(server.hibernateStarted()).as("a server's storage").isTrue();
        server.owners().addOrganization(new Organization(acme, "Acme", NOW));
        server.apis().add(api);
      }

      try (JpaPersistence command = JpaPersistence.openForOneCommand(dataSource)) {
        Owner owner = new Owner.Org(acme);
        assertThat(command.owners().findOrganization(acme))
            .map(Organization::name)
            .contains("Acme");
        assertThat(command.owners().listOrganizations(PageRequest.first()).items()).hasSize(1);
        command.owners().findUser(new UserId("kp_nobody"));
        command.owners().listUsers(PageRequest.first());
        command.owners().rateLimits(owner);
        assertThat(command.apis().list()).containsExactly(api);
        assertThat(command.apis().findById(api.id())).contains(api);
        assertThat(command.apis().findByAudience("https://orders")).contains(api);
        command.apis().scopes(api.id());
        command.apis().findScope(api.id(), ScopeId.generate(Clock.systemUTC()));
        command.apiKeys().list(ApiKeyFilter.ALL, PageRequest.first());
        command.apiKeys().findById(ApiKeyId.generate(Clock.systemUTC()));
        command.apiKeys().findBySecretLookup(new SecretLookup("AbCdEf012345"));
        command.apiKeys().countLive(owner, NOW);
        command.apiKeys().countByApi(api.id());
        command.apiKeys().expiringBetween(NOW, NOW.plusSeconds(86_400), 10);
        command.grants().of(owner);
        command.grants().find(owner, api.id());
        command.applications().list(Optional.empty());
        command.webhooks().list(Optional.of(acme));
        command.outbox().deliveries(WebhookId.generate(Clock.systemUTC()), PageRequest.first());
        command.outbox().findDelivery(DeliveryId.generate(Clock.systemUTC()));
        command.signingKeys().list();
        command.auditLog().list(TestQueries.allEvents(PageRequest.first()));
        assertThat(command.hibernateStarted()).as("after reading").isFalse();

        OrgCode globex = new OrgCode("org_globex");
        command.owners().addOrganization(new Organization(globex, "Globex", NOW));
        assertThat(command.hibernateStarted()).as("after a change").isTrue();
        assertThat(command.owners().findOrganization(globex)).isPresent();
      }
    }
  }

  @ParameterizedTest
  @MethodSource("dev.keygate.adapter.persistence.TestDatabases#freshDatabases")
  void closedBeforeAnyChange_aChange_isRefusedRatherThanStartingHibernateAgain(
      Supplier<HikariDataSource> database) {
    try (HikariDataSource dataSource = database.get()) {
      JpaPersistence command = JpaPersistence.openForOneCommand(dataSource);
      command.close();

      assertThatThrownBy(
              () ->
                  command
                      .owners()
                      .addOrganization(new Organization(new OrgCode("org_late"), "Late", NOW)))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("the storage is closed");
      assertThat(command.hibernateStarted()).isFalse();
    }
  }
}
