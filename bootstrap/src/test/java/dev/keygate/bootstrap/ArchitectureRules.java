package dev.keygate.bootstrap;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;

/**
 * Keygate's layering as ArchUnit rules over a root package, so the same rules check the product
 * ({@code dev.keygate}) and a deliberately bad class set that proves they can fail.
 */
final class ArchitectureRules {

  /** The one class allowed to touch the process's standard streams. */
  static final String CONSOLE_OUTPUT = ".adapter.cli.ConsoleOutput";

  private ArchitectureRules() {}

  static ArchRule domainDependsOnlyOnItselfAndTheJdk(String root) {
    return classes()
        .that()
        .resideInAPackage(root + ".domain..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(root + ".domain..", "java..")
        .as("the domain depends only on itself and the JDK");
  }

  static ArchRule domainUsesNoDatabaseNorLogging(String root) {
    return noClasses()
        .that()
        .resideInAPackage(root + ".domain..")
        .should()
        .dependOnClassesThat(
            resideInAnyPackage("java.sql..", "java.util.logging..")
                .or(belongToAnyOf(System.Logger.class, System.LoggerFinder.class)))
        .as("the domain uses no JDBC and no logging");
  }

  static ArchRule applicationDependsOnlyOnDomainAndTheJdk(String root) {
    return classes()
        .that()
        .resideInAPackage(root + ".application..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(root + ".application..", root + ".domain..", "java..")
        .as("the application depends only on the domain and the JDK");
  }

  static ArchRule portsNeverDependOnServices(String root) {
    return noClasses()
        .that()
        .resideInAPackage(root + ".application.port..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage(root + ".application.service..")
        .as("ports never depend on services");
  }

  static ArchRule inPortsAndOutPortsDoNotDependOnEachOther(String root) {
    ArchRule inOnOut =
        noClasses()
            .that()
            .resideInAPackage(root + ".application.port.in..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage(root + ".application.port.out..");
    ArchRule outOnIn =
        noClasses()
            .that()
            .resideInAPackage(root + ".application.port.out..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage(root + ".application.port.in..");
    return CompositeArchRule.of(inOnOut)
        .and(outOnIn)
        .as("in-ports and out-ports do not depend on each other");
  }

  static ArchRule adaptersUseTheApplicationOnlyThroughItsPorts(String root) {
    return noClasses()
        .that()
        .resideInAPackage(root + ".adapter..")
        .should()
        .dependOnClassesThat(
            resideInAPackage(root + ".application..")
                .and(not(resideInAPackage(root + ".application.port.."))))
        .as("adapters depend on the application only through its ports");
  }

  /**
   * The wire model is what both driving adapters say, so it may know what they know in common and
   * nothing of either: an adapter's package, Javalin or picocli would make one speak the other's
   * transport. It is not an adapter package, so adapters may depend on it.
   */
  static ArchRule wireDependsOnlyOnPortsDomainJdkAndJackson(String root) {
    return classes()
        .that()
        .resideInAPackage(root + ".wire..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(
            root + ".wire..",
            root + ".application.port..",
            root + ".domain..",
            "java..",
            "com.fasterxml.jackson..")
        .as(
            "the wire model depends only on the application's ports, the domain, the JDK and Jackson");
  }

  static ArchRule onlyTheWiringBuildsTheServices(String root) {
    return noClasses()
        .that()
        .resideOutsideOfPackages(root + ".application..", root + ".bootstrap..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage(root + ".application.service..")
        .as("only the application and its wiring (bootstrap) see the services");
  }

  static ArchRule adaptersNeverDependOnEachOther(String root) {
    return slices()
        .matching(root + ".adapter.(*)..")
        .should()
        .notDependOnEachOther()
        .as("adapters never depend on each other");
  }

  static ArchRule noPackageCycles(String root) {
    return slices()
        .matching(root + ".(**)")
        .should()
        .beFreeOfCycles()
        .as("no package depends on itself through others");
  }

  static ArchRule onlyTheConsoleOutputUsesStandardStreams(String root) {
    return noClasses()
        .that()
        .doNotHaveFullyQualifiedName(root + CONSOLE_OUTPUT)
        .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS)
        .as("only the CLI's ConsoleOutput touches System.out or System.err");
  }

  static ArchRule noJavaUtilLogging(String root) {
    return noClasses()
        .that()
        .resideInAPackage(root + "..")
        .should(GeneralCodingRules.USE_JAVA_UTIL_LOGGING)
        .as("nothing logs through java.util.logging");
  }
}
