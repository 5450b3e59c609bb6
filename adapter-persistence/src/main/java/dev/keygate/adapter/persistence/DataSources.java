package dev.keygate.adapter.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/** Connection pools for Keygate's databases. */
public final class DataSources {

  /**
   * The embedded default: an H2 file under {@code ./keygate-data}, opened with {@code
   * AUTO_SERVER=TRUE} so the CLI and a running server can share it.
   */
  public static final String DEFAULT_URL = "jdbc:h2:file:./keygate-data/keygate;AUTO_SERVER=TRUE";

  private DataSources() {}

  /** A HikariCP pool on {@code jdbcUrl}; user and password may be null for H2. */
  public static HikariDataSource pool(String jdbcUrl, String user, String password) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(jdbcUrl);
    config.setUsername(user);
    config.setPassword(password);
    config.setPoolName("keygate");
    config.setMaximumPoolSize(10);
    return new HikariDataSource(config);
  }
}
