package org.podium.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Participants' registry credentials are stored sealed, under a key outside the database. */
class SecretsTest {

  @TempDir Path home;

  @AfterEach
  void clear() {
    System.clearProperty("podium.credentials.key.file");
  }

  private Secrets secrets(Path keyFile) {
    System.setProperty("podium.credentials.key.file", keyFile.toString());
    Secrets secrets = new Secrets();
    secrets.config = new PodiumConfig();
    return secrets;
  }

  @Test
  void aSealedSecretOpensWithItsKeyAndShowsNothingOfItself() throws Exception {
    Path key = home.resolve("credentials.key");
    Secrets secrets = secrets(key);

    String sealed = secrets.seal("alice:s3cret-pw");

    assertEquals("alice:s3cret-pw", secrets.open(sealed));
    assertFalse(sealed.contains("s3cret") || sealed.contains("alice"), sealed);
    assertNotEquals(sealed, secrets.seal("alice:s3cret-pw"), "a fresh nonce each time");
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
  }

  @Test
  void anotherKeyCannotOpenIt() {
    String sealed = secrets(home.resolve("one.key")).seal("alice:s3cret-pw");

    assertThrows(IllegalStateException.class, () -> secrets(home.resolve("two.key")).open(sealed));
  }
}
