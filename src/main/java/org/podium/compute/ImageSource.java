package org.podium.compute;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/** Where a run's image comes from: a registry, or an archive the participant uploaded. */
public sealed interface ImageSource {

  /**
   * An image pulled from its registry for every run, never taken from the engine's cache.
   *
   * @param reference what to pull
   * @param owner whose image it is: only an organizer's is pulled with the operator's credentials
   * @param credentials a participant's own credentials for this pull, given with the submission
   */
  record Registry(ImageReference reference, Owner owner, Optional<RegistryCredentials> credentials)
      implements ImageSource {
    public Registry {
      Objects.requireNonNull(reference, "reference");
      Objects.requireNonNull(owner, "owner");
      Objects.requireNonNull(credentials, "credentials");
      if (owner == Owner.ORGANIZER && credentials.isPresent()) {
        throw new IllegalArgumentException("an organizer's image is pulled as the operator");
      }
    }

    /** A participant's image, pulled anonymously. */
    public Registry(ImageReference reference) {
      this(reference, Owner.PARTICIPANT, Optional.empty());
    }

    /** An organizer's image (a scoring program): pulled with the operator's credentials. */
    public static Registry organizer(ImageReference reference) {
      return new Registry(reference, Owner.ORGANIZER, Optional.empty());
    }

    /** A participant's image, pulled with their own credentials when they gave some. */
    public static Registry participant(
        ImageReference reference, Optional<RegistryCredentials> credentials) {
      return new Registry(reference, Owner.PARTICIPANT, credentials);
    }
  }

  /** Whose image a registry reference is. */
  enum Owner {
    /** Configured by an organizer: the operator's registry credentials apply, any registry. */
    ORGANIZER,
    /**
     * Submitted by a participant: never the operator's credentials, only public registries or those
     * the operator lists, and pull errors not echoed.
     */
    PARTICIPANT
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
