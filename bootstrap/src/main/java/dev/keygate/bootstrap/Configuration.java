package dev.keygate.bootstrap;

import dev.keygate.adapter.cli.UsageException;
import dev.keygate.adapter.crypto.Argon2Parameters;
import dev.keygate.adapter.crypto.GitHubScanningKeys;
import dev.keygate.adapter.memory.Bucket4jFailedAttempts;
import dev.keygate.adapter.persistence.EmbeddedDatabase;
import dev.keygate.application.port.out.ScanningSignatures;
import dev.keygate.application.service.VerifyMode;
import dev.keygate.application.service.WebhookSettings;
import dev.keygate.domain.token.KeyPrefix;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The settings of {@code keygate serve} and {@code keygate init}, each resolved on its own: a
 * command-line flag wins over the environment, which wins over {@code keygate.properties} in the
 * working directory, which wins over the default. Every value is checked when resolved, so a bad
 * one stops the command before anything is opened.
 */
final class Configuration {

  /** The properties file read from the working directory. */
  static final String PROPERTIES_FILE = "keygate.properties";

  /** One setting: its flag (if it has one), environment variable, property key and default. */
  enum Setting {
    PORT("--port", "8080"),
    HOST("--host", "127.0.0.1"),
    TLS_CERT("--tls-cert", null),
    TLS_KEY("--tls-key", null),
    PUBLIC_URL(null, null),
    METRICS_ADDRESS(null, "main"),
    DB_URL("--db-url", null),
    DB_USER("--db-user", null),
    DB_PASSWORD("--db-password", null),
    KEY_PREFIX("--key-prefix", KeyPrefix.DEFAULT.value()),
    ARGON2_MEMORY_KIB(null, String.valueOf(Argon2Parameters.OWASP.memoryKib())),
    ARGON2_ITERATIONS(null, String.valueOf(Argon2Parameters.OWASP.iterations())),
    ARGON2_PARALLELISM(null, String.valueOf(Argon2Parameters.OWASP.parallelism())),
    VERIFIED_TOKEN_TTL(null, "5m"),
    VERIFY_MODE(null, null),
    STATE_CACHE_TTL(null, "off"),
    FOLLOW_BOUND(null, "250ms"),
    FOLLOW_POLL(null, "100ms"),
    HASHING_SLOTS(null, String.valueOf(VerificationOptions.DEFAULTS.hashingSlots())),
    HASHING_WAIT(null, "500ms"),
    FAILED_ATTEMPTS_PER_MINUTE(null, String.valueOf(Bucket4jFailedAttempts.DEFAULT_LIMIT)),
    LIVE_KEYS_PER_OWNER(null, String.valueOf(TenantOptions.DEFAULTS.liveKeysPerOwner())),
    KEY_CREATIONS_PER_MINUTE(null, String.valueOf(TenantOptions.DEFAULTS.keyCreationsPerMinute())),
    USAGE_FLUSH_INTERVAL(null, "1s"),
    SHUTDOWN_TIMEOUT(null, "10s"),
    PORTAL_LINK_TTL("--portal-link-ttl", "15m"),
    ACCESS_TOKEN_TTL(null, "1h"),
    SIGNING_KEY_ENCRYPTION_KEY(null, null),
    LEAK_POLICY(null, "revoke"),
    SECRET_SCANNING_KEYS(null, null),
    WEBHOOK_POLL(null, "1s"),
    WEBHOOK_TIMEOUT(null, "10s"),
    WEBHOOK_RETRIES(null, "5s,5m,30m,2h,5h,10h,10h"),
    WEBHOOK_EXPIRING_NOTICE(null, "7d");

    private final Optional<String> flag;
    private final Optional<String> defaultValue;

    Setting(String flag, String defaultValue) {
      this.flag = Optional.ofNullable(flag);
      this.defaultValue = Optional.ofNullable(defaultValue);
    }

    /** Such as {@code --db-url}, for the settings that have one. */
    Optional<String> flag() {
      return flag;
    }

    /** Such as {@code KEYGATE_DB_URL}. */
    String environmentVariable() {
      return "KEYGATE_" + name();
    }

    /** Such as {@code keygate.db.url}. */
    String propertyKey() {
      return "keygate." + name().toLowerCase(Locale.ROOT).replace('_', '.');
    }

    Optional<String> defaultValue() {
      return defaultValue;
    }
  }

  private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h|d)");
  private static final Map<String, ChronoUnit> DURATION_UNITS =
      Map.of(
          "ms", ChronoUnit.MILLIS,
          "s", ChronoUnit.SECONDS,
          "m", ChronoUnit.MINUTES,
          "h", ChronoUnit.HOURS,
          "d", ChronoUnit.DAYS);

  private final int port;
  private final String host;
  private final Optional<Tls> tls;
  private final Optional<String> publicUrl;
  private final MetricsAddress metricsAddress;
  private final Optional<String> dbUrl;
  private final Path dataDirectory;
  private final Optional<String> dbUser;
  private final Optional<String> dbPassword;
  private final KeyPrefix keyPrefix;
  private final Argon2Parameters argon2;
  private final Duration verifiedTokenTtl;
  private final VerificationOptions verification;
  private final TenantOptions tenants;
  private final Duration usageFlushInterval;
  private final Duration shutdownTimeout;
  private final Duration portalLinkTtl;
  private final Duration accessTokenTtl;
  private final Optional<KeyEncryptionKey> signingKeyEncryption;
  private final WebhookOptions webhooks;

  private Configuration(Values values, Path workingDirectory) {
    port = values.parse(Setting.PORT, Configuration::port);
    host = values.parse(Setting.HOST, Configuration::nonBlank);
    tls = tls(values, workingDirectory);
    publicUrl = values.parseIfGiven(Setting.PUBLIC_URL, PublicUrl::parse);
    metricsAddress = values.parse(Setting.METRICS_ADDRESS, MetricsAddress::parse);
    dbUrl = values.parseIfGiven(Setting.DB_URL, Configuration::jdbcUrl);
    dataDirectory = workingDirectory.resolve(EmbeddedDatabase.DIRECTORY);
    dbUser = values.raw(Setting.DB_USER);
    dbPassword = values.raw(Setting.DB_PASSWORD);
    if (dbUrl.isEmpty()) {
      // Credentials for the embedded database would do nothing: it keeps its own.
      values.refuseWithoutUrl(Setting.DB_USER);
      values.refuseWithoutUrl(Setting.DB_PASSWORD);
    }
    keyPrefix = values.parse(Setting.KEY_PREFIX, value -> new KeyPrefix(value.strip()));
    int memory = values.parse(Setting.ARGON2_MEMORY_KIB, Configuration::positiveInt);
    int iterations = values.parse(Setting.ARGON2_ITERATIONS, Configuration::positiveInt);
    int parallelism = values.parse(Setting.ARGON2_PARALLELISM, Configuration::positiveInt);
    argon2 =
        values.parse(
            Setting.ARGON2_MEMORY_KIB,
            ignored -> new Argon2Parameters(memory, iterations, parallelism));
    verifiedTokenTtl = values.parse(Setting.VERIFIED_TOKEN_TTL, Configuration::positiveDuration);
    Optional<Duration> stateCacheTtl =
        values.parse(Setting.STATE_CACHE_TTL, Configuration::durationOrOff);
    Duration followBound = values.parse(Setting.FOLLOW_BOUND, Configuration::positiveDuration);
    verification =
        new VerificationOptions(
            values
                .parseIfGiven(Setting.VERIFY_MODE, value -> verifyMode(value, stateCacheTtl))
                .orElse(stateCacheTtl.isPresent() ? VerifyMode.TTL : VerifyMode.FOLLOW),
            stateCacheTtl,
            followBound,
            values.parse(Setting.FOLLOW_POLL, value -> followPoll(value, followBound)),
            values.parse(Setting.HASHING_SLOTS, Configuration::positiveInt),
            values.parse(Setting.HASHING_WAIT, Configuration::duration),
            values.parse(Setting.FAILED_ATTEMPTS_PER_MINUTE, Configuration::positiveInt));
    tenants =
        new TenantOptions(
            values.parse(Setting.LIVE_KEYS_PER_OWNER, Configuration::positiveInt),
            values.parse(Setting.KEY_CREATIONS_PER_MINUTE, Configuration::positiveInt));
    usageFlushInterval =
        values.parse(Setting.USAGE_FLUSH_INTERVAL, Configuration::positiveDuration);
    shutdownTimeout = values.parse(Setting.SHUTDOWN_TIMEOUT, Configuration::duration);
    portalLinkTtl = values.parse(Setting.PORTAL_LINK_TTL, Configuration::portalLinkTtl);
    accessTokenTtl = values.parse(Setting.ACCESS_TOKEN_TTL, Configuration::atMostADay);
    signingKeyEncryption =
        values.parseIfGiven(Setting.SIGNING_KEY_ENCRYPTION_KEY, KeyEncryptionKey::parse);
    webhooks =
        new WebhookOptions(
            values.parse(Setting.WEBHOOK_POLL, Configuration::positiveDuration),
            new WebhookSettings(
                values.parse(Setting.LEAK_POLICY, WebhookOptions::leakPolicy),
                values.parse(Setting.WEBHOOK_RETRIES, WebhookOptions::retries),
                values.parse(Setting.WEBHOOK_TIMEOUT, Configuration::positiveDuration),
                values.parse(Setting.WEBHOOK_EXPIRING_NOTICE, Configuration::expiringNotice),
                WebhookSettings.DEFAULTS.retention()),
            values
                .file(Setting.SECRET_SCANNING_KEYS, workingDirectory)
                .<ScanningSignatures>map(Configuration::scanningKeys)
                .orElseGet(GitHubScanningKeys::none));
  }

  /** The secret scanners' public keys in {@code file}, read once now. */
  private static ScanningSignatures scanningKeys(SettingFile file) {
    try {
      return GitHubScanningKeys.load(file.path());
    } catch (IllegalArgumentException e) {
      throw file.invalid(e.getMessage());
    }
  }

  /**
   * Resolves every setting.
   *
   * @param flags the flags given on the command line, by setting
   * @param environment the process environment
   * @param workingDirectory where {@value #PROPERTIES_FILE} is looked for
   * @throws ConfigurationException naming the setting, its source and what is wrong
   */
  static Configuration resolve(
      Map<Setting, String> flags, Map<String, String> environment, Path workingDirectory) {
    Path file = workingDirectory.resolve(PROPERTIES_FILE);
    return new Configuration(
        new Values(flags, environment, file, readProperties(file)), workingDirectory);
  }

  int port() {
    return port;
  }

  String host() {
    return host;
  }

  /**
   * The PEM files of the certificate chain and the private key, when the server is to speak HTTPS;
   * only named here, read by {@link PemFiles} when a server starts.
   */
  Optional<Tls> tls() {
    return tls;
  }

  /** {@code https} when the server speaks TLS, else {@code http}. */
  String scheme() {
    return tls.isPresent() ? "https" : "http";
  }

  /** Where the server is reached from outside, when configured: the base of every link. */
  Optional<String> publicUrl() {
    return publicUrl;
  }

  /** Where {@code /metrics} is served. */
  MetricsAddress metricsAddress() {
    return metricsAddress;
  }

  /** How long a stopping server waits for requests in flight. */
  Duration shutdownTimeout() {
    return shutdownTimeout;
  }

  /** How long a portal link works once made. */
  Duration portalLinkTtl() {
    return portalLinkTtl;
  }

  /** A node on the configured database with the configured cost and caches. */
  KeygateNode.Settings nodeSettings(Optional<MeterRegistry> meters) {
    KeygateNode.Storage storage =
        dbUrl
            .<KeygateNode.Storage>map(url -> new KeygateNode.Storage.Jdbc(url, dbUser, dbPassword))
            .orElseGet(() -> new KeygateNode.Storage.Embedded(dataDirectory));
    return new KeygateNode.Settings(
        storage,
        keyPrefix,
        argon2,
        Clock.tickMillis(ZoneOffset.UTC),
        verifiedTokenTtl,
        KeygateNode.DEFAULT_VERIFIED_TOKEN_CAPACITY,
        usageFlushInterval,
        verification,
        tenants,
        accessTokenTtl,
        signingKeyEncryption,
        webhooks,
        meters);
  }

  /** Both files of {@code --tls-cert} and {@code --tls-key}, or neither. */
  private static Optional<Tls> tls(Values values, Path workingDirectory) {
    Optional<SettingFile> certificate = values.file(Setting.TLS_CERT, workingDirectory);
    Optional<SettingFile> key = values.file(Setting.TLS_KEY, workingDirectory);
    if (certificate.isPresent() && key.isPresent()) {
      return Optional.of(new Tls(certificate.get(), key.get()));
    }
    String why = "HTTPS takes a certificate and its private key; give both, or neither for HTTP";
    values.refuseWithout(Setting.TLS_CERT, Setting.TLS_KEY, why);
    values.refuseWithout(Setting.TLS_KEY, Setting.TLS_CERT, why);
    return Optional.empty();
  }

  /**
   * The PEM files the server proves itself with over HTTPS.
   *
   * @param certificate the certificate chain, the server's own certificate first
   * @param key its private key, PKCS#8
   */
  record Tls(SettingFile certificate, SettingFile key) {}

  /**
   * A file a setting names, resolved against the working directory, with what was given and where
   * it came from, so that whoever reads it can refuse it as every setting is refused.
   */
  record SettingFile(Setting setting, Path path, String value, String source) {

    /** The error that refuses this file for {@code reason}. */
    ConfigurationException invalid(String reason) {
      return new ConfigurationException(
          "invalid " + Values.name(setting) + " '" + value + "' from " + source + ": " + reason);
    }
  }

  /**
   * A setting's value that cannot be used, or a properties file that cannot be read: a usage error
   * of the command that resolved it.
   */
  static final class ConfigurationException extends UsageException {
    private static final long serialVersionUID = 1L;

    ConfigurationException(String message) {
      super(message);
    }
  }

  /** Each setting's raw value from the first source that has one. */
  private static final class Values {
    private final Map<Setting, String> flags;
    private final Map<String, String> environment;
    private final Path file;
    private final Properties properties;

    Values(Map<Setting, String> flags, Map<String, String> environment, Path file, Properties p) {
      this.flags = new EnumMap<>(Setting.class);
      this.flags.putAll(flags);
      this.environment = environment;
      this.file = file;
      this.properties = p;
    }

    Optional<String> raw(Setting setting) {
      return source(setting).map(Source::value);
    }

    <T> T parse(Setting setting, Function<String, T> parser) {
      return parseIfGiven(setting, parser)
          .orElseThrow(() -> new IllegalStateException(setting + " has no default"));
    }

    /** The setting parsed, if any source or a default has it. */
    <T> Optional<T> parseIfGiven(Setting setting, Function<String, T> parser) {
      Optional<Source> given = source(setting);
      if (given.isEmpty()) {
        return Optional.empty();
      }
      Source source = given.get();
      try {
        return Optional.of(parser.apply(source.value()));
      } catch (RuntimeException e) {
        // A secret's value is never repeated, not even a wrong one.
        String shown =
            setting == Setting.SIGNING_KEY_ENCRYPTION_KEY ? "(hidden)" : "'" + source.value() + "'";
        throw new ConfigurationException(
            "invalid "
                + name(setting)
                + " "
                + shown
                + " from "
                + source.name()
                + ": "
                + e.getMessage());
      }
    }

    /** The file {@code setting} names, if it is given. */
    Optional<SettingFile> file(Setting setting, Path workingDirectory) {
      Optional<Path> path =
          parseIfGiven(setting, value -> workingDirectory.resolve(nonBlank(value)).normalize());
      return path.map(
          resolved -> {
            Source source = source(setting).orElseThrow();
            return new SettingFile(setting, resolved, source.value(), source.name());
          });
    }

    /**
     * Refuses {@code setting} if it is given without {@code companion}, naming where it came from
     * and every way to give the companion.
     */
    void refuseWithout(Setting setting, Setting companion, String why) {
      if (source(companion).isPresent()) {
        return;
      }
      source(setting)
          .ifPresent(
              source -> {
                throw new ConfigurationException(
                    name(setting)
                        + " from "
                        + source.name()
                        + " needs a "
                        + name(companion)
                        + " as well ("
                        + companion.flag().map(flag -> flag + ", ").orElse("")
                        + companion.environmentVariable()
                        + " or "
                        + companion.propertyKey()
                        + "): "
                        + why);
              });
    }

    /** Refuses {@code setting}, naming where it came from but not its value, if it is given. */
    void refuseWithoutUrl(Setting setting) {
      source(setting)
          .ifPresent(
              source -> {
                throw new ConfigurationException(
                    name(setting)
                        + " from "
                        + source.name()
                        + " needs a db url as well (--db-url, KEYGATE_DB_URL or keygate.db.url):"
                        + " the default embedded database logs in with the credentials it keeps"
                        + " in "
                        + EmbeddedDatabase.DIRECTORY
                        + "/"
                        + EmbeddedDatabase.CREDENTIALS_FILE);
              });
    }

    private static String name(Setting setting) {
      return setting.propertyKey().substring("keygate.".length()).replace('.', ' ');
    }

    private Optional<Source> source(Setting setting) {
      if (flags.containsKey(setting)) {
        return Optional.of(new Source(setting.flag().orElseThrow(), flags.get(setting)));
      }
      String fromEnvironment = environment.get(setting.environmentVariable());
      if (fromEnvironment != null) {
        return Optional.of(new Source(setting.environmentVariable(), fromEnvironment));
      }
      String fromFile = properties.getProperty(setting.propertyKey());
      if (fromFile != null) {
        return Optional.of(new Source(setting.propertyKey() + " in " + file, fromFile));
      }
      return setting.defaultValue().map(value -> new Source("the default", value));
    }
  }

  /** A raw value and where it came from, for error messages. */
  private record Source(String name, String value) {}

  private static Properties readProperties(Path file) {
    Properties properties = new Properties();
    if (!Files.exists(file)) {
      return properties;
    }
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (IOException | IllegalArgumentException e) {
      throw new ConfigurationException("cannot read " + file + ": " + e.getMessage());
    }
    for (String key : properties.stringPropertyNames()) {
      boolean known = false;
      for (Setting setting : Setting.values()) {
        known |= setting.propertyKey().equals(key);
      }
      if (!known) {
        throw new ConfigurationException("unknown setting " + key + " in " + file);
      }
    }
    return properties;
  }

  private static int port(String value) {
    int port = wholeNumber(value);
    if (port > 65_535) {
      throw new IllegalArgumentException("must be a whole number from 0 to 65535");
    }
    return port;
  }

  private static int positiveInt(String value) {
    int number = wholeNumber(value);
    if (number < 1) {
      throw new IllegalArgumentException("must be a whole number of at least 1");
    }
    return number;
  }

  private static int wholeNumber(String value) {
    try {
      int number = Integer.parseInt(value.strip());
      if (number < 0) {
        throw new NumberFormatException();
      }
      return number;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("must be a whole number", e);
    }
  }

  private static String nonBlank(String value) {
    if (value.isBlank()) {
      throw new IllegalArgumentException("must not be blank");
    }
    return value.strip();
  }

  private static String jdbcUrl(String value) {
    if (!value.strip().startsWith("jdbc:")) {
      throw new IllegalArgumentException("must be a JDBC URL such as jdbc:postgresql://host/db");
    }
    return value.strip();
  }

  private static Duration positiveDuration(String value) {
    Duration duration = duration(value);
    if (duration.isZero()) {
      throw new IllegalArgumentException("must be longer than zero");
    }
    return duration;
  }

  /**
   * {@code follow}, {@code strict} or {@code ttl}; ttl with a state cache ttl, and the others
   * without one.
   */
  private static VerifyMode verifyMode(String value, Optional<Duration> stateCacheTtl) {
    VerifyMode mode;
    try {
      mode = VerifyMode.valueOf(value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("must be follow, strict or ttl");
    }
    if (mode == VerifyMode.TTL && stateCacheTtl.isEmpty()) {
      throw new IllegalArgumentException(
          "ttl needs a state cache ttl as well (KEYGATE_STATE_CACHE_TTL or"
              + " keygate.state.cache.ttl), such as 30s");
    }
    if (mode != VerifyMode.TTL && stateCacheTtl.isPresent()) {
      throw new IllegalArgumentException(
          "the state cache ttl (KEYGATE_STATE_CACHE_TTL or keygate.state.cache.ttl) is given,"
              + " and it applies to ttl only: leave it out, or choose ttl");
    }
    return mode;
  }

  /** A positive duration shorter than {@code bound}. */
  private static Duration followPoll(String value, Duration bound) {
    Duration poll = positiveDuration(value);
    if (poll.compareTo(bound) >= 0) {
      throw new IllegalArgumentException(
          "must be shorter than the follow bound ("
              + bound.toMillis()
              + " ms), or a node that reads the feed falls behind its bound between two reads");
    }
    return poll;
  }

  /** {@code off}, or a duration longer than zero. */
  private static Optional<Duration> durationOrOff(String value) {
    if (value.strip().equalsIgnoreCase("off")) {
      return Optional.empty();
    }
    return Optional.of(positiveDuration(value));
  }

  /** {@code 500ms}, {@code 30s}, {@code 5m}, {@code 1h}, {@code 7d}, or ISO-8601 ({@code PT5M}). */
  private static Duration portalLinkTtl(String value) {
    return atMostADay(value);
  }

  /** A positive duration shorter than the delivery log is kept, which sends each notice once. */
  private static Duration expiringNotice(String value) {
    Duration duration = positiveDuration(value);
    Duration retention = WebhookSettings.DEFAULTS.retention();
    if (duration.compareTo(retention) >= 0) {
      throw new IllegalArgumentException(
          "must be shorter than " + retention.toDays() + "d, how long sent events are kept");
    }
    return duration;
  }

  /** A positive duration of at most a day, such as how long an access token lives. */
  private static Duration atMostADay(String value) {
    Duration duration = positiveDuration(value);
    if (duration.compareTo(Duration.ofDays(1)) > 0) {
      throw new IllegalArgumentException("must be at most 1d, was " + value.strip());
    }
    return duration;
  }

  static Duration duration(String value) {
    String text = value.strip();
    Matcher matcher = DURATION.matcher(text);
    if (matcher.matches()) {
      return Duration.of(Long.parseLong(matcher.group(1)), DURATION_UNITS.get(matcher.group(2)));
    }
    try {
      Duration parsed = Duration.parse(text);
      if (parsed.isNegative()) {
        throw new IllegalArgumentException("must not be negative");
      }
      return parsed;
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("must be a duration such as 500ms, 30s, 5m, 1h or 7d", e);
    }
  }
}
