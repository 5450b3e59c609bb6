package dev.keygate.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Jetty never logs below INFO once the guard is in, however low the configured levels are. */
class JettyWireLogGuardTest {

  private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();

  @BeforeEach
  void everyLoggerAtTrace() {
    context.reset();
    context.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(Level.TRACE);
  }

  @AfterEach
  void logLikeTheTests() throws JoranException {
    context.reset();
    JoranConfigurator configurator = new JoranConfigurator();
    configurator.setContext(context);
    configurator.doConfigure(JettyWireLogGuardTest.class.getResource("/logback-test.xml"));
  }

  @Test
  void givenRootAtTrace_guard_silencesJettyBelowInfoOnly() {
    Logger parser = LoggerFactory.getLogger("org.eclipse.jetty.http.HttpParser");
    Logger sql = LoggerFactory.getLogger("org.hibernate.SQL");
    assertThat(parser.isDebugEnabled()).isTrue();

    JettyWireLogGuard.install();

    assertThat(parser.isTraceEnabled()).isFalse();
    assertThat(parser.isDebugEnabled()).isFalse();
    assertThat(parser.isInfoEnabled()).isTrue();
    assertThat(LoggerFactory.getLogger("org.eclipse.jetty.io.WriteFlusher").isDebugEnabled())
        .isFalse();
    assertThat(sql.isDebugEnabled()).isTrue();
    assertThat(LoggerFactory.getLogger("org.eclipse.jettyish").isDebugEnabled()).isTrue();
  }

  @Test
  void installedTwice_isOneGuard() {
    JettyWireLogGuard.install();
    JettyWireLogGuard.install();

    assertThat(context.getTurboFilterList())
        .filteredOn(JettyWireLogGuard.class::isInstance)
        .hasSize(1);
  }
}
