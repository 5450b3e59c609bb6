package dev.keygate.bootstrap;

import dev.keygate.adapter.remote.Credentials;
import dev.keygate.bootstrap.Configuration.ConfigurationException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * The credentials a command presents to a server, from the first place that has them: the file
 * {@code --credentials} names, the environment ({@code KEYGATE_MANAGEMENT_KEY}, or {@code
 * KEYGATE_CLIENT_ID} and {@code KEYGATE_CLIENT_SECRET}), or {@code ~/.config/keygate/credentials}
 * when it exists. A credentials file must be its user's alone, as ssh asks of a private key: one
 * that others may read, or that someone else owns, is refused rather than used.
 */
final class RemoteCredentials {

  static final String MANAGEMENT_KEY = "KEYGATE_MANAGEMENT_KEY";
  static final String CLIENT_ID = "KEYGATE_CLIENT_ID";
  static final String CLIENT_SECRET = "KEYGATE_CLIENT_SECRET";

  private static final Set<PosixFilePermission> OWNER_ONLY =
      EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

  private RemoteCredentials() {}

  /**
   * @param file the file {@code --credentials} names, if it names one
   * @throws ConfigurationException naming what is missing or wrong, never a secret
   */
  static Credentials resolve(Optional<Path> file, Map<String, String> environment, String server) {
    if (file.isPresent()) {
      return fromFile(file.get());
    }
    Optional<Credentials> fromEnvironment = fromEnvironment(environment);
    if (fromEnvironment.isPresent()) {
      return fromEnvironment.get();
    }
    Path standard = standardFile(environment);
    if (Files.exists(standard, LinkOption.NOFOLLOW_LINKS)) {
      return fromFile(standard);
    }
    throw new ConfigurationException(
        "no credentials for "
            + server
            + ": set "
            + MANAGEMENT_KEY
            + ", or "
            + CLIENT_ID
            + " and "
            + CLIENT_SECRET
            + ", or give --credentials FILE (default "
            + standard
            + ")");
  }

  /** {@code $XDG_CONFIG_HOME/keygate/credentials}, else {@code ~/.config/keygate/credentials}. */
  static Path standardFile(Map<String, String> environment) {
    String configHome = environment.get("XDG_CONFIG_HOME");
    if (configHome != null && !configHome.isBlank()) {
      return Path.of(configHome, "keygate", "credentials");
    }
    String home = environment.getOrDefault("HOME", System.getProperty("user.home"));
    return Path.of(home, ".config", "keygate", "credentials");
  }

  private static Optional<Credentials> fromEnvironment(Map<String, String> environment) {
    return credentials(
        "the environment",
        MANAGEMENT_KEY,
        CLIENT_ID + " and " + CLIENT_SECRET,
        value(environment.get(MANAGEMENT_KEY)),
        value(environment.get(CLIENT_ID)),
        value(environment.get(CLIENT_SECRET)));
  }

  private static Credentials fromFile(Path file) {
    checkOwnerOnly(file);
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (IOException | IllegalArgumentException e) {
      throw new ConfigurationException(
          "cannot read the credentials file " + file + ": " + e.getClass().getSimpleName());
    }
    return credentials(
            "the credentials file " + file,
            "management_key",
            "client_id and client_secret",
            value(properties.getProperty("management_key")),
            value(properties.getProperty("client_id")),
            value(properties.getProperty("client_secret")))
        .orElseThrow(
            () ->
                new ConfigurationException(
                    "the credentials file "
                        + file
                        + " holds neither management_key nor client_id and client_secret"));
  }

  private static Optional<Credentials> credentials(
      String where,
      String keyName,
      String clientNames,
      Optional<String> key,
      Optional<String> clientId,
      Optional<String> clientSecret) {
    boolean client = clientId.isPresent() || clientSecret.isPresent();
    if (key.isPresent() && client) {
      throw new ConfigurationException(
          where + " gives both " + keyName + " and " + clientNames + ": give one of them");
    }
    if (key.isPresent()) {
      return Optional.of(new Credentials.ManagementKey(key.get()));
    }
    if (client) {
      if (clientId.isEmpty() || clientSecret.isEmpty()) {
        throw new ConfigurationException(where + " must give both " + clientNames);
      }
      return Optional.of(new Credentials.ClientCredentials(clientId.get(), clientSecret.get()));
    }
    return Optional.empty();
  }

  /**
   * Refuses a file that is not a regular file of this user's, readable and writable by it alone.
   */
  private static void checkOwnerOnly(Path file) {
    if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
      throw new ConfigurationException(
          "the credentials file " + file + " does not exist or is not a regular file");
    }
    try {
      Set<PosixFilePermission> permissions =
          Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS);
      if (!OWNER_ONLY.containsAll(permissions)) {
        throw new ConfigurationException(
            "the credentials file "
                + file
                + " has mode "
                + PosixFilePermissions.toString(permissions)
                + ": it must be readable by its owner alone (chmod 600 "
                + file
                + ")");
      }
      String owner = Files.getOwner(file, LinkOption.NOFOLLOW_LINKS).getName();
      String me = System.getProperty("user.name");
      if (!owner.equals(me)) {
        throw new ConfigurationException(
            "the credentials file " + file + " belongs to " + owner + ", not to " + me);
      }
    } catch (IOException | UnsupportedOperationException e) {
      throw new ConfigurationException(
          "cannot check who may read the credentials file " + file + ": " + e.getMessage());
    }
  }

  private static Optional<String> value(String text) {
    return Optional.ofNullable(text).map(String::strip).filter(stripped -> !stripped.isEmpty());
  }
}
