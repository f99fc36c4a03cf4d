package org.podium.compute;

/**
 * One output stream of a run as kept: all of it when small, otherwise its head and tail around a
 * marker that says how much was dropped.
 *
 * @param text what was kept (UTF-8, with the marker when truncated)
 * @param totalBytes how many bytes the container wrote
 * @param truncated whether the middle was dropped
 */
public record CapturedLog(String text, long totalBytes, boolean truncated) {

  public static final CapturedLog EMPTY = new CapturedLog("", 0, false);
}
