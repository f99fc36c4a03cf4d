package org.podium.compute;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tests against a real engine: one {@link SandboxFixture} per test class (skipped, or failed with
 * {@code PODIUM_REQUIRE_DOCKER=1}, without an engine) and a fresh work folder per test.
 */
abstract class EngineTestBase {

  static SandboxFixture fixture;

  @TempDir Path work;

  @BeforeAll
  static void startFixture() {
    fixture = new SandboxFixture();
  }

  @AfterAll
  static void closeFixture() {
    if (fixture != null) {
      fixture.close();
      fixture = null;
    }
  }
}
