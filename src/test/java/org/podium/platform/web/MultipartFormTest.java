package org.podium.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.podium.platform.problem.Problem;
import org.podium.platform.problem.UploadLimit;
import org.podium.platform.problem.UploadTooLargeException;

class MultipartFormTest {

  private static final String TYPE = "multipart/form-data; boundary=b0undary";

  /** What a receiver made of the file: its bytes, and whether it was closed. */
  static final class Received implements AutoCloseable {
    final String field;
    final String fileName;
    final Map<String, String> before;
    final byte[] content;
    boolean closed;

    Received(String field, String fileName, Map<String, String> before, byte[] content) {
      this.field = field;
      this.fileName = fileName;
      this.before = before;
      this.content = content;
    }

    @Override
    public void close() {
      closed = true;
    }
  }

  private final List<Received> received = new ArrayList<>();

  private MultipartForm<Received> read(String body) {
    return MultipartForm.read(
        TYPE,
        new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)),
        (field, fileName, before, content) -> {
          Received file = new Received(field, fileName, Map.copyOf(before), content.readAllBytes());
          received.add(file);
          return file;
        });
  }

  private static String field(String name, String value) {
    return "--b0undary\r\nContent-Disposition: form-data; name=\""
        + name
        + "\"\r\n\r\n"
        + value
        + "\r\n";
  }

  private static String file(String name, String fileName, String content) {
    return "--b0undary\r\nContent-Disposition: form-data; name=\""
        + name
        + "\"; filename=\""
        + fileName
        + "\"\r\nContent-Type: application/octet-stream\r\n\r\n"
        + content
        + "\r\n";
  }

  private static final String END = "--b0undary--\r\n";

  @Test
  void fieldsAroundTheFileAreKeptAndTheReceiverSeesThoseSentBeforeIt() {
    MultipartForm<Received> form =
        read(
            field("phaseId", "7")
                + file("file", "model.tar", "TAR BYTES")
                + field("teamName", "Ada")
                + END);

    assertEquals(Map.of("phaseId", "7", "teamName", "Ada"), form.fields());
    assertEquals("file", form.file().field);
    assertEquals("model.tar", form.file().fileName);
    assertEquals(Map.of("phaseId", "7"), form.file().before);
    assertEquals("TAR BYTES", new String(form.file().content, StandardCharsets.UTF_8));
  }

  @Test
  void aFilePartOfBinaryWithoutLineBreaksComesThroughWhole() {
    String binary = "\u0001".repeat(200_000);

    MultipartForm<Received> form = read(file("file", "model.tar", binary) + END);

    assertEquals(200_000, form.file().content.length);
  }

  @Test
  void nestedPartsAndNamelessPartsAreRefused() {
    String nested =
        "--b0undary\r\nContent-Disposition: form-data; name=\"files\"\r\n"
            + "Content-Type: multipart/mixed; boundary=inner\r\n\r\n"
            + "--inner\r\nContent-Disposition: file; filename=\"a.zip\"\r\n\r\nA\r\n--inner--\r\n"
            + "\r\n"
            + END;
    String nameless = "--b0undary\r\nContent-Type: text/plain\r\n\r\nx\r\n" + END;

    assertThrows(Problem.BadRequest.class, () -> read(nested));
    assertThrows(Problem.BadRequest.class, () -> read(nameless));
  }

  @Test
  void aFormWithoutAFileHasOnlyFields() {
    MultipartForm<Received> form = read(field("image", "busybox:1") + END);

    assertEquals(Map.of("image", "busybox:1"), form.fields());
    assertNull(form.file());
  }

  @Test
  void aSecondFileIsRefusedAndTheFirstIsClosed() {
    Problem problem =
        assertThrows(
            Problem.class,
            () -> read(file("file", "a.zip", "A") + file("file", "b.zip", "B") + END));

    assertInstanceOf(Problem.InvalidField.class, problem);
    assertEquals(
        "The form holds more than one file: send one file per submission.",
        problem.fieldErrors().get("file"));
    assertTrue(received.get(0).closed, "the first file was let go");
  }

  @Test
  void fieldsLongerThanTheirShareAreRefused() {
    String long_ = "x".repeat(MultipartForm.MAX_FIELD_CHARS + 1);

    Problem problem = assertThrows(Problem.class, () -> read(field("bibtex", long_) + END));

    assertInstanceOf(Problem.BadRequest.class, problem);
    assertTrue(problem.getMessage().contains("characters"), problem.getMessage());
  }

  @Test
  void aBodyCutShortIsNotTakenForAWholeForm() {
    String cut =
        field("teamName", "Ada")
            + "--b0undary\r\nContent-Disposition: form-data; name=\"file\"; filename=\"m.tar\"\r\n\r\nHALF";

    assertThrows(RuntimeException.class, () -> read(cut));
    assertTrue(received.isEmpty() || received.get(0).closed);
  }

  @Test
  void theReceiversRefusalIsWhatTheCallerGets() {
    Problem refusal = Problem.invalidField("file", "no");

    Problem problem =
        assertThrows(
            Problem.class,
            () ->
                MultipartForm.<Received>read(
                    TYPE,
                    new ByteArrayInputStream(
                        (file("file", "a.zip", "A") + END).getBytes(StandardCharsets.UTF_8)),
                    (field, fileName, before, content) -> {
                      throw refusal;
                    }));

    assertEquals(refusal, problem);
  }

  @Test
  void aBodyOverItsLimitWhileReadIsTheLimitsRefusal() {
    Problem tooLarge =
        new UploadLimit("archive", 4, "PODIUM_IMAGE_ARCHIVE_MAX_MB").exceeded("file");
    InputStream body =
        new InputStream() {
          private final InputStream in =
              new ByteArrayInputStream(
                  (file("file", "a.tar", "0123456789") + END).getBytes(StandardCharsets.UTF_8));

          @Override
          public int read() throws IOException {
            throw new UploadTooLargeException(tooLarge);
          }

          @Override
          public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) {
              throw new UploadTooLargeException(tooLarge);
            }
            return n;
          }
        };

    Problem problem =
        assertThrows(
            Problem.class,
            () ->
                MultipartForm.<Received>read(
                    TYPE,
                    body,
                    (field, fileName, before, content) -> {
                      ByteArrayOutputStream sink = new ByteArrayOutputStream();
                      try {
                        content.transferTo(sink);
                      } catch (IOException e) {
                        throw new UncheckedIOException(e);
                      }
                      return null;
                    }));

    assertInstanceOf(Problem.TooLarge.class, problem);
    assertEquals("PODIUM_IMAGE_ARCHIVE_MAX_MB", problem.members().get("setting"));
  }
}
