package dev.keygate.adapter.persistence;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A directory that only its owner may enter (0700) and files only its owner may read (0600), on
 * file systems with POSIX permissions; elsewhere the directory's inherited access stands.
 */
final class OwnerOnlyFiles {

  static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
  static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

  private OwnerOnlyFiles() {}

  /**
   * Creates {@code directory} 0700 if it is missing, then {@linkplain #tighten tightens} it and
   * what is in it: one made by an earlier version, or by hand, may be open to everyone.
   */
  static void prepare(Path directory) throws IOException {
    Files.createDirectories(directory.getParent());
    try {
      if (posix(directory.getParent())) {
        Files.createDirectory(directory, PosixFilePermissions.asFileAttribute(DIRECTORY));
      } else {
        Files.createDirectory(directory);
      }
    } catch (FileAlreadyExistsException alreadyThere) {
      // Made earlier, or by another node starting at the same moment: tightened below either way.
    }
    tighten(directory);
  }

  /**
   * Makes {@code directory} 0700, and each file and directory directly in it 0600 and 0700.
   * Symbolic links are left alone, so that none can turn this on a file elsewhere.
   */
  static void tighten(Path directory) throws IOException {
    if (!posix(directory)) {
      return;
    }
    Files.setPosixFilePermissions(directory, DIRECTORY);
    try (Stream<Path> entries = Files.list(directory)) {
      for (Path entry : entries.toList()) {
        if (Files.isSymbolicLink(entry)) {
          continue;
        }
        try {
          Files.setPosixFilePermissions(entry, Files.isDirectory(entry) ? DIRECTORY : FILE);
        } catch (NoSuchFileException goneMeanwhile) {
          // H2 deletes its lock and temporary files when it is done with them.
        }
      }
    }
  }

  /**
   * Writes {@code content} to a new file of its own name in {@code directory}, 0600 from its
   * creation, durable before this returns; the caller moves or links it into place.
   */
  static Path writeDraft(Path directory, String content) throws IOException {
    Path draft =
        posix(directory)
            ? Files.createTempFile(
                directory, ".draft-", ".tmp", PosixFilePermissions.asFileAttribute(FILE))
            : Files.createTempFile(directory, ".draft-", ".tmp");
    try (FileChannel channel = FileChannel.open(draft, StandardOpenOption.WRITE)) {
      channel.write(StandardCharsets.UTF_8.encode(content));
      channel.force(true);
    }
    return draft;
  }

  static boolean posix(Path path) throws IOException {
    return Files.getFileStore(path).supportsFileAttributeView(PosixFileAttributeView.class);
  }
}
