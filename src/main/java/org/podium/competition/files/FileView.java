package org.podium.competition.files;

import java.time.Instant;

/** A file of a competition's Files tab as the API and pages show it. */
public record FileView(
    long id,
    String name,
    String description,
    long bytes,
    String sha256,
    String uploadedBy,
    Instant uploadedAt) {

  static FileView of(CompetitionFile file) {
    return new FileView(
        file.getId(),
        file.getName(),
        file.getDescription(),
        file.getBytes(),
        file.getSha256(),
        file.getUploadedBy(),
        file.getUploadedAt());
  }
}
