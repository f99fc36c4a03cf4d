package org.podium.platform.web;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParser;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.lang.annotation.Annotation;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.podium.platform.problem.Problem;

/**
 * Reads Podium's JSON request bodies into its request records, the same way on every server
 * (RESTEasy and Jersey report a broken body with different exceptions, as a 500 unless mapped): a
 * body that is not UTF-8, not JSON, nested deeper than {@value #MAX_DEPTH}, not an object, empty or
 * {@code null}, holds a NUL character, or does not fit the record (a string where a number goes, an
 * unknown enum value) is refused with 400 saying what to change. Application providers come before
 * the servers' own JSON-B reader for the same type.
 */
@Provider
@Consumes({MediaType.APPLICATION_JSON, "application/*+json", "text/json"})
// A reader of Record, not Object: every request body of Podium's is a record, and a reader declared
// for a closer type is chosen before the server's JSON-B reader (declared for Object) by every
// implementation. Declared for Object too, Jersey's choice between the two depended on the order it
// found them in (it took its own on one deployment of the same WAR and ours on another).
public class JsonBodies implements MessageBodyReader<Record> {

  /** Deeper than any request record; a parser recursing into a deeper document could overflow. */
  static final int MAX_DEPTH = 32;

  // Yasson names the property it could not bind in its message; other bindings may not.
  private static final Pattern PROPERTY = Pattern.compile("property '?\"?([A-Za-z0-9_]+)");

  @Override
  public boolean isReadable(
      Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
    return type.getName().startsWith("org.podium.")
        && type.isRecord()
        && mediaType != null
        && (mediaType.getSubtype().equalsIgnoreCase("json")
            || mediaType.getSubtype().toLowerCase().endsWith("+json"));
  }

  @Override
  public Record readFrom(
      Class<Record> type,
      Type genericType,
      Annotation[] annotations,
      MediaType mediaType,
      MultivaluedMap<String, String> httpHeaders,
      InputStream entityStream)
      throws IOException {
    String text = read(entityStream);
    try (jakarta.json.JsonReader reader = Json.createReader(new StringReader(text))) {
      JsonShapes.check(genericType, reader.readValue(), "");
    }
    Record value;
    try {
      value = JsonBinding.jsonb().fromJson(text, genericType);
    } catch (JsonbException | JsonException e) {
      throw refusal(type, e);
    }
    if (value == null) {
      throw Problem.badRequest("The body is null: send a JSON object {…}.");
    }
    return value;
  }

  /**
   * A JSON body as text, refused unless it is one JSON object of UTF-8 without NUL characters,
   * nested at most {@value #MAX_DEPTH} deep.
   */
  public static String read(InputStream body) throws IOException {
    String text = text(body.readAllBytes());
    check(text);
    return text;
  }

  /** Bytes as UTF-8, refused when they are not (JSON is UTF-8, RFC 8259). */
  static String text(byte[] bytes) {
    if (bytes.length >= 2
        && ((bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF)
            || (bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE))) {
      throw Problem.badRequest("The body is UTF-16: send JSON as UTF-8.");
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw Problem.badRequest("The body is not UTF-8: send JSON as UTF-8.");
    }
  }

  /** Refuses text that is not one JSON object, too deep, or with NUL in a name or string. */
  static void check(String text) {
    if (text.isBlank()) {
      throw Problem.badRequest("The body is empty: send a JSON object {…}.");
    }
    try (JsonParser parser = Json.createParser(new StringReader(text))) {
      int depth = 0;
      boolean first = true;
      String key = null;
      while (parser.hasNext()) {
        JsonParser.Event event = parser.next();
        if (first && event != JsonParser.Event.START_OBJECT) {
          throw Problem.badRequest(
              "The body is "
                  + (event == JsonParser.Event.VALUE_NULL ? "null" : "not a JSON object")
                  + ": send a JSON object {…}.");
        }
        first = false;
        switch (event) {
          case START_OBJECT, START_ARRAY -> {
            if (++depth > MAX_DEPTH) {
              throw Problem.badRequest(
                  "The body is nested more than "
                      + MAX_DEPTH
                      + " levels deep: no request is, so send a flatter one.");
            }
          }
          case END_OBJECT, END_ARRAY -> depth--;
          case KEY_NAME -> {
            key = parser.getString();
            if (key.indexOf('\0') >= 0) {
              throw Problem.badRequest(
                  "A member's name holds a NUL character (\\u0000): remove it.");
            }
          }
          case VALUE_STRING -> {
            if (parser.getString().indexOf('\0') >= 0) {
              throw key == null
                  ? Problem.badRequest("A string holds a NUL character (\\u0000): remove it.")
                  : Problem.invalidField(
                      key,
                      "The value of '" + key + "' holds a NUL character (\\u0000): remove it.");
            }
          }
          default -> {
            // numbers, true, false, null
          }
        }
      }
    } catch (JsonException | IllegalStateException | java.util.NoSuchElementException e) {
      throw Problem.badRequest(
          "The body is not valid JSON (" + printable(e.getMessage()) + "): send a JSON object.");
    }
  }

  /** The refusal of a body that is JSON but does not fit {@code type}. */
  static Problem refusal(Class<?> type, Exception failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      Matcher property = cause.getMessage() == null ? null : PROPERTY.matcher(cause.getMessage());
      if (property != null && property.find()) {
        String name = property.group(1);
        return Problem.invalidField(
            name, "The value of '" + name + "' must be " + expected(type, name) + ".");
      }
    }
    return Problem.badRequest(
        "The body does not fit this call: a value has the wrong type (a string where a number or"
            + " an object goes, an unknown name). Check the body against the README's REST API.");
  }

  /** What a record component of {@code type} takes, in words. */
  static String expected(Class<?> type, String name) {
    if (type.isRecord()) {
      for (RecordComponent component : type.getRecordComponents()) {
        if (component.getName().equals(name)) {
          return expected(component.getType());
        }
      }
    }
    return "a value of the right type";
  }

  private static String expected(Class<?> type) {
    if (type.isEnum()) {
      return "one of "
          + Arrays.stream(type.getEnumConstants())
              .map(constant -> '"' + ((Enum<?>) constant).name() + '"')
              .collect(Collectors.joining(", "));
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
      return "a number";
    }
    if (type == String.class) {
      return "a string";
    }
    if (Temporal.class.isAssignableFrom(type)) {
      return "a time such as \"2030-01-31T12:00:00Z\"";
    }
    if (Collection.class.isAssignableFrom(type) || type.isArray()) {
      return "an array";
    }
    return "an object";
  }

  private static String printable(String message) {
    if (message == null) {
      return "it ends too early or holds something else";
    }
    String text = message.replaceAll("\\p{Cntrl}", "?");
    return text.length() > 200 ? text.substring(0, 200) + "…" : text;
  }
}
