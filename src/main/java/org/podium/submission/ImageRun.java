package org.podium.submission;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.podium.compute.RunSpec;

/**
 * What a Docker submission runs, as the participant said it: the image, and from a pasted {@code
 * docker run} line (or the API's fields) the arguments, the environment, {@code -w} and {@code
 * --entrypoint}. Kept with the submission so every attempt and every re-run runs the same thing.
 * Lists and maps are stored as JSON text, each in the submission's column of the field's name.
 */
@Embeddable
public class ImageRun {

  private String image;

  /** The command as a JSON array of arguments, when the participant gave one. */
  private String command;

  /** The environment as a JSON object, when the participant gave one. */
  private String env;

  /** The working directory ({@code -w}), when the participant gave one. */
  private String workdir;

  /** The entrypoint ({@code --entrypoint}) as a JSON array, when the participant gave one. */
  private String entrypoint;

  /**
   * The participant's credentials for the image's registry, {@code user:password} sealed by {@link
   * org.podium.platform.Secrets}, while the submission waits or runs; erased when it ends, never
   * copied to a re-run, never in a view.
   */
  @Column(name = "registry_login")
  private String registryLogin;

  protected ImageRun() {}

  private ImageRun(String image, String command, String env, String workdir, String entrypoint) {
    this.image = image;
    this.command = command;
    this.env = env;
    this.workdir = workdir;
    this.entrypoint = entrypoint;
  }

  /** What a pasted line runs: the line's own arguments and environment, and its options. */
  public static ImageRun of(DockerRunLine.Parsed line) {
    return new ImageRun(
        line.image().toString(),
        line.command().isEmpty() ? null : json(line.command()),
        line.env().isEmpty() ? null : json(line.env()),
        line.workdir().orElse(null),
        line.entrypoint().map(ImageRun::json).orElse(null));
  }

  /** A {@code docker save} archive the participant uploaded, run with its own settings. */
  static ImageRun uploadedArchive() {
    return new ImageRun(Submission.UPLOADED_ARCHIVE, null, null, null, null);
  }

  /** Keeps the participant's registry credentials, sealed, for this submission's pulls. */
  void keepLogin(String sealed) {
    this.registryLogin = sealed;
  }

  /** The participant's sealed registry credentials, until the submission ends. */
  public Optional<String> sealedLogin() {
    return Optional.ofNullable(registryLogin);
  }

  public boolean isUploadedArchive() {
    return Submission.UPLOADED_ARCHIVE.equals(image);
  }

  ImageRun copy() {
    return new ImageRun(image, command, env, workdir, entrypoint);
  }

  /** The run with the participant's arguments, environment, working directory and entrypoint. */
  public RunSpec applyTo(RunSpec spec) {
    RunSpec applied = spec;
    if (command != null) {
      applied = applied.withCommand(strings(command));
    }
    if (env != null) {
      Map<String, String> values = new LinkedHashMap<>();
      Json.createReader(new StringReader(env))
          .readObject()
          .forEach((key, value) -> values.put(key, ((JsonString) value).getString()));
      applied = applied.withEnv(values);
    }
    if (workdir != null) {
      applied = applied.withWorkingDir(workdir);
    }
    if (entrypoint != null) {
      applied = applied.withEntrypoint(strings(entrypoint));
    }
    return applied;
  }

  public String getImage() {
    return image;
  }

  private static List<String> strings(String jsonArray) {
    return Json.createReader(new StringReader(jsonArray))
        .readArray()
        .getValuesAs(JsonString.class)
        .stream()
        .map(JsonString::getString)
        .toList();
  }

  private static String json(List<String> values) {
    JsonArrayBuilder array = Json.createArrayBuilder();
    values.forEach(array::add);
    return array.build().toString();
  }

  private static String json(Map<String, String> values) {
    JsonObjectBuilder object = Json.createObjectBuilder();
    values.forEach(object::add);
    return object.build().toString();
  }
}
