package org.podium.compute;

import java.util.ArrayList;
import java.util.List;

/** Command lines as people type them, split into arguments without running a shell. */
public final class CommandLine {

  private CommandLine() {}

  /** Splits a line into words like a POSIX shell: quotes, backslashes, line continuations. */
  public static List<String> split(String line) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean inWord = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\'') {
        int end = line.indexOf('\'', i + 1);
        if (end < 0) {
          throw new IllegalArgumentException(
              "A single quote is not closed: close it or remove it.");
        }
        word.append(line, i + 1, end);
        i = end;
        inWord = true;
      } else if (c == '"') {
        i++;
        for (; i < line.length() && line.charAt(i) != '"'; i++) {
          char d = line.charAt(i);
          if (d == '\\' && i + 1 < line.length() && "\"\\$`\n".indexOf(line.charAt(i + 1)) >= 0) {
            if (line.charAt(i + 1) != '\n') {
              word.append(line.charAt(i + 1));
            }
            i++;
          } else {
            word.append(d);
          }
        }
        if (i >= line.length()) {
          throw new IllegalArgumentException(
              "A double quote is not closed: close it or remove it.");
        }
        inWord = true;
      } else if (c == '\\') {
        if (i + 1 < line.length()) {
          char next = line.charAt(++i);
          if (next != '\n') {
            word.append(next);
            inWord = true;
          }
        }
      } else if (Character.isWhitespace(c)) {
        if (inWord) {
          words.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
      } else if (";&|<>`$(){}".indexOf(c) >= 0 && !inWord && words.isEmpty()) {
        throw new IllegalArgumentException(
            "The command contains shell syntax ('" + c + "'): paste a single docker run command.");
      } else {
        word.append(c);
        inWord = true;
      }
    }
    if (inWord) {
      words.add(word.toString());
    }
    return words;
  }
}
