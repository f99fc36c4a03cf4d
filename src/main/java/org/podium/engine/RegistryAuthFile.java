package org.podium.engine;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.podium.compute.RegistryCredentials;

/**
 * Reads registry credentials from a file in Docker's {@code config.json} format: {@code {"auths":
 * {"ghcr.io": {"auth": "<base64 user:password>"}}}}, or with {@code username} and {@code password}
 * in place of {@code auth}.
 */
final class RegistryAuthFile {

  private RegistryAuthFile() {}

  static Map<String, RegistryCredentials> read(Path file) {
    JsonObject root;
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        JsonReader json = Json.createReader(reader)) {
      root = json.readObject();
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException(
          "PODIUM_REGISTRY_AUTH_FILE " + file + " is not a readable JSON object: " + e.getMessage(),
          e);
    }
    JsonValue auths = root.get("auths");
    if (auths == null || auths.getValueType() != JsonValue.ValueType.OBJECT) {
      throw new IllegalArgumentException(
          "PODIUM_REGISTRY_AUTH_FILE "
              + file
              + " has no \"auths\" object: see README, Configuration");
    }
    Map<String, RegistryCredentials> credentials = new HashMap<>();
    auths
        .asJsonObject()
        .forEach(
            (registry, entry) ->
                credentials.put(host(registry), credentials(file, registry, entry)));
    return credentials;
  }

  private static RegistryCredentials credentials(Path file, String registry, JsonValue entry) {
    if (entry.getValueType() != JsonValue.ValueType.OBJECT) {
      throw new IllegalArgumentException(
          file + ": the entry for " + registry + " is not an object");
    }
    JsonObject auth = entry.asJsonObject();
    if (auth.get("auth") instanceof JsonString encoded) {
      String decoded =
          new String(Base64.getDecoder().decode(encoded.getString()), StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      if (colon < 1) {
        throw new IllegalArgumentException(
            file + ": the auth of " + registry + " is not base64 of user:password");
      }
      return new RegistryCredentials(
          host(registry), decoded.substring(0, colon), decoded.substring(colon + 1));
    }
    if (auth.get("username") instanceof JsonString user
        && auth.get("password") instanceof JsonString password) {
      return new RegistryCredentials(host(registry), user.getString(), password.getString());
    }
    throw new IllegalArgumentException(
        file + ": give " + registry + " an auth, or a username and a password");
  }

  /** {@code https://index.docker.io/v1/} and the like become the host Podium looks up. */
  private static String host(String registry) {
    String host = registry.replaceFirst("^https?://", "");
    int slash = host.indexOf('/');
    host = slash < 0 ? host : host.substring(0, slash);
    return host.equals("index.docker.io") || host.equals("registry-1.docker.io")
        ? "docker.io"
        : host;
  }
}
