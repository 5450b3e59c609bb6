package dev.keygate.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keygate.adapter.crypto.Argon2Parameters;
import dev.keygate.application.port.in.AddScopeCommand;
import dev.keygate.application.port.in.CreateApiKeyCommand;
import dev.keygate.application.port.in.CreateOrganizationCommand;
import dev.keygate.application.port.in.IssuedApiKey;
import dev.keygate.application.port.in.RegisterApiCommand;
import dev.keygate.application.port.in.VerifyOutcome;
import dev.keygate.domain.api.Api;
import dev.keygate.domain.key.ApiKey;
import dev.keygate.domain.owner.Organization;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedding facade on a real H2 file: what it keeps, what it never keeps. */
class KeygateFacadeTest {

  private static final Argon2Parameters CHEAP = new Argon2Parameters(256, 1, 1);

  @TempDir Path directory;

  private Keygate open() {
    return Keygate.builder()
        .jdbcUrl("jdbc:h2:file:" + directory.resolve("keygate") + ";AUTO_SERVER=TRUE")
        .argon2(CHEAP)
        .usageFlushInterval(Duration.ofHours(1))
        .build();
  }

  @Test
  void givenNoDatabase_itIsTheEmbeddedOneInTheWorkingDirectory_elseTheUrl_elseTheHostsPool() {
    Keygate.Builder builder = Keygate.builder();
    assertThat(builder.storage())
        .isEqualTo(new KeygateNode.Storage.Embedded(Path.of("keygate-data").toAbsolutePath()));

    builder.jdbcUrl("jdbc:h2:mem:chosen").credentials("sa", "sa-password");
    assertThat(builder.storage())
        .isEqualTo(
            new KeygateNode.Storage.Jdbc(
                "jdbc:h2:mem:chosen", Optional.of("sa"), Optional.of("sa-password")));

    org.h2.jdbcx.JdbcDataSource hosts = new org.h2.jdbcx.JdbcDataSource();
    builder.dataSource(hosts);
    assertThat(builder.storage()).isEqualTo(new KeygateNode.Storage.HostPool(hosts));
  }

  @Test
  void keysAndUsage_surviveARestartOfTheFileDatabase() {
    IssuedApiKey issued;
    try (Keygate keygate = open()) {
      issued = issue(keygate, "users");
      for (int i = 0; i < 3; i++) {
        assertThat(keygate.verify(issued.token().reveal(), "read:users").isValid()).isTrue();
      }
    }

    try (Keygate restarted = open()) {
      ApiKey stored = restarted.useCases().getApiKey().get(restarted.operator(), issued.key().id());
      assertThat(stored.usage().verificationCount()).isEqualTo(3);
      assertThat(restarted.verify(issued.token().reveal(), "read:users").outcome())
          .isEqualTo(VerifyOutcome.API_KEY_VERIFIED);
    }
  }

  @Test
  void givenArgon2ParametersRaised_theNextVerifyRehashesTheSecretUnderThem() {
    String url = "jdbc:h2:file:" + directory.resolve("rehash") + ";AUTO_SERVER=TRUE";
    IssuedApiKey issued;
    try (Keygate weak = Keygate.builder().jdbcUrl(url).argon2(CHEAP).build()) {
      issued = issue(weak, "rehash");
    }
    Argon2Parameters raised = new Argon2Parameters(512, 2, 1);

    try (Keygate strong = Keygate.builder().jdbcUrl(url).argon2(raised).build()) {
      assertThat(storedHash(strong, issued)).startsWith("$argon2id$v=19$m=256,t=1,p=1$");

      assertThat(strong.verify(issued.token().reveal()).outcome())
          .isEqualTo(VerifyOutcome.API_KEY_VERIFIED);

      assertThat(storedHash(strong, issued)).startsWith("$argon2id$v=19$m=512,t=2,p=1$");
    }
    try (Keygate reopened = Keygate.builder().jdbcUrl(url).argon2(raised).build()) {
      assertThat(reopened.verify(issued.token().reveal()).outcome())
          .isEqualTo(VerifyOutcome.API_KEY_VERIFIED);
    }
  }

  private static String storedHash(Keygate keygate, IssuedApiKey issued) {
    return keygate
        .useCases()
        .getApiKey()
        .get(keygate.operator(), issued.key().id())
        .currentSecret()
        .hash();
  }

  @Test
  void keyPrefix_startsEveryNewToken() {
    try (Keygate keygate =
        Keygate.builder().jdbcUrl("jdbc:h2:mem:prefix").keyPrefix("k_test").argon2(CHEAP).build()) {
      IssuedApiKey issued = issue(keygate, "prefix");

      assertThat(issued.token().reveal()).startsWith("k_test_");
      assertThat(issued.key().currentSecret().displayPrefix()).startsWith("k_test_").hasSize(13);
      assertThat(keygate.verify(issued.token().reveal()).isValid()).isTrue();
    }
  }

  @Test
  void noTokenNorSecret_isWrittenToTheDatabaseFiles() throws IOException {
    IssuedApiKey created;
    IssuedApiKey rotated;
    try (Keygate keygate = open()) {
      created = issue(keygate, "leaks");
      keygate.verify(created.token().reveal(), "read:users");
      rotated =
          keygate
              .useCases()
              .rotateApiKey()
              .rotate(keygate.operator(), created.key().id(), Duration.ofHours(1));
      keygate.verify(rotated.token().reveal(), "read:users");
      keygate.useCases().revokeApiKey().revoke(keygate.operator(), created.key().id());
    }

    String files = everyFileAsText();
    for (IssuedApiKey issued : List.of(created, rotated)) {
      String token = issued.token().reveal();
      String secret = token.substring(token.length() - 49, token.length() - 6);
      assertThat(files).doesNotContain(token).doesNotContain(secret);
    }
    assertThat(files).contains(created.key().id().value());
  }

  private String everyFileAsText() throws IOException {
    StringBuilder text = new StringBuilder();
    try (Stream<Path> files = Files.walk(directory)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        text.append(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
      }
    }
    return text.toString();
  }

  private static IssuedApiKey issue(Keygate keygate, String name) {
    var keys = keygate.useCases();
    var me = keygate.operator();
    Api api = keys.registerApi().register(me, new RegisterApiCommand("API " + name, name));
    keys.addScope().add(me, new AddScopeCommand(api.id(), "read:users", ""));
    Organization org =
        keys.createOrganization()
            .create(me, new CreateOrganizationCommand("Org", Optional.empty()));
    return keys.createApiKey()
        .create(
            me,
            new CreateApiKeyCommand(
                "key", api.id(), List.of("read:users"), org.asOwner(), Optional.empty()));
  }
}
