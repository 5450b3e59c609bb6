package dev.keygate.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keygate.adapter.crypto.Argon2Parameters;
import dev.keygate.application.service.VerifyMode;
import dev.keygate.bootstrap.Configuration.ConfigurationException;
import dev.keygate.bootstrap.Configuration.Setting;
import dev.keygate.domain.token.KeyPrefix;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.Base64;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each setting resolves on its own: flag, then environment, then keygate.properties, then default.
 */
class ConfigurationTest {

  @TempDir Path directory;

  private final Map<Setting, String> flags = new EnumMap<>(Setting.class);
  private final Map<String, String> environment = new HashMap<>();

  /** Three secret scanners, whose public keys the samples of SECRET_SCANNING_KEYS name. */
  private static final KeyPair[] SCANNERS = scanners();

  private static final byte[] PROBE = "a report".getBytes(StandardCharsets.UTF_8);

  @BeforeEach
  void writeScanningKeyFiles() throws Exception {
    Files.createDirectories(directory.resolve("scanning"));
    for (int n = 1; n <= SCANNERS.length; n++) {
      String pem =
          "-----BEGIN PUBLIC KEY-----\n"
              + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                  .encodeToString(SCANNERS[n - 1].getPublic().getEncoded())
              + "\n-----END PUBLIC KEY-----\n";
      Files.writeString(
          directory.resolve("scanning/keys" + n + ".json"),
          "{\"public_keys\":[{\"key_identifier\":\"scanner-"
              + n
              + "\",\"key\":\""
              + pem.replace("\n", "\\n")
              + "\",\"is_current\":true}]}");
    }
  }

  private static KeyPair[] scanners() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      return new KeyPair[] {
        generator.generateKeyPair(), generator.generateKeyPair(), generator.generateKeyPair()
      };
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String signed(int scanner) {
    try {
      Signature signature = Signature.getInstance("SHA256withECDSA");
      signature.initSign(SCANNERS[scanner - 1].getPrivate());
      signature.update(PROBE);
      return Base64.getEncoder().encodeToString(signature.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private Configuration resolve() {
    return Configuration.resolve(flags, environment, directory);
  }

  private void file(String... lines) throws IOException {
    Files.writeString(
        directory.resolve("keygate.properties"),
        String.join("\n", lines) + "\n",
        StandardCharsets.UTF_8);
  }

  @Test
  void withNothingGiven_everySettingIsItsDefault_andArgon2IsOwasps() {
    Configuration configuration = resolve();

    assertThat(configuration.port()).isEqualTo(8080);
    assertThat(configuration.host()).isEqualTo("127.0.0.1");
    assertThat(configuration.publicUrl()).isEmpty();
    assertThat(configuration.metricsAddress()).isEqualTo(MetricsAddress.MAIN);
    KeygateNode.Settings node = configuration.nodeSettings(Optional.empty());
    assertThat(node.storage())
        .isEqualTo(new KeygateNode.Storage.Embedded(directory.resolve("keygate-data")));
    assertThat(node.keyPrefix()).isEqualTo(KeyPrefix.DEFAULT);
    assertThat(node.argon2()).isEqualTo(Argon2Parameters.OWASP);
    assertThat(node.argon2()).isEqualTo(new Argon2Parameters(19_456, 2, 1));
    assertThat(node.verifiedTokenTtl()).isEqualTo(KeygateNode.DEFAULT_VERIFIED_TOKEN_TTL);
    assertThat(node.usageFlushInterval()).isEqualTo(KeygateNode.DEFAULT_USAGE_FLUSH_INTERVAL);
    assertThat(configuration.shutdownTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(configuration.portalLinkTtl()).isEqualTo(Duration.ofMinutes(15));
  }

  @ParameterizedTest
  @EnumSource(Setting.class)
  void eachSetting_fileBeatsDefault(Setting setting) throws IOException {
    file(setting.propertyKey() + "=" + sample(setting, 1), urlFor(setting));

    assertThat(read(resolve(), setting)).isEqualTo(sample(setting, 1));
  }

  @ParameterizedTest
  @EnumSource(Setting.class)
  void eachSetting_environmentBeatsFile(Setting setting) throws IOException {
    file(setting.propertyKey() + "=" + sample(setting, 1), urlFor(setting));
    environment.put(setting.environmentVariable(), sample(setting, 2));

    assertThat(read(resolve(), setting)).isEqualTo(sample(setting, 2));
  }

  @ParameterizedTest
  @EnumSource(
      value = Setting.class,
      names = {
        "PORT",
        "HOST",
        "TLS_CERT",
        "TLS_KEY",
        "DB_URL",
        "DB_USER",
        "DB_PASSWORD",
        "KEY_PREFIX",
        "PORTAL_LINK_TTL"
      })
  void eachSettingWithAFlag_flagBeatsEnvironment(Setting setting) throws IOException {
    file(setting.propertyKey() + "=" + sample(setting, 1), urlFor(setting));
    environment.put(setting.environmentVariable(), sample(setting, 2));
    flags.put(setting, sample(setting, 3));

    assertThat(read(resolve(), setting)).isEqualTo(sample(setting, 3));
    assertThat(setting.flag()).isPresent();
  }

  @Test
  void settingsResolveEachOnItsOwn_fromWhicheverSourceHasThem() throws IOException {
    file("keygate.port=9001", "keygate.host=10.0.0.1", "keygate.key.prefix=k_file");
    environment.put("KEYGATE_HOST", "10.0.0.2");
    environment.put("KEYGATE_DB_URL", "jdbc:h2:mem:env");
    flags.put(Setting.DB_URL, "jdbc:h2:mem:flag");

    Configuration configuration = resolve();

    assertThat(configuration.port()).isEqualTo(9001);
    assertThat(configuration.host()).isEqualTo("10.0.0.2");
    KeygateNode.Settings node = configuration.nodeSettings(Optional.empty());
    assertThat(jdbc(node).url()).isEqualTo("jdbc:h2:mem:flag");
    assertThat(node.keyPrefix()).isEqualTo(new KeyPrefix("k_file"));
    assertThat(node.argon2()).isEqualTo(Argon2Parameters.OWASP);
  }

  @Test
  void nodeSettings_carryTheResolvedValues() {
    environment.put("KEYGATE_DB_URL", "jdbc:h2:mem:node");
    environment.put("KEYGATE_DB_USER", "sa");
    environment.put("KEYGATE_DB_PASSWORD", "sa-password");
    environment.put("KEYGATE_ARGON2_MEMORY_KIB", "512");
    environment.put("KEYGATE_VERIFIED_TOKEN_TTL", "30s");

    KeygateNode.Settings node = resolve().nodeSettings(Optional.empty());

    assertThat(node.storage())
        .isEqualTo(
            new KeygateNode.Storage.Jdbc(
                "jdbc:h2:mem:node", Optional.of("sa"), Optional.of("sa-password")));
    assertThat(node.storage().toString()).doesNotContain("sa-password");
    assertThat(node.argon2()).isEqualTo(new Argon2Parameters(512, 2, 1));
    assertThat(node.verifiedTokenTtl()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void givenAUrlInThePropertiesFile_theUserAndPasswordFromTheEnvironmentGoWithIt()
      throws IOException {
    file("keygate.db.url=jdbc:postgresql://db.example.com/keygate");
    environment.put("KEYGATE_DB_USER", "keygate_app");
    environment.put("KEYGATE_DB_PASSWORD", "app-password");

    assertThat(resolve().nodeSettings(Optional.empty()).storage())
        .isEqualTo(
            new KeygateNode.Storage.Jdbc(
                "jdbc:postgresql://db.example.com/keygate",
                Optional.of("keygate_app"),
                Optional.of("app-password")));
  }

  @Test
  void givenAUserOrPasswordWithoutAUrl_isRefused_forTheEmbeddedDatabaseKeepsItsOwn() {
    environment.put("KEYGATE_DB_PASSWORD", "s3cret-password");

    assertThatThrownBy(this::resolve)
        .isInstanceOf(ConfigurationException.class)
        .hasMessage(
            "db password from KEYGATE_DB_PASSWORD needs a db url as well (--db-url,"
                + " KEYGATE_DB_URL or keygate.db.url): the default embedded database logs in with"
                + " the credentials it keeps in keygate-data/credentials.properties");

    environment.clear();
    flags.put(Setting.DB_USER, "sa");
    assertThatThrownBy(this::resolve)
        .hasMessageStartingWith("db user from --db-user needs a db url");
  }

  @Test
  void portAbc_isRefusedNamingTheSettingTheValueAndItsSource() {
    environment.put("KEYGATE_PORT", "abc");

    assertThatThrownBy(this::resolve)
        .isInstanceOf(ConfigurationException.class)
        .hasMessage("invalid port 'abc' from KEYGATE_PORT: must be a whole number");
  }

  @Test
  void badValues_areRefusedWithWhatIsWrong() throws IOException {
    assertRefused(Setting.PORT, "-1", "must be a whole number");
    assertRefused(Setting.PORT, "65536", "must be a whole number from 0 to 65535");
    assertRefused(Setting.HOST, " ", "must not be blank");
    assertRefused(Setting.TLS_CERT, " ", "must not be blank");
    assertRefused(
        Setting.PUBLIC_URL, "keys.example.com", "must be an absolute http:// or https://");
    for (String address : new String[] {"9464", ":9464", "localhost:", "localhost:65536", "on"}) {
      assertRefused(Setting.METRICS_ADDRESS, address, "must be main, off, or host:port");
    }
    assertRefused(Setting.DB_URL, "postgres://db/keygate", "must be a JDBC URL");
    assertRefused(Setting.KEY_PREFIX, "Live", "key prefix must be a lowercase letter");
    assertRefused(Setting.ARGON2_ITERATIONS, "0", "must be a whole number of at least 1");
    assertRefused(Setting.ARGON2_MEMORY_KIB, "4", "argon2 memory must be at least 8 KiB");
    assertRefused(Setting.VERIFIED_TOKEN_TTL, "5 minutes", "must be a duration such as 500ms");
    assertRefused(Setting.USAGE_FLUSH_INTERVAL, "0s", "must be longer than zero");
    assertRefused(Setting.PORTAL_LINK_TTL, "2d", "must be at most 1d");
    assertRefused(Setting.ACCESS_TOKEN_TTL, "2d", "must be at most 1d");
    assertRefused(Setting.LIVE_KEYS_PER_OWNER, "0", "must be a whole number of at least 1");
    assertRefused(Setting.KEY_CREATIONS_PER_MINUTE, "lots", "must be a whole number");
    assertRefused(Setting.STATE_CACHE_TTL, "0s", "must be longer than zero");
    assertRefused(Setting.STATE_CACHE_TTL, "on", "must be a duration such as 500ms");
    assertRefused(Setting.HASHING_SLOTS, "0", "must be a whole number of at least 1");
    assertRefused(Setting.HASHING_WAIT, "-1s", "must be a duration");
    assertRefused(Setting.FAILED_ATTEMPTS_PER_MINUTE, "0", "must be a whole number of at least 1");
    assertRefused(Setting.LEAK_POLICY, "delete", "must be notify, disable or revoke");
    assertRefused(Setting.WEBHOOK_EXPIRING_NOTICE, "30d", "must be shorter than 30d");
    assertRefused(Setting.WEBHOOK_RETRIES, "5s,soon", "must be a duration such as 500ms");
    assertRefused(Setting.WEBHOOK_TIMEOUT, "0s", "must be longer than zero");
    assertRefused(Setting.SECRET_SCANNING_KEYS, "missing.json", "missing.json");
  }

  @Test
  void tls_isOffByDefault_andBothFilesTurnItOn_resolvedAgainstTheWorkingDirectory() {
    assertThat(resolve().tls()).isEmpty();
    assertThat(resolve().scheme()).isEqualTo("http");

    environment.put("KEYGATE_TLS_CERT", "tls/cert.pem");
    flags.put(Setting.TLS_KEY, directory.resolve("elsewhere/key.pem").toString());
    Configuration configuration = resolve();

    Configuration.Tls tls = configuration.tls().orElseThrow();
    assertThat(tls.certificate().path()).isEqualTo(directory.resolve("tls/cert.pem"));
    assertThat(tls.key().path()).isEqualTo(directory.resolve("elsewhere/key.pem"));
    assertThat(configuration.scheme()).isEqualTo("https");
    assertThat(tls.key().invalid("no such file"))
        .hasMessage(
            "invalid tls key '"
                + directory.resolve("elsewhere/key.pem")
                + "' from --tls-key: no such file");
  }

  @Test
  void aTlsCertWithoutAKey_orAKeyWithoutACert_isRefusedNamingTheMissingSetting()
      throws IOException {
    environment.put("KEYGATE_TLS_CERT", "cert.pem");
    assertThatThrownBy(this::resolve)
        .isInstanceOf(ConfigurationException.class)
        .hasMessage(
            "tls cert from KEYGATE_TLS_CERT needs a tls key as well (--tls-key, KEYGATE_TLS_KEY"
                + " or keygate.tls.key): HTTPS takes a certificate and its private key; give both,"
                + " or neither for HTTP");

    environment.clear();
    file("keygate.tls.key=key.pem");
    assertThatThrownBy(this::resolve)
        .isInstanceOf(ConfigurationException.class)
        .hasMessageStartingWith(
            "tls key from keygate.tls.key in "
                + directory.resolve("keygate.properties")
                + " needs a tls cert as well (--tls-cert, KEYGATE_TLS_CERT or keygate.tls.cert)");
  }

  @Test
  void metricsAddress_readsMainOffOrAHostAndPort() {
    assertThat(MetricsAddress.parse(" Main ")).isEqualTo(MetricsAddress.MAIN);
    assertThat(MetricsAddress.parse("OFF")).isEqualTo(MetricsAddress.OFF);
    assertThat(MetricsAddress.parse("127.0.0.1:9464"))
        .isEqualTo(new MetricsAddress(MetricsAddress.Where.OWN, "127.0.0.1", 9464));
    assertThat(MetricsAddress.parse("[::1]:0"))
        .isEqualTo(new MetricsAddress(MetricsAddress.Where.OWN, "::1", 0));
    assertThat(MetricsAddress.parse("metrics.internal:80"))
        .isEqualTo(new MetricsAddress(MetricsAddress.Where.OWN, "metrics.internal", 80));
  }

  @Test
  void verification_followsTheFeedByDefault_andTheStateCacheTurnsOnWithADuration() {
    KeygateNode.Settings following = resolve().nodeSettings(Optional.empty());
    assertThat(following.verification().mode()).isEqualTo(VerifyMode.FOLLOW);
    assertThat(following.verification().followBound()).isEqualTo(Duration.ofMillis(250));
    assertThat(following.verification().followPoll()).isEqualTo(Duration.ofMillis(100));
    assertThat(following.verification().stateCacheTtl()).isEmpty();
    assertThat(following.verification().hashingSlots())
        .isEqualTo(Runtime.getRuntime().availableProcessors());
    assertThat(following.verification().hashingWait()).isEqualTo(Duration.ofMillis(500));
    assertThat(following.verification().failedAttemptsPerMinute()).isEqualTo(10);

    environment.put("KEYGATE_STATE_CACHE_TTL", "30s");
    environment.put("KEYGATE_HASHING_SLOTS", "3");
    environment.put("KEYGATE_HASHING_WAIT", "2s");
    environment.put("KEYGATE_FAILED_ATTEMPTS_PER_MINUTE", "20");
    KeygateNode.Settings cached = resolve().nodeSettings(Optional.empty());

    // A state cache ttl alone, as before the modes had names, still means the ttl mode.
    assertThat(cached.verification().mode()).isEqualTo(VerifyMode.TTL);
    assertThat(cached.verification().stateCacheTtl()).contains(Duration.ofSeconds(30));
    assertThat(cached.verification().hashingSlots()).isEqualTo(3);
    assertThat(cached.verification().hashingWait()).isEqualTo(Duration.ofSeconds(2));
    assertThat(cached.verification().failedAttemptsPerMinute()).isEqualTo(20);

    environment.put("KEYGATE_STATE_CACHE_TTL", "OFF");
    assertThat(resolve().nodeSettings(Optional.empty()).verification().mode())
        .isEqualTo(VerifyMode.FOLLOW);
  }

  @Test
  void verifyMode_isNamed_andItsSettingsMustAgreeWithIt() {
    environment.put("KEYGATE_VERIFY_MODE", " Strict ");
    assertThat(resolve().nodeSettings(Optional.empty()).verification().mode())
        .isEqualTo(VerifyMode.STRICT);

    environment.put("KEYGATE_VERIFY_MODE", "ttl");
    environment.put("KEYGATE_STATE_CACHE_TTL", "1m");
    assertThat(resolve().nodeSettings(Optional.empty()).verification().stateCacheTtl())
        .contains(Duration.ofMinutes(1));

    environment.put("KEYGATE_VERIFY_MODE", "follow");
    environment.put("KEYGATE_FOLLOW_BOUND", "1s");
    environment.put("KEYGATE_FOLLOW_POLL", "300ms");
    environment.remove("KEYGATE_STATE_CACHE_TTL");
    KeygateNode.Settings following = resolve().nodeSettings(Optional.empty());
    assertThat(following.verification().followBound()).isEqualTo(Duration.ofSeconds(1));
    assertThat(following.verification().followPoll()).isEqualTo(Duration.ofMillis(300));
    assertThat(following.verifyingStrictly().verification().mode()).isEqualTo(VerifyMode.STRICT);

    assertRefused(Setting.VERIFY_MODE, "fast", "must be follow, strict or ttl");
    assertRefused(Setting.VERIFY_MODE, "ttl", "ttl needs a state cache ttl");
    assertRefused(Setting.FOLLOW_POLL, "250ms", "must be shorter than the follow bound (250 ms)");
    assertRefused(Setting.FOLLOW_BOUND, "0s", "longer than zero");
    environment.clear();
    environment.put("KEYGATE_STATE_CACHE_TTL", "30s");
    environment.put("KEYGATE_VERIFY_MODE", "strict");
    assertThatThrownBy(this::resolve)
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("'strict' from KEYGATE_VERIFY_MODE")
        .hasMessageContaining("applies to ttl only");
  }

  private void assertRefused(Setting setting, String value, String reason) {
    environment.clear();
    environment.put(setting.environmentVariable(), value);
    assertThatThrownBy(this::resolve)
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("'" + value + "' from " + setting.environmentVariable())
        .hasMessageContaining(reason);
  }

  @Test
  void unknownKeyInThePropertiesFile_isRefused_soThatATypoIsNotIgnored() throws IOException {
    file("keygate.prot=9000");

    assertThatThrownBy(this::resolve)
        .isInstanceOf(ConfigurationException.class)
        .hasMessageStartingWith("unknown setting keygate.prot in ");
  }

  @Test
  void theSigningKeyEncryptionKeyIsNeverPartOfAnError() {
    environment.put("KEYGATE_SIGNING_KEY_ENCRYPTION_KEY", "c2hvcnQtc2VjcmV0");

    assertThatThrownBy(this::resolve)
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("KEYGATE_SIGNING_KEY_ENCRYPTION_KEY")
        .hasMessageContaining("must be 32 random bytes")
        .hasMessageNotContaining("c2hvcnQtc2VjcmV0");
  }

  @Test
  void thePasswordIsNeverPartOfAnError() {
    environment.put("KEYGATE_DB_PASSWORD", "s3cret-password");
    environment.put("KEYGATE_PORT", "abc");

    assertThatThrownBy(this::resolve).hasMessageNotContaining("s3cret-password");
  }

  @Property
  void durations_readInEveryUnit(@ForAll @IntRange(min = 0, max = 100_000) int amount) {
    assertThat(Configuration.duration(amount + "ms")).isEqualTo(Duration.ofMillis(amount));
    assertThat(Configuration.duration(amount + "s")).isEqualTo(Duration.ofSeconds(amount));
    assertThat(Configuration.duration(amount + "m")).isEqualTo(Duration.ofMinutes(amount));
    assertThat(Configuration.duration(amount + "h")).isEqualTo(Duration.ofHours(amount));
    assertThat(Configuration.duration(amount + "d")).isEqualTo(Duration.ofDays(amount));
    assertThat(Configuration.duration("PT" + amount + "S")).isEqualTo(Duration.ofSeconds(amount));
  }

  @Test
  void theReadme_documentsEverySetting() throws IOException {
    String readme = Files.readString(Path.of("..", "README.md"));
    String missing =
        Stream.of(Setting.values())
            .filter(
                s ->
                    !readme.contains("`" + s.environmentVariable() + "`")
                        || !readme.contains("`" + s.propertyKey() + "`")
                        || !s.flag().map(f -> readme.contains("`" + f)).orElse(true))
            .map(Setting::name)
            .collect(Collectors.joining(", "));

    assertThat(missing).as("settings missing from README.md's table").isEmpty();
  }

  /**
   * What a setting needs beside it in the file: a database URL for user and password, the other
   * file for a TLS certificate or key.
   */
  private static String urlFor(Setting setting) {
    switch (setting) {
      case DB_USER:
      case DB_PASSWORD:
        return "keygate.db.url=jdbc:h2:mem:with-credentials";
      case TLS_CERT:
        return "keygate.tls.key=beside.key.pem";
      case TLS_KEY:
        return "keygate.tls.cert=beside.cert.pem";
      default:
        return "";
    }
  }

  /** A valid value of {@code setting}, different for each {@code n}. */
  private static String sample(Setting setting, int n) {
    switch (setting) {
      case PORT:
        return String.valueOf(9000 + n);
      case HOST:
        return "10.0.0." + n;
      case TLS_CERT:
        return "tls/cert" + n + ".pem";
      case TLS_KEY:
        return "tls/key" + n + ".pem";
      case PUBLIC_URL:
        return "https://keys" + n + ".example.com";
      case METRICS_ADDRESS:
        return "127.0.0." + n + ":" + (9464 + n);
      case DB_URL:
        return "jdbc:h2:mem:sample" + n;
      case DB_USER:
        return "user" + n;
      case DB_PASSWORD:
        return "password" + n;
      case KEY_PREFIX:
        return "k_sample" + n;
      case ARGON2_MEMORY_KIB:
        return String.valueOf(1024 * n);
      case ARGON2_ITERATIONS:
        return String.valueOf(2 + n);
      case ARGON2_PARALLELISM:
        return String.valueOf(1 + n);
      case HASHING_SLOTS:
        return String.valueOf(1 + n);
      case FAILED_ATTEMPTS_PER_MINUTE:
        return String.valueOf(5 + n);
      case LIVE_KEYS_PER_OWNER:
        return String.valueOf(100 + n);
      case KEY_CREATIONS_PER_MINUTE:
        return String.valueOf(30 + n);
      case VERIFY_MODE:
        return n == 2 ? "follow" : "strict";
      case FOLLOW_POLL:
        return (100 * n) + "ms";
      case LEAK_POLICY:
        return n == 2 ? "notify" : "disable";
      case SECRET_SCANNING_KEYS:
        return "scanning/keys" + n + ".json";
      case WEBHOOK_RETRIES:
        return n + "s," + (2 * n) + "m";
      case SIGNING_KEY_ENCRYPTION_KEY:
        byte[] key = new byte[32];
        java.util.Arrays.fill(key, (byte) n);
        return java.util.Base64.getEncoder().encodeToString(key);
      default:
        return n + "m";
    }
  }

  /** The resolved value of {@code setting}, written as {@link #sample} writes it. */
  private static String read(Configuration configuration, Setting setting) {
    KeygateNode.Settings node = configuration.nodeSettings(Optional.empty());
    switch (setting) {
      case PORT:
        return String.valueOf(configuration.port());
      case HOST:
        return configuration.host();
      case TLS_CERT:
        return tlsFile(configuration.tls().orElseThrow().certificate());
      case TLS_KEY:
        return tlsFile(configuration.tls().orElseThrow().key());
      case PUBLIC_URL:
        return configuration.publicUrl().orElse("");
      case METRICS_ADDRESS:
        return configuration.metricsAddress().host() + ":" + configuration.metricsAddress().port();
      case DB_URL:
        return jdbc(node).url();
      case DB_USER:
        return jdbc(node).user().orElse("");
      case DB_PASSWORD:
        return jdbc(node).password().orElse("");
      case KEY_PREFIX:
        return node.keyPrefix().value();
      case ARGON2_MEMORY_KIB:
        return String.valueOf(node.argon2().memoryKib());
      case ARGON2_ITERATIONS:
        return String.valueOf(node.argon2().iterations());
      case ARGON2_PARALLELISM:
        return String.valueOf(node.argon2().parallelism());
      case VERIFIED_TOKEN_TTL:
        return node.verifiedTokenTtl().toMinutes() + "m";
      case USAGE_FLUSH_INTERVAL:
        return node.usageFlushInterval().toMinutes() + "m";
      case PORTAL_LINK_TTL:
        return configuration.portalLinkTtl().toMinutes() + "m";
      case ACCESS_TOKEN_TTL:
        return node.accessTokenTtl().toMinutes() + "m";
      case SIGNING_KEY_ENCRYPTION_KEY:
        return java.util.Base64.getEncoder()
            .encodeToString(node.signingKeyEncryption().orElseThrow().bytes());
      case STATE_CACHE_TTL:
        return node.verification().stateCacheTtl().orElseThrow().toMinutes() + "m";
      case VERIFY_MODE:
        return node.verification().mode().name().toLowerCase(java.util.Locale.ROOT);
      case FOLLOW_BOUND:
        return node.verification().followBound().toMinutes() + "m";
      case FOLLOW_POLL:
        return node.verification().followPoll().toMillis() + "ms";
      case HASHING_SLOTS:
        return String.valueOf(node.verification().hashingSlots());
      case HASHING_WAIT:
        return node.verification().hashingWait().toMinutes() + "m";
      case FAILED_ATTEMPTS_PER_MINUTE:
        return String.valueOf(node.verification().failedAttemptsPerMinute());
      case LIVE_KEYS_PER_OWNER:
        return String.valueOf(node.tenants().liveKeysPerOwner());
      case KEY_CREATIONS_PER_MINUTE:
        return String.valueOf(node.tenants().keyCreationsPerMinute());
      case LEAK_POLICY:
        return node.webhooks().settings().leakPolicy().name().toLowerCase(java.util.Locale.ROOT);
      case SECRET_SCANNING_KEYS:
        // Sample n's file holds scanner n's key: the one whose signature the node believes.
        for (int n = 1; n <= SCANNERS.length; n++) {
          if (node.webhooks().scanning().verifies("scanner-" + n, signed(n), PROBE)) {
            return "scanning/keys" + n + ".json";
          }
        }
        return "";
      case WEBHOOK_POLL:
        return node.webhooks().poll().toMinutes() + "m";
      case WEBHOOK_TIMEOUT:
        return node.webhooks().settings().sendTimeout().toMinutes() + "m";
      case WEBHOOK_RETRIES:
        java.util.List<java.time.Duration> waits = node.webhooks().settings().retries().waits();
        return waits.get(0).toSeconds() + "s," + waits.get(1).toMinutes() + "m";
      case WEBHOOK_EXPIRING_NOTICE:
        return node.webhooks().settings().expiringNotice().toMinutes() + "m";
      default:
        return configuration.shutdownTimeout().toMinutes() + "m";
    }
  }

  /** A TLS file as {@link #sample} names it: relative to the working directory. */
  private static String tlsFile(Configuration.SettingFile file) {
    Path parent = file.path().getParent();
    return parent.getFileName() + "/" + file.path().getFileName();
  }

  /** The database a node is given when a URL is configured. */
  private static KeygateNode.Storage.Jdbc jdbc(KeygateNode.Settings node) {
    assertThat(node.storage()).isInstanceOf(KeygateNode.Storage.Jdbc.class);
    return (KeygateNode.Storage.Jdbc) node.storage();
  }
}
