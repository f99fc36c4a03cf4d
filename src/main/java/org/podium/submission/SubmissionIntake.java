package org.podium.submission;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.podium.platform.StoredText;
import org.podium.platform.problem.Problem;

/**
 * Turns what each boundary received (a JSON body, a form's or query's fields with perhaps a file,
 * the seed's query, the page's dialog) into one {@link SubmissionRequest}. The one place a
 * submission's fields are read by name and "an image, or else a file" is decided; {@link
 * Submissions#submit} then applies the admission rules to all alike.
 */
public final class SubmissionIntake {

  /** The field with the image reference or the docker run line. */
  public static final String IMAGE = "image";

  /** The field with the phase's id; absent, the open phase. */
  public static final String PHASE = "phaseId";

  /** The form field (and problem field) of a submitted file. */
  public static final String FILE = "file";

  /** The participant's user name at the registry of a private image. */
  public static final String REGISTRY_USERNAME = "registryUsername";

  /** The participant's password or token at the registry of a private image. */
  public static final String REGISTRY_PASSWORD = "registryPassword";

  /** The seed's name for the image field. */
  static final String SEED_IMAGE = "docker-run-command";

  private SubmissionIntake() {}

  /**
   * A request from named text fields (a form, a query string, the page's dialog) and the file
   * received with them, or null.
   *
   * @param imageField the image field's name where the caller sent it (for the seed's name)
   */
  public static SubmissionRequest of(
      Map<String, String> fields, SubmissionUpload file, String imageField) {
    fields.forEach(StoredText::withoutNul);
    String image = fields.get(imageField);
    boolean hasImage = image != null && !image.isBlank();
    SubmissionRequest.Entry entry;
    if (file != null) {
      refuseImageWithFile(image);
      if (RegistryLogins.given(fields)) {
        throw Problem.invalidField(
            REGISTRY_USERNAME,
            "Registry credentials are for pulling an image by reference: an uploaded archive"
                + " needs none, so leave them out.");
      }
      entry = file;
    } else if (hasImage) {
      DockerRunLine.Parsed line = line(image, imageField);
      entry = new SubmissionRequest.ImageLine(line, RegistryLogins.of(fields, line.image()));
    } else {
      throw Problem.invalidField(imageField, nothingToRun(imageField));
    }
    return new SubmissionRequest(
        phaseId(fields.get(PHASE)),
        SubmissionMetadata.of(field -> fields.get(field.apiName())),
        entry);
  }

  /** A request from named text fields and perhaps a file, the image under its own name. */
  public static SubmissionRequest of(Map<String, String> fields, SubmissionUpload file) {
    return of(fields, file, IMAGE);
  }

  /**
   * A JSON body: {@code image}, {@code phaseId}, the metadata fields as text, {@code command} (an
   * array of text) and {@code env} (an object of text). A field of another type is refused by name.
   */
  public static SubmissionRequest ofJson(String json) {
    JsonObject body;
    try (JsonReader reader = Json.createReader(new StringReader(json == null ? "" : json))) {
      body = reader.readObject();
    } catch (JsonException | IllegalStateException e) {
      throw Problem.badRequest(
          "The body is not a JSON object (" + e.getMessage() + "): send {\"image\": \"…\"}.");
    }
    Map<String, String> fields = new HashMap<>();
    for (Map.Entry<String, JsonValue> member : body.entrySet()) {
      JsonValue value = member.getValue();
      switch (member.getKey()) {
        case "command", "env" -> {
          // read below
        }
        case PHASE -> {
          if (value instanceof JsonNumber number && number.isIntegral()) {
            fields.put(PHASE, number.toString());
          } else if (value.getValueType() != JsonValue.ValueType.NULL) {
            fields.put(PHASE, text(member.getKey(), value));
          }
        }
        default -> {
          if (value.getValueType() != JsonValue.ValueType.NULL) {
            fields.put(member.getKey(), text(member.getKey(), value));
          }
        }
      }
    }
    SubmissionRequest request = of(fields, null, IMAGE);
    List<String> command = texts(body.get("command"));
    Map<String, String> env = variables(body.get("env"));
    if (command.isEmpty() && env.isEmpty()) {
      return request;
    }
    SubmissionRequest.ImageLine image = (SubmissionRequest.ImageLine) request.entry();
    DockerRunLine.Parsed line = image.line();
    try {
      line = line.with(command, env);
    } catch (DockerRunLine.Refused refused) {
      throw Problem.invalidField(env.isEmpty() ? "command" : "env", refused.getMessage());
    }
    return new SubmissionRequest(
        request.phaseId(),
        request.metadata(),
        new SubmissionRequest.ImageLine(line, image.login()));
  }

  /** The seed's query parameters under the names every other boundary uses. */
  public static Map<String, String> seedFields(Map<String, String> query) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (SubmissionMetadata.Field field : SubmissionMetadata.Field.values()) {
      fields.put(field.apiName(), query.get(field.seedName()));
    }
    fields.put(PHASE, query.get("phase_id"));
    fields.put(SEED_IMAGE, query.get(SEED_IMAGE));
    return fields;
  }

  /**
   * Refuses an image sent together with a file, before the file is read: a submission is one thing,
   * and Podium would otherwise have to guess which one was meant.
   */
  public static void refuseImageWithFile(String image) {
    if (image != null && !image.isBlank()) {
      throw Problem.invalidField(
          IMAGE,
          "Give an image or a file, not both: leave out the image to submit the file, or the"
              + " file to run the image.");
    }
  }

  /** The phase field's value: null (the open phase) or a number. */
  public static Long phaseId(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      throw Problem.invalidField(
          PHASE, "Give the phase as its number, a whole number, not '" + value + "'.");
    }
  }

  /** Reads an image field: an image reference or a docker run line. */
  static DockerRunLine.Parsed line(String image, String imageField) {
    try {
      return DockerRunLine.parse(image);
    } catch (DockerRunLine.Refused refused) {
      throw Problem.invalidField(imageField, refused.getMessage());
    }
  }

  private static String nothingToRun(String imageField) {
    return imageField.equals(IMAGE)
        ? "Give an image reference or a docker run command, or a file: a results zip or a docker"
            + " save archive."
        : "Give an image reference or a docker run command.";
  }

  private static String text(String field, JsonValue value) {
    if (value instanceof JsonString string) {
      return string.getString();
    }
    throw Problem.invalidField(
        field,
        "Send '" + field + "' as text, not " + value.getValueType().name().toLowerCase() + ".");
  }

  private static List<String> texts(JsonValue value) {
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return List.of();
    }
    if (!(value instanceof JsonArray array)) {
      throw Problem.invalidField(
          "command", "Send the command as an array of text arguments, such as [\"--fast\"].");
    }
    List<String> words = new ArrayList<>();
    for (JsonValue word : array) {
      words.add(text("command", word));
    }
    return words;
  }

  private static Map<String, String> variables(JsonValue value) {
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return Map.of();
    }
    if (!(value instanceof JsonObject object)) {
      throw Problem.invalidField(
          "env", "Send the environment as an object of NAME: \"value\" pairs.");
    }
    Map<String, String> env = new LinkedHashMap<>();
    object.forEach((name, variable) -> env.put(name, text("env", variable)));
    return env;
  }
}
