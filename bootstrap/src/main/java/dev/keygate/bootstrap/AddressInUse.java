package dev.keygate.bootstrap;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Optional;

/**
 * An address {@code serve} cannot listen on, found before anything else is opened: a busy port is
 * told at once, in one line naming the address, not after the database has been opened and
 * initialised.
 */
final class AddressInUse extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private AddressInUse(String message) {
    super(message, null, false, false);
  }

  /**
   * Throws when nothing can listen on {@code host:port} now: another program, or another {@code
   * keygate serve}, listens there, or {@code host} is not an address of this machine. Port 0, any
   * free one, is always free.
   *
   * @param what the listener, as the message names it: {@code the API}, {@code the metrics}
   */
  static void requireFree(String what, String host, int port) {
    if (port == 0) {
      return;
    }
    // As Jetty binds: with SO_REUSEADDR, so that only a listener, not a closed connection's
    // TIME_WAIT, makes the port busy.
    try (ServerSocket probe = new ServerSocket()) {
      probe.setReuseAddress(true);
      probe.bind(new InetSocketAddress(host, port));
    } catch (IOException e) {
      throw of(what, host, port, e);
    }
  }

  /** The bind failure among {@code failure}'s causes, as one of these; empty when there is none. */
  static Optional<AddressInUse> in(Throwable failure, String what, String host, int port) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof BindException bind) {
        return Optional.of(of(what, host, port, bind));
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return Optional.empty();
  }

  private static AddressInUse of(String what, String host, int port, IOException e) {
    String address = (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    String hint =
        reason.contains("in use")
            ? " (another program, or another keygate serve, listens there)"
            : "";
    return new AddressInUse("cannot listen for " + what + " on " + address + ": " + reason + hint);
  }
}
