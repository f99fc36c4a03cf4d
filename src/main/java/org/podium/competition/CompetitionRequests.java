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
      @Size(max = 255, message = "The scoring image is longer than 255 characters: shorten it.")
          String image,
      @Size(
              max = 2000,
              message = "The scoring command is longer than 2,000 characters: shorten it.")
          String command,
      String layout) {}

  public record ColumnRequest(
      @NotBlank(message = "Every column needs a key: the name the scoring program writes.")
          @Size(max = 100, message = "A column's key has at most 100 characters: shorten it.")
          String key,
      @Size(max = 100, message = "A column's label has at most 100 characters: shorten it.")
          String label,
      String sort,
      @Min(value = 0, message = DECIMALS) @Max(value = 10, message = DECIMALS) Integer decimals,
      Boolean primary) {}

  /**
   * A phase; the run limits and quotas left out take {@link PhaseSettings#DEFAULTS}, whose rules
   * they follow. The constraints here are the phase's other rules, checked for the API and pages.
   */
  public record PhaseRequest(
      @NotBlank(message = "Give the phase a name.")
          @Size(max = 100, message = "The phase's name is longer than 100 characters: shorten it.")
          String name,
      Instant opensAt,
      Instant closesAt,
      Integer executionTimeLimitSeconds,
      Integer maxSubmissions,
      Integer maxSubmissionsPerDay,
      Integer memoryMb,
      BigDecimal cpus,
      Integer gpus,
      @NotNull(message = NO_SCORING) @Valid ScoringRequest scoring,
      @Valid List<ColumnRequest> columns,
      @Pattern(regexp = FILE_NAME, message = FILE_NAME_MESSAGE) String predictionsFile,
      @Pattern(regexp = FILE_NAME, message = FILE_NAME_MESSAGE) String truthFile,
      Boolean privateLeaderboard,
      @Min(value = 1, message = FINALS)
          @Max(value = PhaseSettings.MAX_FINAL_SUBMISSIONS, message = FINALS)
          Integer finalSubmissions) {}

  static final String NO_SCORING =
      "Choose a built-in metric or a scoring container (an image and its command).";

  static final String DECIMALS = "Give a column's decimals as a number from 0 to 10.";

  static final String FINALS = "Give a number of final submissions from 1 to 20.";

  /** A plain file name: no folder, not hidden. */
  static final String FILE_NAME = "[A-Za-z0-9_-][A-Za-z0-9._-]{0,254}";

  static final String FILE_NAME_MESSAGE =
      "Give a plain file name such as predictions.csv: no folder, not starting with a dot, at"
          + " most 255 characters.";

  public record ParticipantDecision(ParticipantStatus status) {}
}
