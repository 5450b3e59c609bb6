package dev.keygate.bootstrap;

import dev.keygate.bootstrap.Configuration.Setting;
import java.util.Map;
import picocli.CommandLine.Option;

/** The flags every command that opens the database shares. */
final class DatabaseOptions {

  @Option(
      names = "--db-url",
      paramLabel = "URL",
      description =
          "JDBC URL of the database, H2 or PostgreSQL (env KEYGATE_DB_URL; default: the"
              + " embedded H2 database in keygate-data of the working directory, with the"
              + " credentials it keeps there)")
  String dbUrl;

  @Option(
      names = "--db-user",
      paramLabel = "USER",
      description = "database user, with --db-url (env KEYGATE_DB_USER)")
  String dbUser;

  @Option(
      names = "--db-password",
      paramLabel = "PASSWORD",
      description =
          "database password, with --db-url; prefer env KEYGATE_DB_PASSWORD, which ps does not"
              + " show")
  String dbPassword;

  @Option(
      names = "--key-prefix",
      paramLabel = "PREFIX",
      description = "prefix of new tokens (env KEYGATE_KEY_PREFIX; default k_live)")
  String keyPrefix;

  /** Adds the flags that were given. */
  void addTo(Map<Setting, String> flags) {
    put(flags, Setting.DB_URL, dbUrl);
    put(flags, Setting.DB_USER, dbUser);
    put(flags, Setting.DB_PASSWORD, dbPassword);
    put(flags, Setting.KEY_PREFIX, keyPrefix);
  }

  static void put(Map<Setting, String> flags, Setting setting, String value) {
    if (value != null) {
      flags.put(setting, value);
    }
  }
}
