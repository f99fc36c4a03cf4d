package org.podium.competition.files;

import org.podium.storage.Staged;

/**
 * A file received into the staging folder with the SHA-256 of its bytes, computed as they streamed
 * in; closed before it is stored, it is deleted.
 */
public record ReceivedFile(Staged staged, String sha256) implements AutoCloseable {

  @Override
  public void close() {
    staged.close();
  }
}
