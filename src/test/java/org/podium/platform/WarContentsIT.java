package org.podium.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/** What the built WAR carries: Podium and its libraries, never H2 or an application server. */
class WarContentsIT {

  private static final Path WAR = Path.of(System.getProperty("podium.it.war", "target/podium.war"));

  @Test
  void warCarriesNoH2AndNoServerClasses() throws Exception {
    try (ZipFile war = new ZipFile(WAR.toFile())) {
      List<String> offenders =
          war.stream()
              .map(ZipEntry::getName)
              .filter(
                  name ->
                      name.matches(
                              "WEB-INF/lib/(h2|wildfly|jboss|hibernate|payara|glassfish|jakarta\\.jakartaee|weld|resteasy|jersey|artemis).*")
                          || name.matches(
                              "WEB-INF/classes/(org/h2|org/jboss|org/wildfly|org/hibernate|fish/payara|org/glassfish)/.*"))
              .toList();
      assertEquals(List.of(), offenders);
      assertTrue(war.getEntry("WEB-INF/classes/db/migration/V1__accounts.sql") != null);
      assertTrue(war.getEntry("WEB-INF/classes/META-INF/persistence.xml") != null);
    }
  }
}
