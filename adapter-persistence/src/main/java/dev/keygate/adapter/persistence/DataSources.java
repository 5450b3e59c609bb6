package dev.keygate.adapter.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.Locale;

/**
 * Connection pools for Keygate's databases; {@link EmbeddedDatabase} is the default one, with its
 * own credentials.
 */
public final class DataSources {

  private DataSources() {}

  /**
   * A HikariCP pool on {@code jdbcUrl}; user and password may be null for H2. H2 writes each commit
   * to its file at once unless the URL sets {@code WRITE_DELAY} itself.
   */
  public static HikariDataSource pool(String jdbcUrl, String user, String password) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(jdbcUrl);
    // H2 otherwise writes commits to its file in the background, up to half a second late: a
    // killed process would lose keys whose creation had already returned their token.
    if (jdbcUrl.startsWith("jdbc:h2:")
        && !jdbcUrl.toUpperCase(Locale.ROOT).contains("WRITE_DELAY")) {
      config.addDataSourceProperty("WRITE_DELAY", "0");
    }
    config.setUsername(user);
    config.setPassword(password);
    config.setPoolName("keygate");
    config.setMaximumPoolSize(10);
    return new HikariDataSource(config);
  }
}
