package org.podium.platform.web;

import static org.podium.files.Bytes.MIB;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;
import org.podium.platform.PodiumConfig;
import org.podium.platform.problem.Problem;
import org.podium.platform.problem.ProblemMapper;
import org.podium.platform.problem.TooLargeMapper;
import org.podium.platform.problem.UploadLimit;
import org.podium.platform.problem.UploadTooLargeException;

/**
 * Bounds every request body by what the request is for: a phase's data and a file of a
 * competition's Files tab up to {@code PODIUM_UPLOAD_MAX_MB}, a submission form up to the larger of
 * that and {@code PODIUM_IMAGE_ARCHIVE_MAX_MB}, anything else 10 MiB. A body whose declared length
 * is over its limit is refused with 413 before a byte of it is read; a body of unknown length is
 * counted as it is read and refused where it crosses the limit. The servers' own caps are lifted
 * (server-config), so the refusal a client meets is always this one, with its problem document.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class RequestBodyLimits extends HttpFilter {

  private static final long serialVersionUID = 1L;

  /** JSON and plain forms: what the servers allowed every body before uploads grew. */
  static final long OTHER_BODY_BYTES = 10 * MIB;

  /** Room for a form's text fields beside its file. */
  static final long FORM_FIELD_BYTES = MIB;

  private static final Pattern PHASE_DATA =
      Pattern.compile("/api/competitions/\\d+/phases/\\d+/(input|reference)-data");
  private static final Pattern SUBMISSION_FORM =
      Pattern.compile("/api/competitions/\\d+/submissions|/competition\\.xhtml");
  private static final Pattern DATA_FORM = Pattern.compile("/edit-competition\\.xhtml");
  private static final Pattern SUBMISSION_FILE =
      Pattern.compile("/api/competitions/\\d+/submissions");
  private static final Pattern COMPETITION_FILE = Pattern.compile("/api/competitions/\\d+/files");
  private static final Pattern ARCHIVE_TYPE = Pattern.compile("application/(x-tar|gzip|x-gzip)\\b");

  @Inject transient PodiumConfig config;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    BodyLimit limit =
        limitFor(
            request.getMethod(),
            request.getRequestURI().substring(request.getContextPath().length()),
            request.getContentType());
    long declared = request.getContentLengthLong();
    if (declared > limit.bytes()) {
      refuse(response, limit.refusal());
      drainRest(request, 0);
      return;
    }
    Limited limited = new Limited(request, limit, declared);
    try {
      chain.doFilter(limited, response);
    } catch (IOException | ServletException | RuntimeException e) {
      Problem tooLarge = UploadTooLargeException.find(e);
      if (tooLarge == null || response.isCommitted()) {
        throw e;
      }
      response.reset();
      refuse(response, tooLarge);
    }
    if (response.getStatus() >= 400 && !request.isAsyncStarted() && hasBody(request)) {
      drainRest(request, limited.bytesRead());
    }
  }

  /** A body declared, chunked, or (HTTP/2 has no chunks) any of HTTP/2's POST or PUT. */
  private static boolean hasBody(HttpServletRequest request) {
    return request.getContentLengthLong() > 0
        || "chunked".equalsIgnoreCase(request.getHeader("Transfer-Encoding"))
        || (request.getProtocol().startsWith("HTTP/2")
            && ("POST".equals(request.getMethod()) || "PUT".equals(request.getMethod())));
  }

  /**
   * Reads and drops what is left of a body Podium refused before reading it all, once the answer is
   * out: a client that sends its whole body before it reads the answer then gets it, over HTTP/2
   * too, where a server that stops reading also stops the client's sending. A client that waits for
   * "100 Continue" and was answered first sends nothing more, so nothing is read.
   */
  private static void drainRest(HttpServletRequest request, long read) throws IOException {
    if (read == 0 && "100-continue".equalsIgnoreCase(request.getHeader("Expect"))) {
      return;
    }
    try {
      ServletInputStream in = request.getInputStream();
      if (in.isFinished()) {
        return;
      }
      byte[] buffer = new byte[64 * 1024];
      while (in.read(buffer) >= 0) {
        // dropped
      }
    } catch (IOException | IllegalStateException e) {
      // the client went away, or the server has read the body itself (a form's parts)
    }
  }

  /**
   * How many bytes a body may have, and the limit its refusal names: a form's file limit, though
   * the form may be a little larger for its other fields.
   */
  record BodyLimit(long bytes, UploadLimit named) {
    /** A file over its limit is refused as the form's "file"; any other body as "body". */
    Problem refusal() {
      return named.exceeded(named.setting() == null ? "body" : "file");
    }
  }

  /** The limit of a request's body, by its method, path inside Podium and content type. */
  BodyLimit limitFor(String method, String path, String contentType) {
    boolean multipart =
        contentType != null
            && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data");
    UploadLimit zip = config.zipLimit();
    if ("PUT".equals(method) && PHASE_DATA.matcher(path).matches()) {
      return new BodyLimit(zip.bytes(), zip);
    }
    if ("POST".equals(method) && COMPETITION_FILE.matcher(path).matches()) {
      // a file of the Files tab: the whole body, or a form with a description beside it
      UploadLimit file = config.fileLimit();
      return new BodyLimit(file.bytes() + (multipart ? FORM_FIELD_BYTES : 0), file);
    }
    if ("POST".equals(method) && SUBMISSION_FILE.matcher(path).matches() && contentType != null) {
      // a submission's file as the whole body: its type says which
      String type = contentType.toLowerCase(Locale.ROOT);
      if (type.startsWith("application/zip")) {
        return new BodyLimit(zip.bytes(), zip);
      }
      if (ARCHIVE_TYPE.matcher(type).lookingAt()) {
        UploadLimit archive = config.archiveLimit();
        return new BodyLimit(archive.bytes(), archive);
      }
    }
    if ("POST".equals(method) && multipart && SUBMISSION_FORM.matcher(path).matches()) {
      // a results zip or an archive: which one is known only from the file's name, further in
      UploadLimit archive = config.archiveLimit();
      UploadLimit larger = archive.bytes() >= zip.bytes() ? archive : zip;
      return new BodyLimit(
          larger.bytes() + FORM_FIELD_BYTES,
          new UploadLimit("file", larger.bytes(), larger.setting()));
    }
    if ("POST".equals(method) && multipart && DATA_FORM.matcher(path).matches()) {
      // input and reference data may come in one form: over twice the limit, one is over it
      return new BodyLimit(2 * zip.bytes() + FORM_FIELD_BYTES, zip);
    }
    return new BodyLimit(OTHER_BODY_BYTES, new UploadLimit("request body", OTHER_BODY_BYTES, null));
  }

  private static void refuse(HttpServletResponse response, Problem problem) throws IOException {
    byte[] body =
        ProblemMapper.json(
                TooLargeMapper.STATUS, TooLargeMapper.TITLE, problem.getMessage(), problem)
            .toString()
            .getBytes(StandardCharsets.UTF_8);
    response.setStatus(TooLargeMapper.STATUS);
    response.setContentType(ProblemMapper.PROBLEM_JSON);
    response.setContentLengthLong(body.length);
    // Sent at once, before the server reads (and drops) whatever of the body is left, so a
    // client that reads while it sends stops sending.
    response.getOutputStream().write(body);
    response.flushBuffer();
  }

  /** The request with its body counted against the limit as it is read. */
  private static final class Limited extends HttpServletRequestWrapper {
    private final BodyLimit limit;
    private final long declared;
    private CountedBody body;

    Limited(HttpServletRequest request, BodyLimit limit, long declared) {
      super(request);
      this.limit = limit;
      this.declared = declared;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (body == null) {
        body = new CountedBody(super.getInputStream(), limit, declared);
      }
      return body;
    }

    long bytesRead() {
      return body == null ? 0 : body.count;
    }
  }

  /**
   * Counts what is read; past the limit it refuses, and a body that ends before its declared length
   * (the client went away) is an error, never a short upload taken for a whole one.
   */
  private static final class CountedBody extends ServletInputStream {
    private final ServletInputStream in;
    private final BodyLimit limit;
    private final long declared;
    long count;

    CountedBody(ServletInputStream in, BodyLimit limit, long declared) {
      this.in = in;
      this.limit = limit;
      this.declared = declared;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int read = in.read(buffer, offset, length);
      if (read < 0) {
        // Nothing at all: the server read the body itself (Payara parses a form's parameters from
        // it, even a GET's, before Jersey looks for an entity); whoever reads it sees it empty.
        if (declared >= 0 && count > 0 && count < declared) {
          throw new IOException(
              "the request body ended after " + count + " of " + declared + " bytes");
        }
        return read;
      }
      count += read;
      if (count > limit.bytes()) {
        throw new UploadTooLargeException(limit.refusal());
      }
      return read;
    }

    @Override
    public boolean isFinished() {
      return in.isFinished();
    }

    @Override
    public boolean isReady() {
      return in.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
      in.setReadListener(listener);
    }
  }
}
