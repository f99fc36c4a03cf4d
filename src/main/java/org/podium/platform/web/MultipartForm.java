package org.podium.platform.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.stream.EntityState;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.MimeConfig;
import org.apache.james.mime4j.stream.MimeTokenStream;
import org.apache.james.mime4j.stream.NameValuePair;
import org.apache.james.mime4j.stream.RawBody;
import org.apache.james.mime4j.stream.RawField;
import org.apache.james.mime4j.stream.RawFieldParser;
import org.podium.platform.StoredText;
import org.podium.platform.problem.Problem;
import org.podium.platform.problem.UploadTooLargeException;

/**
 * A {@code multipart/form-data} body read as it arrives (Apache James mime4j's streaming parser):
 * text fields are kept, bounded; the one file part is handed to a receiver while the body streams,
 * so no file is ever held in memory or written twice. The receiver sees the fields sent before the
 * file, to refuse a form early.
 *
 * @param <F> what the receiver makes of the file, closed if reading the rest of the form fails
 */
public final class MultipartForm<F extends AutoCloseable> {

  /** Takes the file part: its field name, file name, the fields read so far, its content. */
  @FunctionalInterface
  public interface FileReceiver<F> {
    F receive(String field, String fileName, Map<String, String> fieldsSoFar, InputStream content)
        throws IOException;
  }

  /** The most text all fields together may hold. */
  static final int MAX_FIELD_CHARS = 256 * 1024;

  private static final int MAX_PARTS = 64;

  private static final MimeConfig CONFIG =
      MimeConfig.custom()
          .setStrictParsing(true)
          .setMaxHeaderCount(16)
          .setMaxHeaderLen(8 * 1024)
          .setMaxLineLen(8 * 1024)
          .setMaxContentLen(-1) // bounded by RequestBodyLimits and the receiver
          .build();

  private final Map<String, String> fields;
  private final F file;

  private MultipartForm(Map<String, String> fields, F file) {
    this.fields = Collections.unmodifiableMap(fields);
    this.file = file;
  }

  /** The text fields, by name (the first of a repeated name). */
  public Map<String, String> fields() {
    return fields;
  }

  /** What the receiver made of the file part, or null when the form had none. */
  public F file() {
    return file;
  }

  /**
   * Reads a form.
   *
   * @throws Problem 400 when the body is not a form Podium reads (no boundary, two files, nested
   *     parts, too many or too long fields, cut short), or whatever the receiver refuses
   */
  public static <F extends AutoCloseable> MultipartForm<F> read(
      String contentType, InputStream body, FileReceiver<F> receiver) {
    Map<String, String> fields = new LinkedHashMap<>();
    F file = null;
    try {
      MimeTokenStream stream = new MimeTokenStream(CONFIG);
      stream.parseHeadless(body, contentType);
      int parts = 0;
      int multiparts = 0;
      long chars = 0;
      RawBody disposition = null;
      for (EntityState state = stream.getState();
          state != EntityState.T_END_OF_STREAM;
          state = stream.next()) {
        switch (state) {
          case T_START_MULTIPART -> {
            if (++multiparts > 1) {
              throw Problem.badRequest("The form nests parts inside a part: send flat fields.");
            }
          }
          case T_START_BODYPART -> {
            if (++parts > MAX_PARTS) {
              throw Problem.badRequest(
                  "The form has more than " + MAX_PARTS + " parts: send fewer fields.");
            }
            disposition = null;
          }
          case T_FIELD -> {
            Field header = stream.getField();
            if (header.getName().equalsIgnoreCase("Content-Disposition")) {
              disposition = RawFieldParser.DEFAULT.parseRawBody((RawField) header);
            }
          }
          case T_BODY -> {
            String name = parameter(disposition, "name");
            if (name == null) {
              throw Problem.badRequest(
                  "A part of the form has no name: give each part a Content-Disposition name.");
            }
            String fileName = parameter(disposition, "filename");
            try (InputStream content = stream.getDecodedInputStream()) {
              if (fileName == null) {
                String value = text(content, MAX_FIELD_CHARS - chars);
                StoredText.withoutNul(name, name + value);
                chars += value.length();
                fields.putIfAbsent(name, value);
              } else if (file != null) {
                throw Problem.invalidField(
                    name, "The form holds more than one file: send one file per submission.");
              } else {
                file = receiver.receive(name, fileName, fields, content);
              }
            }
          }
          default -> {
            // preamble, epilogue, the ends of parts and headers: nothing to keep
          }
        }
      }
      if (multiparts == 0) {
        throw Problem.badRequest(
            "The body is not a multipart form: send multipart/form-data with a 'file' part.");
      }
      return new MultipartForm<>(fields, file);
    } catch (IOException | MimeException | RuntimeException e) {
      closeQuietly(file);
      throw refusal(e);
    }
  }

  private static RuntimeException refusal(Exception failure) {
    Problem tooLarge = UploadTooLargeException.find(failure);
    if (tooLarge != null) {
      return tooLarge;
    }
    if (failure instanceof RuntimeException runtime && !(failure instanceof UncheckedIOException)) {
      return runtime;
    }
    if (failure instanceof MimeException || failure.getCause() instanceof MimeException) {
      return Problem.badRequest(
          "The form cannot be read ("
              + failure.getMessage()
              + "): send it as multipart/form-data.");
    }
    return failure instanceof IOException io
        ? new UncheckedIOException("the form broke off", io)
        : (RuntimeException) failure;
  }

  private static String parameter(RawBody disposition, String name) {
    if (disposition == null) {
      return null;
    }
    for (NameValuePair parameter : disposition.getParams()) {
      if (parameter.getName().toLowerCase(Locale.ROOT).equals(name)) {
        return parameter.getValue();
      }
    }
    return null;
  }

  private static String text(InputStream in, long room) throws IOException {
    byte[] bytes = in.readNBytes((int) Math.max(0, room) * 4 + 1);
    String value = new String(bytes, StandardCharsets.UTF_8);
    if (value.length() > room || in.read() >= 0) {
      throw Problem.badRequest(
          "The form's fields hold more than "
              + MAX_FIELD_CHARS
              + " characters together: shorten them.");
    }
    return value;
  }

  private static void closeQuietly(AutoCloseable file) {
    if (file != null) {
      try {
        file.close();
      } catch (Exception ignored) {
        // already failing; the file was only staged
      }
    }
  }
}
