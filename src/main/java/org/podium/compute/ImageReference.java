package org.podium.compute;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A registry image reference, {@code [registry/]repository[:tag][@sha256:digest]}, checked against
 * the grammar of Docker's reference package before anything reaches the engine.
 *
 * @param registry host[:port] when the reference names one, otherwise empty (Docker Hub)
 * @param repository path of the repository within the registry, e.g. {@code team/model}
 * @param tag the tag, empty when the reference has none (and no digest: then {@code latest})
 * @param digest {@code sha256:<64 hex>} when the reference pins one
 */
public record ImageReference(
    Optional<String> registry, String repository, Optional<String> tag, Optional<String> digest) {

  /** Repositories under this prefix are the names Podium loads uploaded archives under. */
  public static final String RESERVED_NAMESPACE = "podium-upload";

  private static final int MAX_LENGTH = 255;
  private static final String ALPHANUMERIC = "[a-z0-9]+";
  private static final String SEPARATOR = "(?:[._]|__|-+)";
  private static final String PATH_COMPONENT =
      ALPHANUMERIC + "(?:" + SEPARATOR + ALPHANUMERIC + ")*";
  private static final String DOMAIN_COMPONENT =
      "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
  private static final String DOMAIN =
      "(?:"
          + DOMAIN_COMPONENT
          + "(?:\\."
          + DOMAIN_COMPONENT
          + ")*|\\[[0-9a-fA-F:.]+\\])(?::[0-9]+)?";
  private static final Pattern REFERENCE =
      Pattern.compile(
          "^(?:(?<domain>"
              + DOMAIN
              + ")/)?(?<path>"
              + PATH_COMPONENT
              + "(?:/"
              + PATH_COMPONENT
              + ")*)(?::(?<tag>[\\w][\\w.-]{0,127}))?(?:@(?<digest>[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}))?$");
  private static final Pattern SHA256 = Pattern.compile("sha256:[0-9a-f]{64}");

  public ImageReference {
    registry = registry == null ? Optional.empty() : registry;
    tag = tag == null ? Optional.empty() : tag;
    digest = digest == null ? Optional.empty() : digest;
  }

  /**
   * Parses a reference as a participant typed it.
   *
   * @throws InvalidImageException saying what is wrong, before any engine call
   */
  public static ImageReference parse(String text) {
    if (text == null || text.isBlank()) {
      throw new InvalidImageException("The image reference is empty: give one like team/model:1.");
    }
    String reference = text.trim();
    if (reference.length() > MAX_LENGTH) {
      throw new InvalidImageException(
          "The image reference is longer than " + MAX_LENGTH + " characters: shorten it.");
    }
    Matcher matcher = REFERENCE.matcher(reference);
    if (!matcher.matches()) {
      throw new InvalidImageException(
          "'"
              + reference
              + "' is not a valid image reference: write [registry/]repository[:tag][@sha256:digest],"
              + " with a lower-case repository.");
    }
    String domain = matcher.group("domain");
    String path = matcher.group("path");
    // As in Docker: a first component is a registry only if it looks like a host.
    if (domain != null && !looksLikeHost(domain)) {
      path = domain + "/" + path;
      domain = null;
      if (!path.matches(PATH_COMPONENT + "(?:/" + PATH_COMPONENT + ")*")) {
        throw new InvalidImageException(
            "'" + reference + "' has an upper-case repository name: write it in lower case.");
      }
    }
    String digest = matcher.group("digest");
    if (digest != null && !SHA256.matcher(digest).matches()) {
      throw new InvalidImageException(
          "The digest of '"
              + reference
              + "' is not sha256: followed by 64 lower-case hex digits: copy it again.");
    }
    String repositoryRoot = path.contains("/") ? path.substring(0, path.indexOf('/')) : path;
    if (repositoryRoot.equals(RESERVED_NAMESPACE)) {
      throw new InvalidImageException(
          "'"
              + RESERVED_NAMESPACE
              + "/' names images Podium loads from uploads: it cannot be pulled, so upload the"
              + " archive again or name another image.");
    }
    return new ImageReference(
        Optional.ofNullable(domain),
        path,
        Optional.ofNullable(matcher.group("tag")),
        Optional.ofNullable(digest));
  }

  private static boolean looksLikeHost(String domain) {
    return domain.contains(".")
        || domain.contains(":")
        || domain.equals("localhost")
        || domain.startsWith("[")
        || !domain.equals(domain.toLowerCase());
  }

  /** Registry and repository, as the engine names the image: {@code registry/repository}. */
  public String name() {
    return registry.map(r -> r + "/" + repository).orElse(repository);
  }

  /** What to pull: the digest when pinned, otherwise the tag (default {@code latest}). */
  public String pullTag() {
    return digest.orElseGet(() -> tag.orElse("latest"));
  }

  /** The registry to authenticate against: the named one, or Docker Hub. */
  public String registryHost() {
    return registry.orElse("docker.io");
  }

  @Override
  public String toString() {
    return name() + tag.map(t -> ":" + t).orElse("") + digest.map(d -> "@" + d).orElse("");
  }
}
