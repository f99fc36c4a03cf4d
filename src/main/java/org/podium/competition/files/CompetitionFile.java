package org.podium.competition.files;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Objects;

/**
 * A file on a competition's Files tab: its name as participants download it, what the organizer
 * wrote about it, and the size and SHA-256 of the bytes Podium keeps for it.
 */
@Entity
@Table(name = "competition_file")
public class CompetitionFile {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "competition_id", nullable = false, updatable = false)
  private long competitionId;

  @NotNull
  @Size(max = FileNames.MAX_NAME)
  @Column(nullable = false, updatable = false)
  private String name;

  @NotNull
  @Size(max = FileNames.MAX_DESCRIPTION)
  @Column(nullable = false)
  private String description;

  @Column(name = "size_bytes", nullable = false, updatable = false)
  private long bytes;

  @NotNull
  @Column(nullable = false, updatable = false, length = 64)
  private String sha256;

  @NotNull
  @Column(name = "uploaded_by", nullable = false, updatable = false)
  private String uploadedBy;

  @Column(name = "uploaded_at", nullable = false, updatable = false)
  private Instant uploadedAt;

  protected CompetitionFile() {}

  public CompetitionFile(
      long competitionId,
      String name,
      String description,
      long bytes,
      String sha256,
      String uploadedBy) {
    this.competitionId = competitionId;
    this.name = Objects.requireNonNull(name, "name");
    this.description = description == null ? "" : description;
    this.bytes = bytes;
    this.sha256 = Objects.requireNonNull(sha256, "sha256");
    this.uploadedBy = Objects.requireNonNull(uploadedBy, "uploadedBy");
    this.uploadedAt = Instant.now();
  }

  public Long getId() {
    return id;
  }

  public long getCompetitionId() {
    return competitionId;
  }

  public String getName() {
    return name;
  }

  public String getDescription() {
    return description;
  }

  public long getBytes() {
    return bytes;
  }

  public String getSha256() {
    return sha256;
  }

  public String getUploadedBy() {
    return uploadedBy;
  }

  public Instant getUploadedAt() {
    return uploadedAt;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof CompetitionFile file && id != null && id.equals(file.id);
  }

  @Override
  public int hashCode() {
    return CompetitionFile.class.hashCode();
  }
}
