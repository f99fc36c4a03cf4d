package org.podium.submission;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.podium.platform.web.Formats;

/**
 * How every page says a submission: its status and outcome in people's words on one line ("Timed
 * out", "Cancelled"), the technical code for a tooltip or a detail view ("FAILED · TIMED_OUT"), its
 * scores with their columns' decimals, and what a moment's message says of it now.
 */
@Named
@RequestScoped
public class SubmissionText {

  @Inject SubmissionLists lists;

  /** Decimals by score key, by phase id: asked once per phase and request. */
  private final Map<Long, Map<String, Integer>> decimals = new HashMap<>();

  /** Its status in people's words, one line: "Waiting", "Running", "Timed out", "Finished". */
  public static String status(SubmissionView s) {
    return switch (s.status()) {
      case "SUBMITTED" -> "Waiting";
      case "RUNNING" -> "Running";
      case "SCORING" -> "Scoring";
      case "FINISHED" -> "Finished";
      case "CANCELLED" -> "Cancelled";
      case "FAILED" -> failed(s);
      default -> s.status();
    };
  }

  private static String failed(SubmissionView s) {
    if (s.outcome() == null) {
      return "Failed";
    }
    return switch (s.outcome()) {
      case "FAILED" -> s.exitCode() == null ? "Failed" : "Failed (exit code " + s.exitCode() + ")";
      case "TIMED_OUT" -> "Timed out";
      case "OUT_OF_MEMORY" -> "Out of memory";
      case "OUTPUT_LIMIT" -> "Output too large";
      case "IMAGE_UNAVAILABLE" -> "Image unavailable";
      case "CANCELLED" -> "Cancelled";
      case "INFRA_ERROR" -> "Platform error";
      case "SUCCEEDED" -> "Scoring failed";
      default -> "Failed";
    };
  }

  /** The technical code behind the words: "FAILED · TIMED_OUT", or the status alone. */
  public static String code(SubmissionView s) {
    return s.outcome() == null || s.outcome().equals(s.status())
        ? s.status()
        : s.status() + " · " + s.outcome();
  }

  /**
   * The code with why it ended when that says more than the words, for a tooltip: "FAILED ·
   * TIMED_OUT — still running after the time limit of 60 s: stopped", "CANCELLED".
   */
  public static String tooltip(SubmissionView s) {
    String why = why(s);
    return code(s) + (why == null ? "" : " — " + why);
  }

  /**
   * Podium's detail when it says something the words do not (the time or memory limit it hit, why
   * it waits, why scoring failed), else null: "cancelled" under "Cancelled", or "exited with code
   * 2" under "Failed (exit code 2)", only repeats them.
   */
  public static String why(SubmissionView s) {
    String detail = s.detail() == null ? "" : s.detail().strip();
    if (detail.isEmpty()) {
      return null;
    }
    String words = status(s).toLowerCase(Locale.ROOT);
    String said = detail.toLowerCase(Locale.ROOT).replaceAll("[.!]+$", "");
    boolean repeated =
        said.equals(words)
            || said.equals(s.status().toLowerCase(Locale.ROOT))
            || (s.exitCode() != null
                && said.equals("exited with code " + s.exitCode())
                && words.contains("exit code " + s.exitCode()));
    return repeated ? null : detail;
  }

  /**
   * For pages: {@link #why} as a sentence ("Still running after the time limit of 60 s: stopped."),
   * or null.
   */
  public String reason(SubmissionView s) {
    String why = why(s);
    if (why == null) {
      return null;
    }
    String sentence = Character.toUpperCase(why.charAt(0)) + why.substring(1);
    return sentence.matches("(?s).*[.!?]$") ? sentence : sentence + ".";
  }

  /** For pages: {@link #status}. */
  public String words(SubmissionView s) {
    return status(s);
  }

  /** For pages: {@link #tooltip}. */
  public String title(SubmissionView s) {
    return tooltip(s);
  }

  /** Its public scores, each with its column's decimals: "mae 0.400, rmse 0.5000". */
  public String scores(SubmissionView s) {
    return Formats.scores(s.scores(), decimalsOf(s.phaseId()));
  }

  /** Its private scores likewise, or an empty text when the caller does not see them. */
  public String privateScores(SubmissionView s) {
    return s.privateScores() == null
        ? ""
        : Formats.scores(s.privateScores(), decimalsOf(s.phaseId()));
  }

  private Map<String, Integer> decimalsOf(long phaseId) {
    return decimals.computeIfAbsent(phaseId, lists::decimals);
  }

  /**
   * What a message about a submission just sent says now, as its run moves on: "Sent: submission 12
   * waits for a slot.", then "Submission 12 is running.", then "Submission 12 finished: mae 0.400."
   */
  public String news(SubmissionView s) {
    String name = "Submission " + s.id();
    return switch (s.status()) {
      case "SUBMITTED" ->
          "Sent: submission "
              + s.id()
              + ("RESULTS".equals(s.kind()) ? " is being scored." : " waits for a slot.");
      case "RUNNING" -> name + " is running.";
      case "SCORING" -> name + " is being scored.";
      case "FINISHED" -> name + " finished" + (s.scores().isEmpty() ? "." : ": " + scores(s) + ".");
      case "CANCELLED" -> name + " was cancelled.";
      default -> name + " ended: " + status(s) + ". Its page says why.";
    };
  }
}
