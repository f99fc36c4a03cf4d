package org.podium.compute;

import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.command.PullImageResultCallback;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.model.AuthConfig;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Makes a run's image available and pins it. A registry reference is pulled for every run, so the
 * registry, not whatever another run left in the engine's cache, decides who may use an image.
 */
final class Images {

  private final DockerEngine engine;
  private final SandboxSettings settings;

  Images(DockerEngine engine, SandboxSettings settings) {
    this.engine = engine;
    this.settings = settings;
  }

  ResolvedImage resolve(ImageSource source) {
    if (source instanceof ImageSource.Registry registry) {
      return pull(registry.reference());
    }
    return loaded(((ImageSource.Loaded) source).imageId());
  }

  private ResolvedImage pull(ImageReference reference) {
    var pull = engine.streams().pullImageCmd(reference.name()).withTag(reference.pullTag());
    RegistryCredentials credentials = settings.registryCredentials().get(reference.registryHost());
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
    } catch (DockerException | com.github.dockerjava.api.exception.DockerClientException e) {
      String why = DockerEngine.rootMessage(e);
      if (ImageUnavailableException.isRefusal(why)) {
        throw new ImageUnavailableException(
            "the registry has no image "
                + reference
                + " or refuses to give it ("
                + why
                + "): check the name and tag, and that the image is public or readable by Podium",
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
