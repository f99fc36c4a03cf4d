package org.podium.platform;

import java.util.Locale;

/**
 * What a node of a Podium installation does ({@code PODIUM_ROLE}): {@code all} serves pages and the
 * API and runs submissions (one node alone, and the default); {@code web} serves pages and the API
 * and takes no runs; {@code worker} runs submissions and answers nothing but {@code /api/health}.
 */
public enum NodeRole {
  ALL,
  WEB,
  WORKER;

  /** Whether this node takes run requests and runs containers. */
  public boolean takesRuns() {
    return this != WEB;
  }

  /** Whether this node serves pages and the API to people and programs. */
  public boolean servesUsers() {
    return this != WORKER;
  }

  /** The word an operator writes: all, web, worker. */
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Reads the word; anything else is refused with the words that are allowed. */
  public static NodeRole of(String word) {
    for (NodeRole role : values()) {
      if (role.word().equals(word.trim().toLowerCase(Locale.ROOT))) {
        return role;
      }
    }
    throw new IllegalArgumentException(
        "PODIUM_ROLE must be all, web or worker, not '" + word + "'");
  }
}
