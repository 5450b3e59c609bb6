package dev.keygate.bootstrap;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;

/**
 * Keeps Jetty's DEBUG and TRACE logging shut, whatever the logging configuration says. At those
 * levels Jetty writes what crosses the wire to the log: every request header in full ({@code
 * Authorization: Bearer <management key>}) and the ends of request and answer buffers (the tail of
 * a new token). A server that is debugged with the root logger at DEBUG must not log its keys.
 */
final class JettyWireLogGuard extends TurboFilter {

  private static final String JETTY = "org.eclipse.jetty";

  /** Adds the guard to logback, once, when logback is the logging backend. */
  static void install() {
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context
        && context.getTurboFilterList().stream().noneMatch(JettyWireLogGuard.class::isInstance)) {
      JettyWireLogGuard guard = new JettyWireLogGuard();
      guard.setName("keygate-jetty-wire-log-guard");
      guard.setContext(context);
      guard.start();
      context.addTurboFilter(guard);
    }
  }

  @Override
  public FilterReply decide(
      Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
    return level != null
            && !level.isGreaterOrEqual(Level.INFO)
            && (logger.getName().equals(JETTY) || logger.getName().startsWith(JETTY + "."))
        ? FilterReply.DENY
        : FilterReply.NEUTRAL;
  }
}
