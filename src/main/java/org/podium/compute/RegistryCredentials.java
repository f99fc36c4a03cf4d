package org.podium.compute;

import java.util.Objects;

/**
 * How Podium signs in to one registry to pull participants' images, from the operator's
 * configuration.
 */
public record RegistryCredentials(String registry, String username, String password) {

  public RegistryCredentials {
    Objects.requireNonNull(registry, "registry");
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(password, "password");
  }

  @Override
  public String toString() {
    return "RegistryCredentials[" + registry + ", " + username + ", ****]";
  }
}
