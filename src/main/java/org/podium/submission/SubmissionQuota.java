package org.podium.submission;

import java.time.Instant;

/**
 * What a participant may still send to a phase, by the rule admission enforces: per UTC day ({@code
 * perDay} null: no daily limit) and in all ({@code total} null: no limit). Re-runs, the platform's
 * failures and cancellations before a start are not counted.
 */
public record SubmissionQuota(
    String phaseName,
    Integer perDay,
    long usedToday,
    Integer total,
    long usedInAll,
    Instant resetsAt) {

  /** Submissions left today, null when there is no daily limit. */
  public Long leftToday() {
    return perDay == null ? null : Math.max(0, perDay - usedToday);
  }

  /** Submissions left in all, null when there is no total limit. */
  public Long leftInAll() {
    return total == null ? null : Math.max(0, total - usedInAll);
  }

  /** Whether either limit is used up. */
  public boolean usedUp() {
    return (leftToday() != null && leftToday() == 0) || (leftInAll() != null && leftInAll() == 0);
  }

  /**
   * As the Participate tab says it before the Send button: "3 of 5 submissions left today (resets
   * at 00:00 UTC); 17 of 20 left in all."
   */
  public String sentence() {
    if (perDay == null && total == null) {
      return "No limit on submissions in phase '" + phaseName + "'.";
    }
    StringBuilder text = new StringBuilder();
    if (perDay != null) {
      text.append(leftToday())
          .append(" of ")
          .append(perDay)
          .append(perDay == 1 ? " submission" : " submissions")
          .append(" left today in phase '")
          .append(phaseName)
          .append("' (resets at 00:00 UTC)");
    }
    if (total != null) {
      text.append(perDay == null ? "" : "; ")
          .append(leftInAll())
          .append(" of ")
          .append(total)
          .append(perDay == null ? (total == 1 ? " submission" : " submissions") : "")
          .append(" left in all")
          .append(perDay == null ? " in phase '" + phaseName + "'" : "");
    }
    return text.append('.').toString();
  }
}
