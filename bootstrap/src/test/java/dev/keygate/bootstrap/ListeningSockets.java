package dev.keygate.bootstrap;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The TCP sockets a Linux process listens on, read from {@code /proc}: its socket inodes from
 * {@code /proc/<pid>/fd}, matched with the LISTEN rows of {@code /proc/<pid>/net/tcp} and {@code
 * tcp6}.
 */
final class ListeningSockets {

  private static final String LISTEN = "0A";

  private ListeningSockets() {}

  static boolean readable() {
    return Files.isReadable(Path.of("/proc/self/net/tcp"));
  }

  /** Every address and port process {@code pid} listens on. */
  static List<InetSocketAddress> of(long pid) throws IOException {
    Path proc = Path.of("/proc", String.valueOf(pid));
    Set<String> inodes = new HashSet<>();
    try (Stream<Path> descriptors = Files.list(proc.resolve("fd"))) {
      for (Path descriptor : descriptors.toList()) {
        try {
          String target = Files.readSymbolicLink(descriptor).toString();
          if (target.startsWith("socket:[")) {
            inodes.add(target.substring("socket:[".length(), target.length() - 1));
          }
        } catch (NoSuchFileException closedMeanwhile) {
          // A descriptor closed while we listed them was no listening socket of interest.
        }
      }
    }
    return Stream.concat(
            Files.readAllLines(proc.resolve("net/tcp")).stream().skip(1),
            Files.readAllLines(proc.resolve("net/tcp6")).stream().skip(1))
        .map(line -> line.strip().split("\\s+"))
        .filter(row -> row[3].equals(LISTEN) && inodes.contains(row[9]))
        .map(row -> address(row[1]))
        .toList();
  }

  /**
   * {@code 0100007F:1F90} (IPv4) or 32 hex digits and a port (IPv6): each 32-bit word of the
   * address in the host's byte order, little-endian here.
   */
  private static InetSocketAddress address(String hex) {
    String[] parts = hex.split(":");
    byte[] bytes = new byte[parts[0].length() / 2];
    for (int word = 0; word < bytes.length / 4; word++) {
      for (int i = 0; i < 4; i++) {
        int at = (word * 4 + 3 - i) * 2;
        bytes[word * 4 + i] = (byte) Integer.parseInt(parts[0].substring(at, at + 2), 16);
      }
    }
    try {
      return new InetSocketAddress(InetAddress.getByAddress(bytes), Integer.parseInt(parts[1], 16));
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(hex, e);
    }
  }
}
