package dev.keygate.adapter.persistence;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.Properties;

/**
 * The user and password of the embedded database, kept in a properties file beside it. Never
 * printed: {@link #toString()} shows the user only, and no message names the password.
 */
record EmbeddedCredentials(String user, String password) {

  /** 256 random bits, twice the least a password that guards every key should have. */
  private static final int PASSWORD_BYTES = 32;

  EmbeddedCredentials {
    if (user == null || user.isBlank() || !user.matches("[A-Za-z][A-Za-z0-9_]*")) {
      throw new IllegalArgumentException(
          "embedded database user must be a letter, then letters, digits or _");
    }
    if (password == null || password.isBlank()) {
      throw new IllegalArgumentException("embedded database password must not be blank");
    }
  }

  /** The user {@code keygate} with a fresh random password. */
  static EmbeddedCredentials generate(SecureRandom random) {
    byte[] bytes = new byte[PASSWORD_BYTES];
    random.nextBytes(bytes);
    return new EmbeddedCredentials(
        EmbeddedDatabase.USER, Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
  }

  /** What {@code file} holds, if it exists. */
  static Optional<EmbeddedCredentials> read(Path file) {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (NoSuchFileException absent) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(file + " is not a properties file", e);
    }
    try {
      return Optional.of(
          new EmbeddedCredentials(
              properties.getProperty("user"), properties.getProperty("password")));
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(file + " must hold a user and a password: " + e.getMessage());
    }
  }

  /**
   * Writes these credentials to {@code file} unless it exists, all at once: a node that starts at
   * the same moment finds either no file or a whole one. Answers what {@code file} holds
   * afterwards: these credentials, or those of the node that wrote it first.
   */
  EmbeddedCredentials writeOrReadWinner(Path file) {
    Path draft = null;
    try {
      draft = OwnerOnlyFiles.writeDraft(file.getParent(), content());
      try {
        // A hard link appears whole or not at all, and never replaces a file already there.
        Files.createLink(file, draft);
      } catch (UnsupportedOperationException noHardLinks) {
        Files.move(draft, file);
      }
      return this;
    } catch (FileAlreadyExistsException lost) {
      return read(file).orElseThrow(() -> new IllegalStateException(file + " vanished"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    } finally {
      deleteDraft(draft);
    }
  }

  private static void deleteDraft(Path draft) {
    if (draft == null) {
      return;
    }
    try {
      Files.deleteIfExists(draft);
    } catch (IOException e) {
      // A leftover draft is 0600 in a 0700 directory, and never read: harmless.
    }
  }

  private String content() {
    return "# The embedded H2 database beside this file opens with these credentials: Keygate made"
        + " them\n# and reads them; keep this file readable by its owner only (0600).\n"
        + "user="
        + user
        + "\npassword="
        + password
        + "\n";
  }

  @Override
  public String toString() {
    return "EmbeddedCredentials[user=" + user + ", password=***]";
  }
}
