package org.podium.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.podium.compute.RegistryCredentials;

class RegistryAuthFileTest {

  @TempDir Path dir;

  @Test
  void readsDockerConfigAuthsByHost() throws Exception {
    String auth =
        Base64.getEncoder().encodeToString("robot:s3cr:et".getBytes(StandardCharsets.UTF_8));
    Path file =
        Files.writeString(
            dir.resolve("config.json"),
            """
            {"auths": {
              "https://index.docker.io/v1/": {"auth": "%s"},
              "ghcr.io": {"username": "bot", "password": "token"}
            }}
            """
                .formatted(auth));

    Map<String, RegistryCredentials> credentials = RegistryAuthFile.read(file);

    assertEquals(
        new RegistryCredentials("docker.io", "robot", "s3cr:et"), credentials.get("docker.io"));
    assertEquals(new RegistryCredentials("ghcr.io", "bot", "token"), credentials.get("ghcr.io"));
  }

  @Test
  void fileWithoutAuthsSaysWhatIsMissing() throws Exception {
    Path file = Files.writeString(dir.resolve("config.json"), "{\"credsStore\": \"desktop\"}");

    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> RegistryAuthFile.read(file));
    assertTrue(error.getMessage().contains("has no \"auths\" object"), error.getMessage());
  }

  @Test
  void credentialsNeverPrintTheirPassword() {
    assertTrue(!new RegistryCredentials("ghcr.io", "bot", "token").toString().contains("token"));
  }
}
