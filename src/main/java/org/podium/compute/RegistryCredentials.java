package org.podium.compute;

import java.util.Objects;

/**
 * How Podium signs in to one registry: the operator's (for organizers' images only), or a
 * participant's own, given with a submission for its pulls. The password never appears in {@link
 * #toString}.
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
