package org.podium.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals short secrets (a participant's registry credentials) before they reach the database:
 * AES-256-GCM under a key kept outside it, in {@link PodiumConfig#credentialsKeyFile()}, generated
 * at the first use (owner-readable only). A database dump alone reveals no secret; every node needs
 * the same key file.
 */
@ApplicationScoped
public class Secrets {

  private static final String PREFIX = "v1:";
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();

  @Inject PodiumConfig config;

  private volatile SecretKey key;

  /** {@code v1:} and the base64 of a fresh nonce and the ciphertext with its tag. */
  public String seal(String secret) {
    byte[] nonce = new byte[NONCE_BYTES];
    RANDOM.nextBytes(nonce);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key(), new GCMParameterSpec(TAG_BITS, nonce));
      byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
      return PREFIX
          + Base64.getEncoder()
              .encodeToString(
                  ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot seal a secret", e);
    }
  }

  /**
   * The secret {@link #seal} sealed.
   *
   * @throws IllegalStateException when it was sealed under another key, or altered
   */
  public String open(String sealed) {
    if (!sealed.startsWith(PREFIX)) {
      throw new IllegalStateException("not a sealed secret");
    }
    byte[] bytes = Base64.getDecoder().decode(sealed.substring(PREFIX.length()));
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(
          Cipher.DECRYPT_MODE, key(), new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
      return new String(
          cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(
          "a sealed secret does not open with the key in "
              + config.credentialsKeyFile()
              + " (another node's key, or a new one?)",
          e);
    }
  }

  private SecretKey key() {
    SecretKey current = key;
    if (current == null) {
      current = new SecretKeySpec(readOrCreate(config.credentialsKeyFile()), "AES");
      key = current;
    }
    return current;
  }

  /** The key file's 32 bytes (base64), created if absent; whoever creates it first wins. */
  static byte[] readOrCreate(Path file) {
    try {
      if (!Files.exists(file)) {
        Files.createDirectories(file.toAbsolutePath().getParent());
        byte[] fresh = new byte[32];
        RANDOM.nextBytes(fresh);
        // Written whole beside it, then moved into place: a reader never sees half a key.
        Path written =
            Files.createTempFile(
                file.toAbsolutePath().getParent(),
                ".credentials-",
                ".key",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(
            written,
            Base64.getEncoder().encodeToString(fresh) + "\n",
            StandardCharsets.US_ASCII,
            StandardOpenOption.WRITE);
        try {
          Files.move(written, file);
        } catch (FileAlreadyExistsException anotherNodeWon) {
          Files.deleteIfExists(written); // read what the other writer chose
        }
      }
      byte[] key = Base64.getDecoder().decode(Files.readString(file).trim());
      if (key.length != 32) {
        throw new IllegalStateException(file + " does not hold a 256-bit key in base64");
      }
      return key;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or create the credentials key " + file, e);
    }
  }
}
