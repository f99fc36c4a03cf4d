package org.podium.submission;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.podium.compute.CommandLine;
import org.podium.compute.ImageReference;
import org.podium.compute.InvalidImageException;

/**
 * Reads a pasted {@code docker run … IMAGE [ARG…]} line, as a shell would split it, into what
 * Podium may take from it: the image, the arguments, {@code -e/--env}, {@code -w/--workdir} and
 * {@code --entrypoint}. Options that only affect an interactive terminal are ignored; every other
 * option would change the sandbox and is refused by name. A bare image reference is accepted too.
 */
public final class DockerRunLine {

  /** What Podium runs, taken from the line. */
  public record Parsed(
      ImageReference image,
      List<String> command,
      Map<String, String> env,
      Optional<String> workdir,
      Optional<List<String>> entrypoint) {

    /**
     * This line with the API's own {@code command} (replacing the line's arguments when not empty)
     * and {@code env} (added to the line's, winning on a name both give); both checked.
     */
    public Parsed with(List<String> arguments, Map<String, String> moreEnv) {
      Map<String, String> merged = new LinkedHashMap<>(env);
      if (moreEnv != null) {
        moreEnv.forEach(
            (name, value) -> {
              checkVariable(name, value);
              merged.put(name, value);
            });
      }
      List<String> args = arguments == null || arguments.isEmpty() ? command : arguments;
      for (String argument : args) {
        if (argument == null || argument.indexOf('\0') >= 0) {
          throw new Refused(
              "An argument of the command is empty (null) or holds a NUL character: remove it.");
        }
      }
      return new Parsed(
          image, List.copyOf(args), Collections.unmodifiableMap(merged), workdir, entrypoint);
    }

    /** What Podium will run, in words, for the dialog's preview. */
    public String describe() {
      return "Podium will run "
          + image
          + entrypoint
              .map(e -> e.isEmpty() ? " without its entrypoint" : " with entrypoint " + quoted(e))
              .orElse("")
          + (command.isEmpty() ? "" : " with arguments " + quoted(command))
          + workdir.map(dir -> " in " + dir).orElse("")
          + (env.isEmpty() ? "" : ", environment " + env.keySet());
    }

    private static String quoted(List<String> words) {
      return words.stream()
          .map(word -> "\"" + word + "\"")
          .collect(Collectors.joining(", ", "[", "]"));
    }
  }

  /**
   * Refuses an environment variable the engine could not set: a name that is not letters, digits
   * and '_' (not starting with a digit), or a value with a NUL character.
   */
  static void checkVariable(String name, String value) {
    if (name == null || !name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      throw new Refused(
          "Name the environment variable '"
              + name
              + "' with letters, digits and '_' only, not starting with a digit.");
    }
    if (value == null || value.indexOf('\0') >= 0) {
      throw new Refused(
          "The environment variable "
              + name
              + " has no value or holds a NUL character: give it a value without one.");
    }
  }

  /** A line Podium will not run; the message names the problem and what to do. */
  public static final class Refused extends IllegalArgumentException {
    public Refused(String message) {
      super(message);
    }
  }

  private static final Set<String> IGNORED_FLAGS =
      Set.of(
          "--rm", "-i", "-t", "-it", "-ti", "--interactive", "--tty", "--init", "-d", "--detach");
  private static final Set<String> IGNORED_WITH_VALUE = Set.of("--name", "--pull");

  private DockerRunLine() {}

  public static Parsed parse(String line) {
    List<String> words;
    try {
      words = CommandLine.split(line == null ? "" : line);
    } catch (IllegalArgumentException e) {
      throw new Refused(e.getMessage());
    }
    if (words.isEmpty()) {
      throw new Refused(
          "The docker run command is empty: paste 'docker run IMAGE' or an image reference.");
    }
    if (!words.get(0).equals("docker")) {
      if (words.size() == 1) {
        return new Parsed(
            image(words.get(0)), List.of(), Map.of(), Optional.empty(), Optional.empty());
      }
      throw new Refused("Start the command with 'docker run', or give only an image reference.");
    }
    int i = 1;
    if (i < words.size() && words.get(i).equals("container")) {
      i++;
    }
    if (i >= words.size() || !words.get(i).equals("run")) {
      throw new Refused("Only 'docker run' commands can be submitted: start with 'docker run'.");
    }
    i++;
    Map<String, String> env = new LinkedHashMap<>();
    String workdir = null;
    List<String> entrypoint = null;
    while (i < words.size() && words.get(i).startsWith("-") && !words.get(i).equals("-")) {
      String word = words.get(i);
      if (word.equals("--")) {
        i++;
        break;
      }
      String option =
          word.contains("=") && word.startsWith("--") ? word.substring(0, word.indexOf('=')) : word;
      String inline =
          word.startsWith("--") && word.contains("=")
              ? word.substring(word.indexOf('=') + 1)
              : null;
      if (!word.startsWith("--")
          && word.length() > 2
          && (word.startsWith("-e") || word.startsWith("-w"))) {
        option = word.substring(0, 2);
        inline = word.substring(2);
      }
      if (IGNORED_FLAGS.contains(word)) {
        i++;
        continue;
      }
      boolean takesValue =
          option.equals("-e")
              || option.equals("--env")
              || option.equals("-w")
              || option.equals("--workdir")
              || option.equals("--entrypoint")
              || IGNORED_WITH_VALUE.contains(option);
      if (!takesValue) {
        throw new Refused(
            option
                + " is not allowed: Podium sets the sandbox itself (no network, its own user and limits)"
                + " and mounts /mnt/in and /mnt/out itself: remove the option.");
      }
      String value = inline;
      if (value == null) {
        if (i + 1 >= words.size()) {
          throw new Refused("The option " + option + " needs a value: give one after it.");
        }
        value = words.get(++i);
      }
      switch (option) {
        case "-e", "--env" -> {
          int equals = value.indexOf('=');
          if (equals < 1) {
            throw new Refused(
                "The option " + option + " " + value + " needs a value: write NAME=value.");
          }
          String name = value.substring(0, equals);
          checkVariable(name, value.substring(equals + 1));
          env.put(name, value.substring(equals + 1));
        }
        case "-w", "--workdir" -> {
          if (!value.startsWith("/")) {
            throw new Refused(
                "The option "
                    + option
                    + " needs an absolute path such as /app, not '"
                    + value
                    + "'.");
          }
          workdir = value;
        }
        case "--entrypoint" -> entrypoint = value.isEmpty() ? List.of() : List.of(value);
        default -> {
          // --name, --pull: Podium names containers and always pulls; the value is ignored
        }
      }
      i++;
    }
    if (i >= words.size()) {
      throw new Refused("The docker run command names no image: add it after the options.");
    }
    ImageReference image = image(words.get(i));
    List<String> command = new ArrayList<>(words.subList(i + 1, words.size()));
    return new Parsed(
        image,
        List.copyOf(command),
        Collections.unmodifiableMap(env),
        Optional.ofNullable(workdir),
        Optional.ofNullable(entrypoint));
  }

  private static ImageReference image(String word) {
    try {
      return ImageReference.parse(word);
    } catch (InvalidImageException e) {
      throw new Refused(e.getMessage());
    }
  }
}
