package org.podium.competition;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Objects;

/** One column of a phase's leaderboard: a score key, how it is shown and how it sorts. */
@Embeddable
public class LeaderboardColumn {

  @Column(name = "key", nullable = false)
  private String key;

  @Column(nullable = false)
  private String label;

  @Column(nullable = false)
  private boolean ascending;

  @Column(nullable = false)
  private int decimals;

  @Column(name = "is_primary", nullable = false)
  private boolean primary;

  protected LeaderboardColumn() {}

  public LeaderboardColumn(
      String key, String label, boolean ascending, int decimals, boolean primary) {
    this.key = Objects.requireNonNull(key, "key");
    this.label = label == null || label.isBlank() ? key : label;
    this.ascending = ascending;
    this.decimals = decimals;
    this.primary = primary;
  }

  public String getKey() {
    return key;
  }

  public String getLabel() {
    return label;
  }

  public boolean isAscending() {
    return ascending;
  }

  public int getDecimals() {
    return decimals;
  }

  public boolean isPrimary() {
    return primary;
  }
}
