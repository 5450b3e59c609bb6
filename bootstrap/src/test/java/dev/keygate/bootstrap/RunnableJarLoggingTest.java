package dev.keygate.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator.ExecutionStatus;
import ch.qos.logback.core.ConsoleAppender;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How keygate.jar logs: on standard error, Keygate at INFO, libraries only when wrong. */
class RunnableJarLoggingTest {

  @Test
  void configure_logsToStandardError_keygateAtInfo_librariesAtWarn() {
    LoggerContext context = new LoggerContext();

    RunnableJarLogging.configure(context, Optional.empty());

    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    assertThat(root.getLevel()).isEqualTo(Level.WARN);
    assertThat(root.getAppender("CONSOLE"))
        .isInstanceOfSatisfying(
            ConsoleAppender.class,
            console -> assertThat(console.getTarget()).isEqualTo("System.err"));
    assertThat(context.getLogger("dev.keygate.bootstrap.KeygateServer").getEffectiveLevel())
        .isEqualTo(Level.INFO);
    assertThat(context.getLogger("keygate.access").getEffectiveLevel()).isEqualTo(Level.INFO);
    assertThat(context.getLogger("io.javalin.Javalin").getEffectiveLevel()).isEqualTo(Level.WARN);
    assertThat(context.getLogger("org.hibernate.SQL").getEffectiveLevel()).isEqualTo(Level.WARN);
    assertThat(context.getLogger("org.hibernate.orm.jdbc.error").getEffectiveLevel())
        .isEqualTo(Level.ERROR);
  }

  @Test
  void givenKeygateLogLevel_configure_setsKeygatesLoggersOnly() {
    LoggerContext context = new LoggerContext();

    RunnableJarLogging.configure(context, Optional.of("DEBUG"));

    assertThat(context.getLogger("dev.keygate.adapter.rest.Routes").getEffectiveLevel())
        .isEqualTo(Level.DEBUG);
    assertThat(context.getLogger("org.h2.Driver").getEffectiveLevel()).isEqualTo(Level.WARN);
  }

  @Test
  void givenAConfigurationFileNamedToTheJvm_configure_leavesLoggingToIt() {
    LoggerContext context = new LoggerContext();
    RunnableJarLogging configurator = new RunnableJarLogging();
    configurator.setContext(context);
    System.setProperty("logback.configurationFile", "elsewhere.xml");
    try {
      assertThat(configurator.configure(context)).isEqualTo(ExecutionStatus.INVOKE_NEXT_IF_ANY);
    } finally {
      System.clearProperty("logback.configurationFile");
    }
    assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("CONSOLE")).isNull();
  }

  @Test
  void theRunnableJarsServiceFile_namesThisConfigurator() throws IOException {
    Path serviceFile =
        Path.of("src/main/runnable-jar/META-INF/services/ch.qos.logback.classic.spi.Configurator");

    assertThat(Files.readString(serviceFile, StandardCharsets.UTF_8).trim())
        .isEqualTo(RunnableJarLogging.class.getName());
  }
}
