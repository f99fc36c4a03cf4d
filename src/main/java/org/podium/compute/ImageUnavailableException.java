package org.podium.compute;

import java.util.List;
import java.util.Locale;

/**
 * The registry answered, and said the image does not exist or may not be pulled: a fault of the
 * reference, not of the platform, so retrying cannot help.
 */
public class ImageUnavailableException extends ImagePullException {

  private static final long serialVersionUID = 1L;

  /** What registries (through the engine) answer for a missing image or a refused pull. */
  private static final List<String> REFUSALS =
      List.of(
          "manifest unknown",
          "name unknown",
          "repository does not exist",
          "pull access denied",
          "unauthorized",
          "no basic auth credentials",
          "denied:",
          "not found: manifest");

  public ImageUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * Whether an engine's pull failure is the registry refusing the image (not being unreachable).
   */
  static boolean isRefusal(String engineMessage) {
    String lower = String.valueOf(engineMessage).toLowerCase(Locale.ROOT);
    return REFUSALS.stream().anyMatch(lower::contains);
  }
}
