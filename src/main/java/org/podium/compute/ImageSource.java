package org.podium.compute;

import java.util.Objects;
import java.util.regex.Pattern;

/** Where a run's image comes from: a registry, or an archive the participant uploaded. */
public sealed interface ImageSource {

  /** An image pulled from its registry for every run, never taken from the engine's cache. */
  record Registry(ImageReference reference) implements ImageSource {
    public Registry {
      Objects.requireNonNull(reference, "reference");
    }
  }

  /**
   * An image loaded from an uploaded {@code docker save} archive (see {@link ImageArchives}), run
   * by its id.
   */
  record Loaded(String imageId) implements ImageSource {
    private static final Pattern ID = Pattern.compile("sha256:[0-9a-f]{64}");

    public Loaded {
      if (imageId == null || !ID.matcher(imageId).matches()) {
        throw new IllegalArgumentException("a loaded image is run by its id, sha256:<64 hex>");
      }
    }
  }
}
