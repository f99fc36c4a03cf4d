package org.podium.platform.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * Which Podium this is, for the pages' footer: the version Maven wrote into the WAR ({@code
 * META-INF/maven/org.podium/podium/pom.properties}), or nothing when the WAR has none.
 */
@Named
@ApplicationScoped
public class Release {

  private static final String POM_PROPERTIES = "/META-INF/maven/org.podium/podium/pom.properties";

  private String version;

  /** "0.1.0", or an empty string when the WAR does not say. */
  public String getVersion() {
    if (version == null) {
      Properties pom = new Properties();
      try (InputStream in =
          FacesContext.getCurrentInstance()
              .getExternalContext()
              .getResourceAsStream(POM_PROPERTIES)) {
        if (in != null) {
          pom.load(in);
        }
      } catch (IOException unreadable) {
        // no version then: the footer still names Podium
      }
      version = pom.getProperty("version", "");
    }
    return version;
  }
}
