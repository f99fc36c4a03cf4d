package org.podium.platform;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The house rules of ARCHITECTURE.md, checked on the compiled classes (ArchUnit): what the compute
 * library and scoring may use, that Podium's packages depend on each other without a cycle, that
 * boundaries (REST resources and Faces beans) leave persistence to services, and that the WAR is
 * the same on every server.
 */
@AnalyzeClasses(packages = "org.podium", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  /** REST resources and Faces beans: what parses a request and shows an answer. */
  private static final String[] BOUNDARY_ANNOTATIONS = {
    "jakarta.ws.rs.Path", "jakarta.inject.Named"
  };

  @ArchTest
  static final ArchRule applicationUsesNoServerSpecificType =
      noClasses()
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "org.jboss..", "org.wildfly..", "org.glassfish..", "fish.payara..", "org.hibernate..")
          .because("one WAR runs on WildFly and Payara alike");

  @ArchTest
  static final ArchRule computeAndScoringUseNoWebOrPersistenceType =
      noClasses()
          .that()
          .resideInAnyPackage("org.podium.compute..", "org.podium.scoring..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "jakarta.persistence..",
              "jakarta.faces..",
              "jakarta.ws.rs..",
              "jakarta.servlet..",
              "jakarta.websocket..")
          .because("the sandbox and scoring are a library the server wires in");

  @ArchTest
  static final ArchRule computeUsesNoJakartaTypeAtAll =
      noClasses()
          .that()
          .resideInAPackage("org.podium.compute..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("jakarta..")
          .because("compute drives docker-java and nothing else; the server wires it in");

  @ArchTest
  static final ArchRule packagesHaveNoCycle =
      slices().matching("org.podium.(**)").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule platformNeedsNoFeatureAndNotTheComputeLibrary =
      noClasses()
          .that()
          .resideInAPackage("org.podium.platform..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "org.podium.compute..",
              "org.podium.engine..",
              "org.podium.account..",
              "org.podium.competition..",
              "org.podium.submission..",
              "org.podium.leaderboard..",
              "org.podium.scoring..",
              "org.podium.storage..")
          .because("every feature stands on platform; the engine is wired in by package engine");

  @ArchTest
  static final ArchRule intakeNeverDependsOnTheRunSide =
      noClasses()
          .that()
          .resideInAPackage("org.podium.submission")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("org.podium.submission.run..")
          .because("the run side consumes what intake and the lifecycle publish, not the reverse");

  /**
   * What a run reports (details, scores, digests: text a participant may have written) reaches the
   * database only through {@code SubmissionLifecycle}, which makes every string storable ({@code
   * StoredText}: a NUL would fail the update and leave the run live).
   */
  @ArchTest
  static final ArchRule runResultsReachTheDatabaseOnlyThroughTheLifecycle =
      noClasses()
          .that()
          .resideInAnyPackage(
              "org.podium.submission.run..", "org.podium.compute..", "org.podium.scoring..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("jakarta.persistence..")
          .because("SubmissionLifecycle writes every run result, through StoredText");

  /** Boundaries: what speaks HTTP or draws pages (JAX-RS, Faces, its push channels). */
  private static final DescribedPredicate<JavaClass> BOUNDARIES =
      DescribedPredicate.describe(
          "boundaries (classes using JAX-RS or Faces)",
          javaClass ->
              javaClass.getDirectDependenciesFromSelf().stream()
                  .map(dependency -> dependency.getTargetClass().getPackageName())
                  .anyMatch(
                      name ->
                          name.startsWith("jakarta.ws.rs") || name.startsWith("jakarta.faces")));

  @ArchTest
  static final ArchRule boundariesNeverTouchTheEntityManager =
      noClasses()
          .that(BOUNDARIES)
          .should()
          .dependOnClassesThat()
          .resideInAPackage("jakarta.persistence..")
          .because("services read and write; boundaries parse, call and map the answer");

  @ArchTest
  static final ArchRule boundariesAreNotTransactional =
      noClasses()
          .that(BOUNDARIES)
          .should()
          .beAnnotatedWith("jakarta.transaction.Transactional")
          .because("services own transactions and return views; boundaries never load lazily");

  @ArchTest
  static final ArchRule boundaryMethodsAreNotTransactional =
      com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods()
          .that()
          .areDeclaredInClassesThat(BOUNDARIES)
          .should()
          .beAnnotatedWith("jakarta.transaction.Transactional");

  /**
   * A session bean's methods are public or private: another bean calls it through its container
   * proxy, where a package-private or protected method runs on the proxy itself, without the bean's
   * injected fields (a NullPointerException seen once, as a 500).
   */
  @ArchTest
  static final ArchRule sessionBeanMethodsArePublicOrPrivate =
      com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods()
          .that()
          .areDeclaredInClassesThat()
          .areAnnotatedWith("jakarta.ejb.Stateless")
          .and()
          .areNotPrivate()
          .and()
          .areNotStatic()
          .should()
          .bePublic();

  @ArchTest
  static final ArchRule entitiesNeverUseBoundaries =
      noClasses()
          .that()
          .areAnnotatedWith("jakarta.persistence.Entity")
          .or()
          .areAnnotatedWith("jakarta.persistence.Embeddable")
          .should()
          .dependOnClassesThat()
          .areAnnotatedWith(BOUNDARY_ANNOTATIONS[0])
          .orShould()
          .dependOnClassesThat()
          .areAnnotatedWith(BOUNDARY_ANNOTATIONS[1]);

  @Test
  void nothingMentionsH2() throws IOException {
    try (Stream<Path> files = Files.walk(Path.of("src/main"))) {
      List<Path> offenders =
          files
              .filter(Files::isRegularFile)
              .filter(file -> read(file).contains("org.h2") || read(file).contains("jdbc:h2"))
              .toList();
      assertEquals(List.of(), offenders);
    }
  }

  /** Every byte as one character, so binaries (the holder's pause) are searched too. */
  private static String read(Path file) {
    try {
      return Files.readString(file, java.nio.charset.StandardCharsets.ISO_8859_1);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
