package org.podium.account;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.Properties;

/**
 * The bootstrap administrator's credentials, kept in {@code PODIUM_HOME/bootstrap-admin.properties}
 * (readable by its owner only) so that every start, and the run command, agree on them. Generated
 * once; never a fixed password.
 */
public final class BootstrapCredentials {

  public static final String FILE_NAME = "bootstrap-admin.properties";

  private static final String ALPHABET =
      "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
  private static final int GENERATED_LENGTH = 20;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final String username;
  private final String password;

  public BootstrapCredentials(String username, String password) {
    if (username == null || username.isBlank() || password == null || password.isBlank()) {
      throw new IllegalArgumentException(
          "the bootstrap administrator needs a username and password");
    }
    this.username = username;
    this.password = password;
  }

  public String username() {
    return username;
  }

  public String password() {
    return password;
  }

  /** The credentials stored in {@code home}, if any. */
  public static Optional<BootstrapCredentials> read(Path home) {
    Path file = home.resolve(FILE_NAME);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    return Optional.of(
        new BootstrapCredentials(
            properties.getProperty("username"), properties.getProperty("password")));
  }

  /**
   * The stored credentials, or new ones stored now: the given password when the operator chose one,
   * otherwise a generated one.
   */
  public static BootstrapCredentials readOrCreate(
      Path home, String username, Optional<String> chosenPassword) {
    Optional<BootstrapCredentials> stored = read(home);
    if (stored.isPresent()) {
      return stored.get();
    }
    BootstrapCredentials created =
        new BootstrapCredentials(
            username, chosenPassword.orElseGet(BootstrapCredentials::generate));
    created.write(home);
    return created;
  }

  static String generate() {
    StringBuilder password = new StringBuilder(GENERATED_LENGTH);
    for (int i = 0; i < GENERATED_LENGTH; i++) {
      password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return password.toString();
  }

  private void write(Path home) {
    Path file = home.resolve(FILE_NAME);
    try {
      Files.createDirectories(home);
      // Written under a temporary name with owner-only permissions, then moved into place, so the
      // password is never readable by others, not even for a moment.
      Path temporary =
          Files.createTempFile(
              home,
              ".bootstrap-admin",
              ".tmp",
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Properties properties = new Properties();
      properties.setProperty("username", username);
      properties.setProperty("password", password);
      try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
        properties.store(writer, "Podium bootstrap administrator; generated once, keep it safe");
      }
      try {
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
      } catch (FileAlreadyExistsException e) {
        Files.delete(temporary);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
