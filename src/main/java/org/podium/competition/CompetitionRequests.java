package org.podium.competition;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** What organizers send to create and change competitions and phases (JSON bodies). */
public final class CompetitionRequests {

  private CompetitionRequests() {}

  public record CompetitionRequest(
      String title,
      String description,
      Boolean published,
      Boolean enableDockerSubmission,
      Participation participation,
      Boolean participantsSeeLogs,
      List<String> organizers,
      Boolean participantsSeeScoringOutput,
      Boolean scoringProgramsPublic,
      String terms) {}

  /** A built-in metric, or a scoring container (image, command, mount layout). */
  public record ScoringRequest(
      String metric,
      @Size(max = 255, message = "must be at most 255 characters") String image,
      @Size(max = 2000, message = "must be at most 2000 characters") String command,
      String layout) {}

  public record ColumnRequest(
      @NotBlank(message = "every column needs a key") String key,
      String label,
      String sort,
      @Min(value = 0, message = "must be between 0 and 10")
          @Max(value = 10, message = "must be between 0 and 10")
          Integer decimals,
      Boolean primary) {}

  /**
   * A phase; the run limits and quotas left out take {@link PhaseSettings#DEFAULTS}, whose rules
   * they follow. The constraints here are the phase's other rules, checked for the API and pages.
   */
  public record PhaseRequest(
      @NotBlank(message = "must not be blank")
          @Size(max = 100, message = "must be at most 100 characters")
          String name,
      Instant opensAt,
      Instant closesAt,
      Integer executionTimeLimitSeconds,
      Integer maxSubmissions,
      Integer maxSubmissionsPerDay,
      Integer memoryMb,
      BigDecimal cpus,
      Integer gpus,
      @NotNull(message = "give a built-in metric {metric} or a scoring container {image, command}")
          @Valid
          ScoringRequest scoring,
      @Valid List<ColumnRequest> columns,
      @Pattern(regexp = FILE_NAME, message = FILE_NAME_MESSAGE) String predictionsFile,
      @Pattern(regexp = FILE_NAME, message = FILE_NAME_MESSAGE) String truthFile,
      Boolean privateLeaderboard,
      @Min(value = 1, message = "must be between 1 and 20")
          @Max(value = PhaseSettings.MAX_FINAL_SUBMISSIONS, message = "must be between 1 and 20")
          Integer finalSubmissions) {}

  /** A plain file name: no folder, not hidden. */
  static final String FILE_NAME = "[A-Za-z0-9_-][A-Za-z0-9._-]{0,254}";

  static final String FILE_NAME_MESSAGE = "must be a plain file name such as predictions.csv";

  public record ParticipantDecision(ParticipantStatus status) {}
}
