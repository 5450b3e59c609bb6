package dev.keygate.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keygate.bootstrap.Keygate;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

/** The auto-configuration's Keygate bean: built from the properties, closed with the context. */
class KeygateAutoConfigurationTest {

  private final ApplicationContextRunner context =
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(KeygateAutoConfiguration.class))
          .withPropertyValues("keygate.argon2.memory-kib=256", "keygate.argon2.iterations=1");

  @Test
  void keygate_isBuiltFromTheProperties_andClosedWithTheContext() {
    AtomicReference<Keygate> built = new AtomicReference<>();

    context
        .withPropertyValues("keygate.db.url=jdbc:h2:mem:starter", "keygate.key-prefix=k_test")
        .run(
            started -> {
              Keygate keygate = started.getBean(Keygate.class);
              built.set(keygate);
              assertThat(keygate.isHealthy()).isTrue();
            });

    assertThat(built.get()).isNotNull();
    assertThat(built.get().isHealthy()).isFalse();
  }

  @Test
  void aSpringStylePattern_stopsTheApplicationNamingIt_ratherThanGuardingNothing() {
    // A servlet container reads /api/** as one exact path: every /api/... request would pass.
    new WebApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(KeygateAutoConfiguration.class))
        .withPropertyValues(
            "keygate.argon2.memory-kib=256",
            "keygate.argon2.iterations=1",
            "keygate.db.url=jdbc:h2:mem:patterns",
            "keygate.protect=/api/**")
        .run(
            started ->
                assertThat(started)
                    .hasFailed()
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("keygate.protect has '/api/**'"));
    for (String good : new String[] {"/api/*", "/status", "*.json"}) {
      KeygateAutoConfiguration.checkServletPattern(good);
    }
  }

  @Test
  void aDatabaseUserWithoutAUrl_stopsTheApplicationNamingTheProperties() {
    context
        .withPropertyValues("keygate.db.user=keygate")
        .run(
            started ->
                assertThat(started)
                    .hasFailed()
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining(
                        "keygate.db.user and keygate.db.password need keygate.db.url"));
  }
}
