package org.podium.competition;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.math.BigDecimal;
import java.util.Locale;
import org.podium.competition.CompetitionViews.ColumnView;
import org.podium.competition.CompetitionViews.PhaseView;

/**
 * A phase's rules as the Overview states them, in words (issue 15): its run limits, how it is
 * scored and which way is better, its quotas. What a participant would otherwise learn only when a
 * limit stops them.
 */
@Named
@ApplicationScoped
public class PhaseFacts {

  /** "lower is better" for an ascending column, "higher is better" otherwise. */
  public String direction(ColumnView column) {
    return "asc".equals(column.sort()) ? "lower is better" : "higher is better";
  }

  /** "mae (lower is better)", or for a scoring container its primary column's. */
  public String scoring(PhaseView phase) {
    ColumnView primary =
        phase.columns().stream().filter(ColumnView::primary).findFirst().orElse(null);
    String ranked = primary == null ? "" : " (" + direction(primary) + ")";
    if (phase.metric() != null) {
      return phase.metric() + ranked;
    }
    return "A scoring program" + (primary == null ? "" : ", ranked by " + label(primary) + ranked);
  }

  /** "10 min per run" / "90 s per run". */
  public String timeLimit(PhaseView phase) {
    int seconds = phase.executionTimeLimitSeconds();
    if (seconds < 60 || seconds % 60 != 0) {
      return seconds + " s per run";
    }
    return seconds / 60 + " min per run";
  }

  /** "2,048 MiB memory, 1 CPU, no GPU". */
  public String resources(PhaseView phase) {
    BigDecimal cpus = phase.cpus() == null ? BigDecimal.ONE : phase.cpus().stripTrailingZeros();
    String cpuText =
        cpus.toPlainString() + (cpus.compareTo(BigDecimal.ONE) == 0 ? " CPU" : " CPUs");
    String gpuText =
        phase.gpus() == 0 ? "no GPU" : phase.gpus() + (phase.gpus() == 1 ? " GPU" : " GPUs");
    return String.format(Locale.ROOT, "%,d MiB memory, %s, %s", phase.memoryMb(), cpuText, gpuText);
  }

  /** "5 a day (the day resets at 00:00 UTC), 100 in total", or "No limit". */
  public String quotas(PhaseView phase) {
    Integer daily = phase.maxSubmissionsPerDay();
    Integer total = phase.maxSubmissions();
    if (daily == null && total == null) {
      return "No limit";
    }
    String perDay = daily == null ? null : daily + " a day (the day resets at 00:00 UTC)";
    String inTotal = total == null ? null : total + " in total";
    return perDay == null ? inTotal : inTotal == null ? perDay : perDay + ", " + inTotal;
  }

  private static String label(ColumnView column) {
    return column.label() == null || column.label().isBlank() ? column.key() : column.label();
  }
}
