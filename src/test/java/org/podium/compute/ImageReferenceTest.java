package org.podium.compute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ImageReferenceTest {

  private static final String DIGEST = "sha256:" + "a".repeat(64);

  @Test
  void bareRepositoryIsDockerHubWithLatest() {
    ImageReference reference = ImageReference.parse("team/model");

    assertEquals(Optional.empty(), reference.registry());
    assertEquals("team/model", reference.repository());
    assertEquals("latest", reference.pullTag());
    assertEquals("docker.io", reference.registryHost());
  }

  @Test
  void registryWithPortTagAndDigest() {
    ImageReference reference = ImageReference.parse("127.0.0.1:5000/team/model:v1.2@" + DIGEST);

    assertEquals(Optional.of("127.0.0.1:5000"), reference.registry());
    assertEquals("team/model", reference.repository());
    assertEquals(Optional.of("v1.2"), reference.tag());
    assertEquals(DIGEST, reference.pullTag(), "a digest wins over the tag");
    assertEquals("127.0.0.1:5000/team/model", reference.name());
    assertEquals("127.0.0.1:5000/team/model:v1.2@" + DIGEST, reference.toString());
  }

  @Test
  void hostnameRegistriesAndLocalhost() {
    assertEquals(Optional.of("ghcr.io"), ImageReference.parse("ghcr.io/org/model:1").registry());
    assertEquals(
        Optional.of("localhost:5000"), ImageReference.parse("localhost:5000/model").registry());
    assertEquals(Optional.empty(), ImageReference.parse("library/ubuntu:24.04").registry());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "Team/Model",
        "team/model:",
        "team/model:-bad",
        "team//model",
        "-team/model",
        "team/model@sha256:short",
        "team/model@md5:0123456789abcdef0123456789abcdef",
        "team/model;rm -rf /",
        "team/model --privileged",
        "https://registry/model"
      })
  void invalidReferencesAreRejectedBeforeAnyEngineCall(String text) {
    InvalidImageException error =
        assertThrows(InvalidImageException.class, () -> ImageReference.parse(text));
    assertTrue(!error.getMessage().isBlank());
  }

  @Test
  void rejectionSaysWhatAReferenceLooksLike() {
    InvalidImageException error =
        assertThrows(InvalidImageException.class, () -> ImageReference.parse("team/model:"));
    assertEquals(
        "'team/model:' is not a valid image reference: write"
            + " [registry/]repository[:tag][@sha256:digest], with a lower-case repository.",
        error.getMessage());
  }

  @Test
  void podiumsUploadNamespaceCannotBePulled() {
    InvalidImageException error =
        assertThrows(
            InvalidImageException.class,
            () -> ImageReference.parse("podium-upload/someone-else:latest"));
    assertEquals(
        "'podium-upload/' names images Podium loads from uploads: it cannot be pulled, so upload"
            + " the archive again or name another image.",
        error.getMessage());
  }

  @Test
  void overlongReferenceIsRejected() {
    assertThrows(InvalidImageException.class, () -> ImageReference.parse("a/" + "b".repeat(300)));
  }
}
