package org.podium.compute;

import java.util.regex.Pattern;

/** Keeps host paths out of what participants read: engine errors and Podium's own failures. */
public final class HostPaths {

  /** An absolute path: at the start, or after a space, a quote, a parenthesis or '='. */
  private static final Pattern PATH =
      Pattern.compile("(?<=^|[\\s'\"(=])/[^\\s'\"),;]*?(?=[:.]?(?:[\\s'\"),;]|$))");

  private HostPaths() {}

  /** {@code text} with every absolute path replaced by "(a path)". */
  public static String scrub(String text) {
    return text == null ? "" : PATH.matcher(text).replaceAll("(a path)");
  }
}
