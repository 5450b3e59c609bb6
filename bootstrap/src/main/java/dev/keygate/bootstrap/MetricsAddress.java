package dev.keygate.bootstrap;

import java.util.Locale;
import java.util.Objects;

/**
 * Where {@code /metrics} is served: on the main listener ({@code main}), on a listener of its own
 * bound to exactly {@code host:port}, or nowhere ({@code off}). A listener of its own keeps the
 * metrics from whoever can reach the API's port.
 *
 * @param host the address the metrics listener binds, blank unless {@code where} is {@code OWN}
 * @param port its port, 0 for any free one
 */
record MetricsAddress(Where where, String host, int port) {

  /** The three places. */
  enum Where {
    MAIN,
    OWN,
    OFF
  }

  static final MetricsAddress MAIN = new MetricsAddress(Where.MAIN, "", 0);
  static final MetricsAddress OFF = new MetricsAddress(Where.OFF, "", 0);

  MetricsAddress {
    Objects.requireNonNull(where, "where");
    Objects.requireNonNull(host, "host");
    if (where == Where.OWN && host.isBlank()) {
      throw new IllegalArgumentException("a metrics listener needs a host");
    }
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port must be a whole number from 0 to 65535");
    }
  }

  /**
   * Reads {@code main}, {@code off} or {@code host:port} ({@code [::1]:9464} for an IPv6 address).
   *
   * @throws IllegalArgumentException saying what it must be
   */
  static MetricsAddress parse(String value) {
    String text = value.strip();
    String word = text.toLowerCase(Locale.ROOT);
    if (word.equals("main")) {
      return MAIN;
    }
    if (word.equals("off")) {
      return OFF;
    }
    int colon = text.lastIndexOf(':');
    String host = colon < 0 ? "" : text.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    String port = colon < 0 ? "" : text.substring(colon + 1);
    if (host.isBlank() || !port.matches("[0-9]{1,5}") || Integer.parseInt(port) > 65_535) {
      throw new IllegalArgumentException(
          "must be main, off, or host:port such as 127.0.0.1:9464 (port 0 to 65535)");
    }
    return new MetricsAddress(Where.OWN, host, Integer.parseInt(port));
  }
}
