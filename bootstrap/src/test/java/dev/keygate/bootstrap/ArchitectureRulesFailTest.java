package dev.keygate.bootstrap;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The architecture rules fail when broken: each is checked against a deliberately bad class set
 * under {@code archfixture.bad}, and must name the offending class; the same rules pass on a clean
 * set under {@code archfixture.good}.
 */
class ArchitectureRulesFailTest {

  private static final String BAD = "archfixture.bad";
  private static final String GOOD = "archfixture.good";

  private static JavaClasses bad;
  private static JavaClasses good;

  @BeforeAll
  static void importFixtures() {
    bad = new ClassFileImporter().importPackages(BAD);
    good = new ClassFileImporter().importPackages(GOOD);
  }

  @Test
  void domainReachingIntoTheApplication_breaksDomainPurity() {
    assertBreaks(
        ArchitectureRules::domainDependsOnlyOnItselfAndTheJdk, "domain.ReachesIntoApplication");
  }

  @Test
  void domainUsingJdbc_isCaught() {
    assertBreaks(ArchitectureRules::domainUsesNoDatabaseNorLogging, "domain.UsesJdbc");
  }

  @Test
  void applicationUsingAnAdapter_breaksTheApplicationRule() {
    assertBreaks(
        ArchitectureRules::applicationDependsOnlyOnDomainAndTheJdk, "application.UsesAdapter");
  }

  @Test
  void portUsingAService_isCaught() {
    assertBreaks(ArchitectureRules::portsNeverDependOnServices, "application.port.in.NeedsService");
  }

  @Test
  void domainLoggingThroughSystemLogger_isCaught() {
    assertBreaks(ArchitectureRules::domainUsesNoDatabaseNorLogging, "domain.LogsWithSystemLogger");
  }

  @Test
  void inPortUsingAnOutPort_isCaught() {
    assertBreaks(
        ArchitectureRules::inPortsAndOutPortsDoNotDependOnEachOther,
        "application.port.in.NeedsAnOutPort");
  }

  @Test
  void outPortUsingAnInPort_isCaught() {
    assertBreaks(
        ArchitectureRules::inPortsAndOutPortsDoNotDependOnEachOther,
        "application.port.out.NeedsAnInPort");
  }

  @Test
  void adapterUsingAServiceInsteadOfAPort_isCaught() {
    assertBreaks(
        ArchitectureRules::adaptersUseTheApplicationOnlyThroughItsPorts,
        "adapter.rest.UsesAService");
  }

  @Test
  void wireModelSpeakingHttp_isCaught() {
    assertBreaks(ArchitectureRules::wireDependsOnlyOnPortsDomainJdkAndJackson, "wire.SpeaksHttp");
  }

  @Test
  void wireModelUsingAService_isCaught() {
    assertBreaks(ArchitectureRules::wireDependsOnlyOnPortsDomainJdkAndJackson, "wire.UsesAService");
  }

  @Test
  void benchmarkBuildingAService_isCaught() {
    assertBreaks(ArchitectureRules::onlyTheWiringBuildsTheServices, "benchmarks.BuildsAService");
  }

  @Test
  void restAdapterCallingPersistence_isCaught() {
    assertBreaks(
        ArchitectureRules::adaptersNeverDependOnEachOther, "adapter.rest.CallsPersistence");
  }

  @Test
  void twoPackagesUsingEachOther_areACycle() {
    assertBreaks(ArchitectureRules::noPackageCycles, "domain.cycle.one.First");
  }

  @Test
  void applicationClassPrintingToSystemOut_isCaught() {
    assertBreaks(
        ArchitectureRules::onlyTheConsoleOutputUsesStandardStreams, "application.PrintsToStdout");
  }

  @Test
  void javaUtilLogging_isCaught() {
    assertBreaks(ArchitectureRules::noJavaUtilLogging, "adapter.rest.LogsWithJul");
  }

  @Test
  void everyRule_passesOnTheCleanSet() {
    for (Function<String, ArchRule> rule : ArchitectureRulesFailTest.allRules()) {
      assertThatCode(() -> rule.apply(GOOD).check(good)).doesNotThrowAnyException();
    }
  }

  private static void assertBreaks(Function<String, ArchRule> rule, String offender) {
    assertThatThrownBy(() -> rule.apply(BAD).check(bad))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining(BAD + "." + offender);
  }

  private static java.util.List<Function<String, ArchRule>> allRules() {
    return java.util.List.of(
        ArchitectureRules::domainDependsOnlyOnItselfAndTheJdk,
        ArchitectureRules::domainUsesNoDatabaseNorLogging,
        ArchitectureRules::applicationDependsOnlyOnDomainAndTheJdk,
        ArchitectureRules::portsNeverDependOnServices,
        ArchitectureRules::inPortsAndOutPortsDoNotDependOnEachOther,
        ArchitectureRules::adaptersUseTheApplicationOnlyThroughItsPorts,
        ArchitectureRules::wireDependsOnlyOnPortsDomainJdkAndJackson,
        ArchitectureRules::onlyTheWiringBuildsTheServices,
        ArchitectureRules::adaptersNeverDependOnEachOther,
        ArchitectureRules::noPackageCycles,
        ArchitectureRules::onlyTheConsoleOutputUsesStandardStreams,
        ArchitectureRules::noJavaUtilLogging);
  }
}
