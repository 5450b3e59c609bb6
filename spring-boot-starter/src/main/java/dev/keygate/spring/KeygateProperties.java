package dev.keygate.spring;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code keygate.*} properties of a Spring Boot application: where Keygate keeps its data, how
 * it hashes, and which paths {@code KeygateFilter} guards with which scopes.
 */
@ConfigurationProperties("keygate")
public class KeygateProperties {

  /**
   * The embedded database's directory, used when no {@code keygate.db.url} is given: {@code
   * keygate-data} of the working directory by default.
   */
  private Path dataDir;

  /** Prefix of new tokens; {@code k_live} by default. */
  private String keyPrefix;

  /** URL patterns that only a live key with the required scopes may reach, such as /api/*. */
  private List<String> protect = new ArrayList<>();

  /** Scopes a key needs on the protected paths; none by default (any live key passes). */
  private List<String> requiredScopes = new ArrayList<>();

  private final Db db = new Db();

  private final Argon2 argon2 = new Argon2();

  public Path getDataDir() {
    return dataDir;
  }

  public void setDataDir(Path dataDir) {
    this.dataDir = dataDir;
  }

  public String getKeyPrefix() {
    return keyPrefix;
  }

  public void setKeyPrefix(String keyPrefix) {
    this.keyPrefix = keyPrefix;
  }

  public List<String> getProtect() {
    return protect;
  }

  public void setProtect(List<String> protect) {
    this.protect = protect;
  }

  public List<String> getRequiredScopes() {
    return requiredScopes;
  }

  public void setRequiredScopes(List<String> requiredScopes) {
    this.requiredScopes = requiredScopes;
  }

  public Db getDb() {
    return db;
  }

  public Argon2 getArgon2() {
    return argon2;
  }

  /** A database of your own, H2 or PostgreSQL, instead of the embedded one. */
  public static class Db {

    /** JDBC URL of the database. */
    private String url;

    /** Database user, for the URL. */
    private String user;

    /** Database password, for the URL. */
    private String password;

    public String getUrl() {
      return url;
    }

    public void setUrl(String url) {
      this.url = url;
    }

    public String getUser() {
      return user;
    }

    public void setUser(String user) {
      this.user = user;
    }

    public String getPassword() {
      return password;
    }

    public void setPassword(String password) {
      this.password = password;
    }

    @Override
    public String toString() {
      // The password is a secret: it never reaches a log or an error.
      return "Db[url="
          + url
          + ", user="
          + user
          + ", password="
          + (password == null ? null : "***")
          + "]";
    }
  }

  /** Argon2id cost of hashing a key's secret; OWASP's m=19456, t=2, p=1 by default. */
  public static class Argon2 {

    /** Memory per hash, KiB. */
    private int memoryKib = 19456;

    /** Passes. */
    private int iterations = 2;

    /** Lanes. */
    private int parallelism = 1;

    public int getMemoryKib() {
      return memoryKib;
    }

    public void setMemoryKib(int memoryKib) {
      this.memoryKib = memoryKib;
    }

    public int getIterations() {
      return iterations;
    }

    public void setIterations(int iterations) {
      this.iterations = iterations;
    }

    public int getParallelism() {
      return parallelism;
    }

    public void setParallelism(int parallelism) {
      this.parallelism = parallelism;
    }
  }
}
