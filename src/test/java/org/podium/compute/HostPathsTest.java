package org.podium.compute;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HostPathsTest {

  @Test
  void absolutePathsAreReplacedAndImageReferencesKept() {
    assertEquals(
        "cannot delete (a path): error mounting \"(a path)\" to rootfs; image 127.0.0.1:5000/x:1",
        HostPaths.scrub(
            "cannot delete /root/.podium/data/submissions/4/attempt-1/out: error mounting"
                + " \"/root/.podium/data/phases/2/input\" to rootfs; image 127.0.0.1:5000/x:1"));
    assertEquals("", HostPaths.scrub(null));
  }
}
