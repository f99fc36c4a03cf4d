package org.podium.compute;

import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.command.PullImageResultCallback;
import com.github.dockerjava.api.exception.DockerClientException;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.model.AuthConfig;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Makes a run's image available and pins it. A registry reference is pulled for every run, so the
 * registry, not whatever another run left in the engine's cache, decides who may use an image.
 */
final class Images {

  /** What a participant learns of a failed pull, whatever the engine said. */
  static final String GENERIC_PULL_FAILURE =
      "The image could not be pulled: check the reference and that the registry is reachable and"
          + " public, or give credentials.";

  private static final Logger LOG = Logger.getLogger(Images.class.getName());

  private final DockerEngine engine;
  private final SandboxSettings settings;

  Images(DockerEngine engine, SandboxSettings settings) {
    this.engine = engine;
    this.settings = settings;
  }

  ResolvedImage resolve(ImageSource source) {
    if (source instanceof ImageSource.Registry registry) {
      return registry.owner() == ImageSource.Owner.ORGANIZER
          ? pull(
              registry.reference(),
              settings.registryCredentials().get(registry.reference().registryHost()))
          : participantPull(registry);
    }
    return loaded(((ImageSource.Loaded) source).imageId());
  }

  /**
   * A participant's image: from a registry the policy allows (checked again now: a name may resolve
   * elsewhere than at submit), with their own credentials only, and a failure told in generic
   * words, the engine's own kept for the server's log: what the engine says about a host (refused,
   * timed out, what answered) would map the operator's network for the participant.
   */
  private ResolvedImage participantPull(ImageSource.Registry registry) {
    ImageReference reference = registry.reference();
    try {
      settings.registryPolicy().check(reference);
    } catch (InvalidImageException e) {
      throw new ImageUnavailableException(e.getMessage(), null);
    }
    try {
      return pull(reference, registry.credentials().orElse(null));
    } catch (ImageUnavailableException e) {
      LOG.log(Level.INFO, "Pull of participant image " + reference + " refused: " + e.getMessage());
      throw new ImageUnavailableException(GENERIC_PULL_FAILURE, null);
    } catch (EngineFailure | DockerException | DockerClientException e) {
      LOG.log(
          Level.WARNING, "Pull of participant image " + reference + " failed: " + e.getMessage());
      throw new ImagePullException(GENERIC_PULL_FAILURE);
    }
  }

  private ResolvedImage pull(ImageReference reference, RegistryCredentials credentials) {
    var pull = engine.streams().pullImageCmd(reference.name()).withTag(reference.pullTag());
    if (credentials != null) {
      pull.withAuthConfig(
          new AuthConfig()
              .withRegistryAddress(credentials.registry())
              .withUsername(credentials.username())
              .withPassword(credentials.password()));
    }
    try (PullImageResultCallback callback = pull.exec(new PullImageResultCallback())) {
      if (!callback.awaitCompletion(settings.pullTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
        throw new ImagePullException(
            "pulling "
                + reference
                + " took longer than "
                + settings.pullTimeout().toMinutes()
                + " minutes");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ImagePullException("interrupted while pulling " + reference, e);
    } catch (DockerException | DockerClientException e) {
      String why = DockerEngine.rootMessage(e);
      if (ImageUnavailableException.isRefusal(why)) {
        throw new ImageUnavailableException(
            "The registry has no image "
                + reference
                + " or refuses to give it ("
                + why
                + "): check the name and tag, and that the image is public or readable by Podium.",
            e);
      }
      throw new ImagePullException("cannot pull " + reference + ": " + why, e);
    } catch (java.io.IOException e) {
      throw new ImagePullException("cannot pull " + reference + ": " + e.getMessage(), e);
    }
    String pulled =
        reference.name() + reference.digest().map(d -> "@" + d).orElse(":" + reference.pullTag());
    InspectImageResponse image = inspect(pulled);
    String digest = registryDigest(reference, image.getRepoDigests());
    if (reference.digest().isPresent() && !reference.digest().get().equals(digest)) {
      throw new ImagePullException(
          "the registry served " + digest + " for " + reference + ", not the pinned digest");
    }
    return new ResolvedImage(image.getId(), reference.name() + "@" + digest);
  }

  private ResolvedImage loaded(String imageId) {
    return new ResolvedImage(inspect(imageId).getId(), imageId);
  }

  private InspectImageResponse inspect(String image) {
    try {
      return engine.calls().inspectImageCmd(image).exec();
    } catch (DockerException e) {
      throw new ImagePullException(
          "image " + image + " is not on the engine: " + DockerEngine.rootMessage(e), e);
    }
  }

  private static String registryDigest(ImageReference reference, List<String> repoDigests) {
    String prefix = reference.name() + "@";
    if (repoDigests != null) {
      for (String repoDigest : repoDigests) {
        if (repoDigest.startsWith(prefix)) {
          return repoDigest.substring(prefix.length());
        }
      }
    }
    throw new ImagePullException("the engine recorded no registry digest for " + reference);
  }
}
