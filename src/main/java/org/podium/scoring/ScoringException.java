package org.podium.scoring;

/** Scoring could not produce scores; the message says what was wrong with the output. */
public class ScoringException extends RuntimeException {

  public ScoringException(String message) {
    super(message);
  }
}
