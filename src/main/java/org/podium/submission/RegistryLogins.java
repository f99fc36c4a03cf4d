package org.podium.submission;

import java.util.Map;
import java.util.Optional;
import org.podium.compute.ImageReference;
import org.podium.compute.RegistryCredentials;
import org.podium.platform.problem.Problem;

/**
 * A participant's own credentials for the registry of a private image, from the submission's {@code
 * registryUsername} and {@code registryPassword} fields: both or neither. Refusals name the field
 * and never repeat the password.
 */
final class RegistryLogins {

  private static final int MAX_USERNAME = 255;

  // Long enough for a cloud provider's JSON key given as the password.
  private static final int MAX_PASSWORD = 16_384;

  private RegistryLogins() {}

  /** Whether either field has something in it. */
  static boolean given(Map<String, String> fields) {
    return present(fields.get(SubmissionIntake.REGISTRY_USERNAME))
        || present(fields.get(SubmissionIntake.REGISTRY_PASSWORD));
  }

  /** The credentials for {@code image}'s registry, or empty when neither field was given. */
  static Optional<RegistryCredentials> of(Map<String, String> fields, ImageReference image) {
    String username = fields.get(SubmissionIntake.REGISTRY_USERNAME);
    String password = fields.get(SubmissionIntake.REGISTRY_PASSWORD);
    if (!present(username) && !present(password)) {
      return Optional.empty();
    }
    if (!present(username)) {
      throw Problem.invalidField(
          SubmissionIntake.REGISTRY_USERNAME,
          "Give the user name that goes with the registry password, or neither.");
    }
    if (!present(password)) {
      throw Problem.invalidField(
          SubmissionIntake.REGISTRY_PASSWORD,
          "Give the password or token that goes with the registry user name, or neither.");
    }
    String user = username.trim();
    if (user.length() > MAX_USERNAME || user.contains(":") || hasControl(user, false)) {
      throw Problem.invalidField(
          SubmissionIntake.REGISTRY_USERNAME,
          "Give a registry user name of at most "
              + MAX_USERNAME
              + " characters, without ':' or control characters.");
    }
    if (password.length() > MAX_PASSWORD || hasControl(password, true)) {
      throw Problem.invalidField(
          SubmissionIntake.REGISTRY_PASSWORD,
          "Give a registry password of at most "
              + MAX_PASSWORD
              + " characters, without control characters other than line breaks.");
    }
    return Optional.of(new RegistryCredentials(image.registryHost(), user, password));
  }

  private static boolean present(String value) {
    return value != null && !value.isBlank();
  }

  private static boolean hasControl(String text, boolean lineBreaksAllowed) {
    return text.chars()
        .anyMatch(
            c ->
                Character.isISOControl(c)
                    && !(lineBreaksAllowed && (c == '\n' || c == '\r' || c == '\t')));
  }
}
