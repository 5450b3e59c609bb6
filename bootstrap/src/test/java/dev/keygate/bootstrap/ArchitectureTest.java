package dev.keygate.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Keygate's production classes keep to the hexagon's layering. */
class ArchitectureTest {

  private static final String ROOT = "dev.keygate";

  private static JavaClasses keygate;

  @BeforeAll
  static void importProductionClasses() {
    keygate =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TEST_FIXTURES)
            .withImportOption(location -> !location.contains("-tests.jar"))
            .importPackages(ROOT);
  }

  @Test
  void theRulesSee_everyModulesProductionClassesAndNoTestClasses() {
    assertThat(keygate.contain("dev.keygate.domain.key.ApiKey")).isTrue();
    assertThat(keygate.contain("dev.keygate.application.service.VerifyApiKeyService")).isTrue();
    assertThat(keygate.contain("dev.keygate.adapter.crypto.Argon2SecretHasher")).isTrue();
    assertThat(keygate.contain("dev.keygate.adapter.memory.CaffeineVerifiedSecretCache")).isTrue();
    assertThat(keygate.contain("dev.keygate.adapter.metrics.MicrometerVerificationMetrics"))
        .isTrue();
    assertThat(keygate.contain("dev.keygate.adapter.persistence.JpaPersistence")).isTrue();
    assertThat(keygate.contain("dev.keygate.adapter.rest.RestServer")).isTrue();
    assertThat(keygate.contain("dev.keygate.adapter.cli.ConsoleOutput")).isTrue();
    assertThat(keygate.contain("dev.keygate.wire.WireJson")).isTrue();
    assertThat(keygate.contain("dev.keygate.application.fake.TestKeygate")).isFalse();
    assertThat(keygate.contain(ArchitectureTest.class.getName())).isFalse();
  }

  @Test
  void domain_dependsOnlyOnItselfAndTheJdk() {
    ArchitectureRules.domainDependsOnlyOnItselfAndTheJdk(ROOT).check(keygate);
  }

  @Test
  void domain_usesNoDatabaseNorLogging() {
    ArchitectureRules.domainUsesNoDatabaseNorLogging(ROOT).check(keygate);
  }

  @Test
  void application_dependsOnlyOnDomainAndTheJdk() {
    ArchitectureRules.applicationDependsOnlyOnDomainAndTheJdk(ROOT).check(keygate);
  }

  @Test
  void ports_neverDependOnServices() {
    ArchitectureRules.portsNeverDependOnServices(ROOT).check(keygate);
  }

  @Test
  void inPortsAndOutPorts_doNotDependOnEachOther() {
    ArchitectureRules.inPortsAndOutPortsDoNotDependOnEachOther(ROOT).check(keygate);
  }

  @Test
  void adapters_useTheApplicationOnlyThroughItsPorts() {
    ArchitectureRules.adaptersUseTheApplicationOnlyThroughItsPorts(ROOT).check(keygate);
  }

  @Test
  void wire_dependsOnlyOnPortsDomainJdkAndJackson() {
    ArchitectureRules.wireDependsOnlyOnPortsDomainJdkAndJackson(ROOT).check(keygate);
  }

  @Test
  void services_areSeenOnlyByTheWiring() {
    ArchitectureRules.onlyTheWiringBuildsTheServices(ROOT).check(keygate);
  }

  @Test
  void adapters_neverDependOnEachOther() {
    ArchitectureRules.adaptersNeverDependOnEachOther(ROOT).check(keygate);
  }

  @Test
  void packages_areFreeOfCycles() {
    ArchitectureRules.noPackageCycles(ROOT).check(keygate);
  }

  @Test
  void standardStreams_areTouchedOnlyByTheConsoleOutput() {
    ArchitectureRules.onlyTheConsoleOutputUsesStandardStreams(ROOT).check(keygate);
  }

  @Test
  void javaUtilLogging_isNotUsed() {
    ArchitectureRules.noJavaUtilLogging(ROOT).check(keygate);
  }
}
