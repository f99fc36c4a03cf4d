package org.podium.compute;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Which pull failures are the registry's answer about the image, and which are an outage. */
class ImageUnavailableTest {

  @Test
  void aRegistryThatAnswersNoSuchImageOrNoAccessIsARefusal() {
    // What Docker 20.10 reports, through docker-java, for a registry v2 (Debian's docker-registry,
    // Docker Hub, GHCR).
    assertTrue(
        ImageUnavailableException.isRefusal(
            "manifest for 127.0.0.1:5000/no-such-image:1 not found: manifest unknown: manifest unknown"));
    assertTrue(
        ImageUnavailableException.isRefusal(
            "pull access denied for someone/private, repository does not exist or may require 'docker login': denied: requested access to the resource is denied"));
    assertTrue(
        ImageUnavailableException.isRefusal(
            "Head \"https://ghcr.io/v2/org/img/manifests/1\": unauthorized"));
  }

  @Test
  void aRegistryThatDoesNotAnswerIsNot() {
    assertFalse(
        ImageUnavailableException.isRefusal(
            "Get \"http://127.0.0.1:5999/v2/\": dial tcp 127.0.0.1:5999: connect: connection refused"));
    assertFalse(
        ImageUnavailableException.isRefusal(
            "Get \"https://registry.example/v2/\": net/http: request canceled while waiting for connection (Client.Timeout exceeded while awaiting headers)"));
    assertFalse(
        ImageUnavailableException.isRefusal(
            "received unexpected HTTP status: 503 Service Unavailable"));
    assertFalse(ImageUnavailableException.isRefusal(null));
  }
}
