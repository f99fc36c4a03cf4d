package org.podium.testing;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jboss.shrinkwrap.resolver.api.maven.Maven;

/**
 * Builds the archives integration tests deploy: the real {@code target/podium.war}, as the build
 * made it, plus the test's own classes, so a test runs against everything production has.
 */
public final class Deployments {

  private Deployments() {}

  /** The application WAR, unchanged, named podium.war so it lives at /podium. */
  public static WebArchive podium() {
    File war = new File(System.getProperty("podium.it.war", "target/podium.war"));
    if (!war.isFile()) {
      throw new IllegalStateException(
          war + " does not exist: run the integration tests with ./mvnw verify");
    }
    return ShrinkWrap.create(ZipImporter.class, "podium.war")
        .importFrom(war)
        .as(WebArchive.class)
        .addClass(Deployments.class);
  }

  /**
   * The application WAR plus {@link ServerSettings}, for black-box tests that lower a limit of the
   * server under test ({@link ApiClient#setting}).
   */
  public static WebArchive podiumWithSettings() {
    return podium().addClass(ServerSettings.class);
  }

  /** The application WAR plus Awaitility, for tests that wait inside the server. */
  public static WebArchive podiumWithAwaitility() {
    return podium()
        .addAsLibraries(
            Maven.resolver()
                .loadPomFromFile("pom.xml")
                .resolve("org.awaitility:awaitility")
                .withTransitivity()
                .asFile());
  }
}
