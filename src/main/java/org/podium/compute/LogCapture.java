package org.podium.compute;

import java.nio.charset.StandardCharsets;

/**
 * Keeps at most {@code limit} bytes of a stream of any length: the first half and the last half.
 * Memory is fixed at creation, so a container writing gigabytes costs two small arrays.
 */
final class LogCapture {

  private final byte[] head;
  private final byte[] tail;
  private int headLength;
  private int tailStart;
  private int tailLength;
  private long total;

  LogCapture(int limit) {
    if (limit < 2) {
      throw new IllegalArgumentException("a log capture keeps at least 2 bytes");
    }
    head = new byte[limit / 2];
    tail = new byte[limit - head.length];
  }

  synchronized void write(byte[] bytes) {
    write(bytes, 0, bytes.length);
  }

  synchronized void write(byte[] bytes, int offset, int length) {
    total += length;
    int toHead = Math.min(length, head.length - headLength);
    System.arraycopy(bytes, offset, head, headLength, toHead);
    headLength += toHead;
    int remaining = length - toHead;
    int from = offset + toHead;
    if (remaining >= tail.length) {
      // Only the last tail.length bytes of this chunk can survive.
      System.arraycopy(bytes, from + remaining - tail.length, tail, 0, tail.length);
      tailStart = 0;
      tailLength = tail.length;
      return;
    }
    for (int i = 0; i < remaining; i++) {
      int index = (tailStart + tailLength) % tail.length;
      tail[index] = bytes[from + i];
      if (tailLength < tail.length) {
        tailLength++;
      } else {
        tailStart = (tailStart + 1) % tail.length;
      }
    }
  }

  synchronized CapturedLog captured() {
    long dropped = total - headLength - tailLength;
    byte[] tailBytes = new byte[tailLength];
    for (int i = 0; i < tailLength; i++) {
      tailBytes[i] = tail[(tailStart + i) % tail.length];
    }
    String headText = new String(head, 0, headLength, StandardCharsets.UTF_8);
    String tailText = new String(tailBytes, StandardCharsets.UTF_8);
    if (dropped == 0) {
      return new CapturedLog(headText + tailText, total, false);
    }
    return new CapturedLog(
        headText + "\n[... " + dropped + " bytes truncated by Podium ...]\n" + tailText,
        total,
        true);
  }
}
