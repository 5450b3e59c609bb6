package dev.keygate.bootstrap;

import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The file-mode mask of the Keygate process, set by the runnable jar rather than left to whatever
 * shell or supervisor started it: 077, so that every file Keygate and H2 make (the database, its
 * lock, trace and temporary files) is 0600 from its creation. A host application that embeds
 * Keygate keeps its own mask.
 */
final class ProcessUmask {

  /** Group and others get no permission at all. */
  static final int OWNER_ONLY = 0077;

  private static final Logger LOG = LoggerFactory.getLogger(ProcessUmask.class);

  private ProcessUmask() {}

  /**
   * Sets the mask to {@link #OWNER_ONLY} through libc's {@code umask(2)}, where there is one,
   * unless it is that strict already (as {@code ./keygate} sets it): then a command need not load
   * the native bridge to call it.
   */
  static void restrictToOwner() {
    if (current().stream().anyMatch(mask -> (mask & OWNER_ONLY) == OWNER_ONLY)) {
      return;
    }
    if (Platform.isWindows()) {
      return; // No umask: the data directory's inherited access is what protects it there.
    }
    try {
      NativeLibrary.getInstance(Platform.C_LIBRARY_NAME)
          .getFunction("umask")
          .invokeInt(new Object[] {OWNER_ONLY});
    } catch (UnsatisfiedLinkError | RuntimeException e) {
      // Still protected by the data directory's 0700; only new files' own modes are at stake.
      LOG.warn(
          "Could not set the umask to 077 ({}): run Keygate with umask 077 so that the files it"
              + " makes are its owner's alone",
          e.toString());
    }
  }

  /** The mask as Linux tells it in {@code /proc/self/status}; empty elsewhere. */
  static OptionalInt current() {
    try (Stream<String> status = Files.lines(Path.of("/proc/self/status"))) {
      return status
          .filter(line -> line.startsWith("Umask:"))
          .mapToInt(line -> Integer.parseInt(line.substring("Umask:".length()).trim(), 8))
          .findFirst();
    } catch (IOException | UncheckedIOException | NumberFormatException e) {
      return OptionalInt.empty();
    }
  }
}
