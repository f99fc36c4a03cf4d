package org.podium.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.fileupload2.core.AbstractFileUpload;
import org.apache.commons.fileupload2.core.DiskFileItem;
import org.apache.commons.fileupload2.core.DiskFileItemFactory;
import org.apache.commons.fileupload2.core.FileItemInput;
import org.apache.commons.fileupload2.core.FileItemInputIterator;
import org.apache.commons.fileupload2.core.FileUploadException;
import org.apache.commons.fileupload2.core.RequestContext;

/**
 * A {@code multipart/form-data} body read as it arrives (Apache Commons FileUpload's streaming
 * parser): text fields are kept, bounded; the one file part is handed to a receiver while the body
 * streams, so no file is ever held in memory or written twice. The receiver sees the fields sent
 * before the file, to refuse a form early.
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
   * @throws Problem 400 when the body is not a form Podium reads (no boundary, two files, too many
   *     or too long fields, cut short), or whatever the receiver refuses
   */
  public static <F extends AutoCloseable> MultipartForm<F> read(
      String contentType, InputStream body, FileReceiver<F> receiver) {
    Map<String, String> fields = new LinkedHashMap<>();
    F file = null;
    try {
      FileItemInputIterator parts = new Parser().getItemIterator(context(contentType, body));
      int count = 0;
      long chars = 0;
      while (parts.hasNext()) {
        FileItemInput part = parts.next();
        if (++count > MAX_PARTS) {
          throw Problem.badRequest("the form has more than " + MAX_PARTS + " parts");
        }
        if (!part.isFormField()) {
          if (file != null) {
            throw Problem.invalidField(part.getFieldName(), "send one file per submission");
          }
          try (InputStream content = part.getInputStream()) {
            file = receiver.receive(part.getFieldName(), part.getName(), fields, content);
          }
          continue;
        }
        String value = text(part, MAX_FIELD_CHARS - chars);
        chars += value.length();
        fields.putIfAbsent(part.getFieldName(), value);
      }
      return new MultipartForm<>(fields, file);
    } catch (IOException | RuntimeException e) {
      closeQuietly(file);
      Problem tooLarge = UploadTooLargeException.find(e);
      if (tooLarge != null) {
        throw tooLarge;
      }
      if (e instanceof Problem problem) {
        throw problem;
      }
      if (e instanceof FileUploadException) {
        throw Problem.badRequest("the form cannot be read: " + e.getMessage());
      }
      if (e instanceof IOException io) {
        throw new UncheckedIOException("the form broke off", io);
      }
      throw (RuntimeException) e;
    }
  }

  private static String text(FileItemInput part, long room) throws IOException {
    try (InputStream in = part.getInputStream()) {
      byte[] bytes = in.readNBytes((int) Math.max(0, room) * 4 + 1);
      String value = new String(bytes, StandardCharsets.UTF_8);
      if (value.length() > room || in.read() >= 0) {
        throw Problem.badRequest(
            "the form's fields hold more than " + MAX_FIELD_CHARS + " characters together");
      }
      return value;
    }
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

  private static RequestContext context(String contentType, InputStream body) {
    return new RequestContext() {
      @Override
      public String getCharacterEncoding() {
        return StandardCharsets.UTF_8.name();
      }

      @Override
      public long getContentLength() {
        return -1; // the servlet filter bounds the body
      }

      @Override
      public String getContentType() {
        return contentType;
      }

      @Override
      public InputStream getInputStream() {
        return body;
      }

      @Override
      public boolean isMultipartRelated() {
        return false;
      }
    };
  }

  /** The streaming half of Commons FileUpload; its whole-request methods are not used. */
  private static final class Parser
      extends AbstractFileUpload<Void, DiskFileItem, DiskFileItemFactory> {

    Parser() {
      setMaxSize(-1);
      setMaxFileSize(-1);
      setHeaderCharset(StandardCharsets.UTF_8);
    }

    @Override
    public FileItemInputIterator getItemIterator(Void request) {
      throw new UnsupportedOperationException("Podium reads forms from a RequestContext");
    }

    @Override
    public Map<String, List<DiskFileItem>> parseParameterMap(Void request) {
      throw new UnsupportedOperationException("Podium reads forms as they stream");
    }

    @Override
    public List<DiskFileItem> parseRequest(Void request) {
      throw new UnsupportedOperationException("Podium reads forms as they stream");
    }
  }
}
