package dev.keygate.bootstrap;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.util.Map;
import java.util.Optional;

/**
 * Logging of the runnable jar (keygate.jar), set up in code rather than read from XML, which would
 * be a tenth of a second of every command. Found by logback through the service file that only
 * keygate.jar carries ({@code src/main/runnable-jar}); the library leaves logging to its host.
 *
 * <p>On standard error, so that standard output carries only what the commands print. {@code
 * keygate.access} is the access log: method, path, status, time and client address, never a header,
 * a query string, a body, a path parameter or a path segment that may be a key. Nothing logs at
 * DEBUG unless {@code KEYGATE_LOG_LEVEL} asks for it. A configuration file named with {@code
 * -Dlogback.configurationFile} replaces all of this.
 */
public final class RunnableJarLogging extends ContextAwareBase implements Configurator {

  /** Keygate's own loggers' level unless it names another: INFO. */
  static final String LEVEL_VARIABLE = "KEYGATE_LOG_LEVEL";

  static final String PATTERN =
      "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX, UTC} %-5level %logger{36} - %msg%n";

  /** The levels of loggers other than the root's, which is WARN. */
  private static final Map<String, Level> LEVELS =
      Map.of(
          "keygate.access", Level.INFO,
          // Javalin's start-up lines (each static file handler's whole configuration, banner,
          // version) say nothing an operator needs: Keygate logs one line saying where it listens.
          "io.javalin", Level.WARN,
          // Libraries speak only when something is wrong.
          "org.eclipse.jetty", Level.WARN,
          "org.hibernate", Level.WARN,
          // A duplicate is answered 409 by Keygate; Hibernate's own warning of it would be noise.
          "org.hibernate.orm.jdbc.error", Level.ERROR,
          "org.flywaydb", Level.WARN,
          "com.zaxxer.hikari", Level.WARN,
          "org.h2", Level.WARN);

  @Override
  public ExecutionStatus configure(LoggerContext context) {
    if (System.getProperty("logback.configurationFile") != null) {
      return ExecutionStatus.INVOKE_NEXT_IF_ANY;
    }
    configure(
        context,
        Optional.ofNullable(System.getProperty(LEVEL_VARIABLE))
            .or(() -> Optional.ofNullable(System.getenv(LEVEL_VARIABLE))));
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }

  /**
   * Sets {@code context} up as keygate.jar logs.
   *
   * @param keygateLevel the level of Keygate's own loggers, as {@code KEYGATE_LOG_LEVEL} names it
   */
  static void configure(LoggerContext context, Optional<String> keygateLevel) {
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern(PATTERN);
    encoder.start();
    ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
    console.setContext(context);
    console.setName("CONSOLE");
    console.setTarget("System.err");
    console.setEncoder(encoder);
    console.start();

    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    root.setLevel(Level.WARN);
    root.addAppender(console);
    LEVELS.forEach((name, level) -> context.getLogger(name).setLevel(level));
    context.getLogger("dev.keygate").setLevel(Level.toLevel(keygateLevel.orElse(""), Level.INFO));
  }
}
