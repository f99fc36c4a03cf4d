package org.podium.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BootstrapCredentialsTest {

  @TempDir Path home;

  @Test
  void generatesAPasswordOnceAndKeepsItForLaterStarts() {
    BootstrapCredentials first = BootstrapCredentials.readOrCreate(home, "admin", Optional.empty());
    BootstrapCredentials second =
        BootstrapCredentials.readOrCreate(home, "admin", Optional.empty());

    assertEquals("admin", first.username());
    assertEquals(20, first.password().length());
    assertEquals(first.password(), second.password());
  }

  @Test
  void neverGeneratesTheSamePasswordTwice(@TempDir Path otherHome) {
    String one = BootstrapCredentials.readOrCreate(home, "admin", Optional.empty()).password();
    String two = BootstrapCredentials.readOrCreate(otherHome, "admin", Optional.empty()).password();
    assertNotEquals(one, two);
  }

  @Test
  void usesThePasswordTheOperatorChose() {
    BootstrapCredentials credentials =
        BootstrapCredentials.readOrCreate(home, "root", Optional.of("chosen-secret"));
    assertEquals("chosen-secret", credentials.password());
    assertEquals("root", BootstrapCredentials.read(home).orElseThrow().username());
  }

  @Test
  void fileIsReadableByItsOwnerOnly() throws Exception {
    BootstrapCredentials.readOrCreate(home, "admin", Optional.empty());
    Path file = home.resolve(BootstrapCredentials.FILE_NAME);
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    try (var files = Files.list(home)) {
      assertTrue(files.allMatch(file::equals), "no temporary file is left behind");
    }
  }
}
