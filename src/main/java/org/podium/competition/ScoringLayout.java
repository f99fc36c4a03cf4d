package org.podium.competition;

import java.util.Locale;
import org.podium.compute.RunSpec;
import org.podium.platform.problem.Problem;

/**
 * Where a scoring container finds its input and writes its scores: CodaLab's {@code /mnt/in} and
 * {@code /mnt/out}, or Codabench's {@code /app/input} and {@code /app/output}. Stored by name; the
 * API and pages say it in lower case.
 */
public enum ScoringLayout {
  CODALAB(RunSpec.Mounts.PODIUM),
  CODABENCH(RunSpec.Mounts.CODABENCH);

  private final RunSpec.Mounts mounts;

  ScoringLayout(RunSpec.Mounts mounts) {
    this.mounts = mounts;
  }

  /** Its mounts inside the scoring container. */
  public RunSpec.Mounts mounts() {
    return mounts;
  }

  /** Its name in the API and on pages: {@code codalab} or {@code codabench}. */
  public String apiName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The layout a request names (absent: CodaLab's); refused by field when unknown. */
  public static ScoringLayout of(String text) {
    if (text == null || text.isBlank()) {
      return CODALAB;
    }
    for (ScoringLayout layout : values()) {
      if (layout.apiName().equals(text.trim().toLowerCase(Locale.ROOT))) {
        return layout;
      }
    }
    throw Problem.invalidField(
        "scoring.layout",
        "Choose the mounts codalab (/mnt/in, /mnt/out) or codabench (/app/input,"
            + " /app/output).");
  }
}
