package org.podium.scoring;

/** Built-in metrics over CSV files of {@code id,value} rows. */
public enum Metric {
  ACCURACY(false),
  MACRO_F1(false),
  RMSE(true),
  MAE(true);

  private final boolean lowerIsBetter;

  Metric(boolean lowerIsBetter) {
    this.lowerIsBetter = lowerIsBetter;
  }

  public boolean lowerIsBetter() {
    return lowerIsBetter;
  }

  /** The score key the metric writes, e.g. {@code macro_f1}. */
  public String key() {
    return name().toLowerCase();
  }
}
