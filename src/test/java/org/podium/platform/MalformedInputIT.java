package org.podium.platform;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.podium.testing.ApiClient;
import org.podium.testing.Deployments;
import org.podium.testing.PageSession;
import org.podium.testing.ResourceMethods;
import org.podium.testing.ResourceMethods.Endpoint;
import org.podium.testing.Zips;

/**
 * The malformed-input corpus: every resource method of the API (found by reflection, so a new one
 * is walked without being listed) gets wrong types, missing fields, oversize, non-UTF-8, UTF-16,
 * NUL, {@code null}, empty, truncated and deeply nested JSON, broken multipart forms and archives,
 * {@code %00} in its query and nonsense in its path; every answer is below 500, and a refusal is
 * {@code application/problem+json} without a stack trace.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MalformedInputIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.podium();
  }

  @ArquillianResource URL base;

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** Field names of the bodies read as JSON text rather than bound to a record. */
  private static final List<String> SUBMISSION_FIELDS =
      List.of(
          "phaseId",
          "image",
          "command",
          "env",
          "description",
          "methodName",
          "methodDescription",
          "projectUrl",
          "publicationUrl",
          "bibtex",
          "teamName",
          "organization");

  /** Values of the wrong kind, or the right kind gone wrong, for any field. */
  private static final List<String> WRONG_VALUES =
      List.of(
          "\"x\"",
          "1",
          "-1",
          "1e400",
          "99999999999999999999999",
          "[]",
          "[1,\"x\"]",
          "{}",
          "true",
          "\"OPEN\"",
          "\"a\\u0000b\"",
          "\"" + "x".repeat(300_000) + "\"");

  private record Case(String name, String contentType, byte[] body, String query) {}

  @Test
  void everyEndpointAnswersMalformedInputWithAProblemAndNever500() throws Exception {
    ApiClient admin = ApiClient.admin(base);
    ApiClient.Created a =
        admin.lineLengthCompetition(
            "Corpus " + UUID.randomUUID().toString().substring(0, 6), 30, 64);
    admin.join(a.competition());
    ApiClient.Reply submitted =
        admin.post(
            "competition/"
                + a.competition()
                + "/submission?docker-run-command="
                + URLEncoder.encode("docker run podium-corpus:1", StandardCharsets.UTF_8),
            "text/plain",
            new byte[0]);
    assertEquals(201, submitted.status(), submitted.body());
    long submission = submitted.json().getJsonNumber("id").longValue();
    assertEquals(
        200,
        admin.post("submissions/" + submission + "/cancel", "text/plain", new byte[0]).status());
    String someone = new ApiClient(base).register(base, "corpus").username();

    List<Endpoint> endpoints = ResourceMethods.all();
    List<String> wrong = new ArrayList<>();
    int sent = 0;
    for (Endpoint endpoint : endpoints) {
      Map<String, String> ids = new LinkedHashMap<>();
      ids.put("real", address(endpoint, a, submission, someone));
      ids.put("junk", junkAddress(endpoint));
      for (Map.Entry<String, String> address : ids.entrySet()) {
        List<Case> cases =
            address.getKey().equals("real") ? cases(endpoint) : List.of(plain("nothing", ""));
        for (Case c : cases) {
          HttpResponse<String> answer = send(admin, endpoint, address.getValue(), c);
          sent++;
          String problem = problem(answer);
          if (problem != null) {
            wrong.add(
                endpoint + " at " + address.getValue() + " with " + c.name() + ": " + problem);
          }
        }
      }
    }
    // leave no run behind (a corpus value can be a valid image) to take other tests' run slots
    for (var view : admin.get(a.submissions()).array().getValuesAs(JsonObject.class)) {
      admin.post("submissions/" + view.getInt("id") + "/cancel", "text/plain", new byte[0]);
    }
    assertTrue(sent > 500, "the corpus sent " + sent + " requests");
    assertEquals(List.of(), wrong, wrong.size() + " of " + sent + " answers were wrong");
  }

  /** What is wrong with an answer, or null. */
  private static String problem(HttpResponse<String> answer) {
    int status = answer.statusCode();
    String type = answer.headers().firstValue("Content-Type").orElse("");
    String body = answer.body();
    String shown =
        status + " " + type + " " + (body.length() > 300 ? body.substring(0, 300) : body);
    if (status >= 500) {
      return shown;
    }
    if (status >= 400 && !type.startsWith("application/problem+json")) {
      return "not a problem document: " + shown;
    }
    if (body.contains("\tat ") || body.contains(".java:") || body.contains("Exception")) {
      return "a stack trace or an exception's name: " + shown;
    }
    return null;
  }

  private HttpResponse<String> send(ApiClient admin, Endpoint endpoint, String address, Case c)
      throws IOException, InterruptedException {
    URI uri = URI.create(base.toExternalForm()).resolve(address + c.query());
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofSeconds(60))
            .header("Authorization", admin.authorization());
    if (c.contentType() != null) {
      request.header("Content-Type", c.contentType());
    }
    request.method(endpoint.httpMethod(), HttpRequest.BodyPublishers.ofByteArray(c.body()));
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String address(
      Endpoint endpoint, ApiClient.Created a, long submission, String someone) {
    String path = endpoint.path();
    String id =
        path.startsWith("submissions/")
            ? String.valueOf(submission)
            : path.startsWith("tokens/") ? "999999999" : String.valueOf(a.competition());
    return "api/"
        + path.replace("{id}", id)
            .replace("{phaseId}", String.valueOf(a.phase()))
            .replace("{username}", someone)
            .replace("{stream}", "stdout")
            .replace("{fileId}", "999999999");
  }

  private static String junkAddress(Endpoint endpoint) {
    return "api/"
        + endpoint
            .path()
            .replace("{id}", "99999999999999999999999")
            .replace("{phaseId}", "x")
            .replace("{username}", "%E2%80%AE%20nobody")
            .replace("{stream}", "..%2F..%2Fetc")
            .replace("{fileId}", "..%2F..%2Fphases");
  }

  private static Case plain(String name, String query) {
    return new Case(name, null, new byte[0], query);
  }

  private static Case json(String name, String json) {
    return new Case(name, "application/json", json.getBytes(StandardCharsets.UTF_8), "");
  }

  private static List<Case> cases(Endpoint endpoint) throws IOException {
    List<Case> cases = new ArrayList<>();
    cases.add(plain("no body, %00 in the query", "?teamName=a%00b&phase_id=%00"));
    cases.add(
        new Case(
            "text/plain nonsense",
            "text/plain",
            "\u0000\u00ff".getBytes(StandardCharsets.ISO_8859_1),
            "?x=%25zz&y=%C3%28"));
    cases.add(
        new Case(
            "urlencoded", "application/x-www-form-urlencoded", "a=%00&b=%zz&=".getBytes(), ""));
    cases.add(new Case("an unknown type", "application/x-podium-nonsense", "x".getBytes(), ""));
    if (endpoint.body() == null) {
      return cases;
    }
    boolean json =
        endpoint.consumes().isEmpty()
            || endpoint.consumes().stream().anyMatch(t -> t.contains("json") || t.equals("*/*"));
    if (json) {
      cases.add(json("empty", ""));
      cases.add(json("null", "null"));
      cases.add(json("an array", "[]"));
      cases.add(json("a string", "\"text\""));
      cases.add(json("a number", "42"));
      cases.add(json("not JSON", "not json"));
      cases.add(json("truncated", "{\"title\": \"x"));
      cases.add(json("cut after a name", "{\"a\":"));
      cases.add(json("a trailing comma", "{\"a\":1,}"));
      cases.add(json("two documents", "{}{}"));
      cases.add(json("missing fields", "{}"));
      cases.add(
          json(
              "deeply nested arrays", "{\"a\":" + "[".repeat(200_000) + "]".repeat(200_000) + "}"));
      cases.add(json("deeply nested objects", "{\"a\":".repeat(50_000) + "1" + "}".repeat(50_000)));
      cases.add(json("NUL in a name", "{\"a\\u0000\":1}"));
      cases.add(
          new Case(
              "a raw NUL byte",
              "application/json",
              "{\"title\":\"a\u0000b\",\"name\":\"a\u0000b\"}".getBytes(StandardCharsets.UTF_8),
              ""));
      cases.add(
          new Case(
              "UTF-16 with a byte order mark",
              "application/json; charset=UTF-16",
              "\uFEFF{\"title\":\"x\",\"name\":\"x\"}".getBytes(StandardCharsets.UTF_16BE),
              ""));
      cases.add(
          new Case(
              "UTF-16LE without a mark",
              "application/json",
              "{\"title\":\"x\",\"name\":\"x\"}".getBytes(StandardCharsets.UTF_16LE),
              ""));
      cases.add(
          new Case(
              "not UTF-8",
              "application/json",
              concat(
                  "{\"title\":\"".getBytes(),
                  new byte[] {(byte) 0xff, (byte) 0xfe, (byte) 0xc3},
                  "\"}".getBytes()),
              ""));
      cases.add(
          new Case(
              "oversize",
              "application/json",
              ("{\"title\":\"" + "x".repeat(11 * 1024 * 1024) + "\"}").getBytes(),
              ""));
      for (Map.Entry<String, String> field : fields(endpoint.body(), "").entrySet()) {
        for (String value : WRONG_VALUES) {
          cases.add(
              json(
                  field.getKey()
                      + " = "
                      + (value.length() > 20 ? value.substring(0, 20) + "…" : value),
                  field.getValue().replace("@", value)));
        }
      }
    }
    boolean multipart =
        endpoint.consumes().stream().anyMatch(t -> t.startsWith("multipart/") || t.equals("*/*"));
    if (multipart || endpoint.body() == java.io.InputStream.class) {
      String b = "corpus-boundary";
      cases.add(
          new Case(
              "multipart without a boundary",
              "multipart/form-data",
              ("--" + b + "\r\n\r\nx\r\n--" + b + "--\r\n").getBytes(),
              ""));
      cases.add(
          new Case(
              "a part without a name",
              "multipart/form-data; boundary=" + b,
              ("--" + b + "\r\nContent-Disposition: form-data\r\n\r\nx\r\n--" + b + "--\r\n")
                  .getBytes(),
              ""));
      cases.add(
          new Case(
              "a part without headers",
              "multipart/form-data; boundary=" + b,
              ("--" + b + "\r\n\r\nx\r\n--" + b + "--\r\n").getBytes(),
              ""));
      cases.add(
          new Case(
              "a truncated form",
              "multipart/form-data; boundary=" + b,
              ("--" + b + "\r\nContent-Disposition: form-data; name=\"teamName\"\r\n\r\nx")
                  .getBytes(),
              ""));
      cases.add(
          new Case(
              "NUL in a field",
              "multipart/form-data; boundary=" + b,
              ("--"
                      + b
                      + "\r\nContent-Disposition: form-data; name=\"image\"\r\n\r\na\u0000b\r\n--"
                      + b
                      + "--\r\n")
                  .getBytes(StandardCharsets.ISO_8859_1),
              ""));
      cases.add(
          new Case(
              "a wrong phase id and a file named .zip that is not one",
              "multipart/form-data; boundary=" + b,
              ("--"
                      + b
                      + "\r\nContent-Disposition: form-data; name=\"phaseId\"\r\n\r\nabc\r\n--"
                      + b
                      + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"r.zip\"\r\n\r\nnot a zip\r\n--"
                      + b
                      + "--\r\n")
                  .getBytes(),
              ""));
      cases.add(
          new Case(
              "a multipart body that is not one",
              "multipart/form-data; boundary=" + b,
              "garbage".getBytes(),
              ""));
      cases.add(
          new Case(
              "a mixed multipart", "multipart/mixed; boundary=" + b, "garbage".getBytes(), ""));
    }
    for (String archive :
        List.of(
            "application/zip",
            "application/octet-stream",
            "application/x-tar",
            "application/gzip")) {
      if (endpoint.consumes().contains(archive) || endpoint.consumes().contains("*/*")) {
        cases.add(new Case(archive + ": garbage", archive, "garbage".getBytes(), ""));
        cases.add(new Case(archive + ": empty", archive, new byte[0], ""));
        cases.add(
            new Case(archive + ": a zip entry name not UTF-8", archive, zipWithLatin1Name(), ""));
        byte[] zip = zipWithLatin1Name();
        cases.add(
            new Case(
                archive + ": a truncated zip",
                archive,
                java.util.Arrays.copyOf(zip, zip.length / 2),
                ""));
      }
    }
    return cases;
  }

  /**
   * Each field of a request record, as a JSON template with {@code @} where a value goes; the
   * fields of records inside it (and of records in its lists) too. Bodies read as text get the
   * submission's fields.
   */
  private static Map<String, String> fields(Class<?> type, String prefix) {
    Map<String, String> fields = new LinkedHashMap<>();
    if (!type.isRecord()) {
      if (prefix.isEmpty()) {
        SUBMISSION_FIELDS.forEach(name -> fields.put(name, "{\"" + name + "\":@}"));
      }
      return fields;
    }
    for (RecordComponent component : type.getRecordComponents()) {
      String name = component.getName();
      fields.put(prefix + name, "{\"" + name + "\":@}");
      Class<?> inner = component.getType();
      boolean list = false;
      if (List.class.isAssignableFrom(inner)
          && component.getGenericType() instanceof ParameterizedType generic) {
        Type element = generic.getActualTypeArguments()[0];
        if (element instanceof Class<?> elementClass) {
          inner = elementClass;
          list = true;
        }
      }
      if (inner.isRecord()) {
        String open = list ? "{\"" + name + "\":[" : "{\"" + name + "\":";
        String close = list ? "]}" : "}";
        fields(inner, prefix + name + ".")
            .forEach((innerName, template) -> fields.put(innerName, open + template + close));
      }
    }
    return fields;
  }

  private static byte[] zipWithLatin1Name() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.ISO_8859_1)) {
      zip.putNextEntry(new ZipEntry("caf\u00e9.txt"));
      zip.write("x".getBytes());
      zip.closeEntry();
    }
    return bytes.toByteArray();
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  @Test
  void aNulInWhatAParticipantWroteFailsTheirRunWithAStorableDetailAndTheirNextRunGoesOn() {
    ApiClient admin = ApiClient.admin(base);
    long competition =
        admin.createCompetition(
            Json.createObjectBuilder()
                .add("title", "NUL " + UUID.randomUUID().toString().substring(0, 6))
                .add("published", true)
                .add("participation", "AUTO")
                .build());
    long phase =
        admin.addPhase(
            competition,
            Json.createObjectBuilder()
                .add("name", "P")
                .add("scoring", Json.createObjectBuilder().add("metric", "mae"))
                .build());
    admin.uploadData(competition, phase, true, Map.of("truth.csv", "id,value\n1,3\n2,4\n"));
    ApiClient participant = new ApiClient(base).newParticipant(base, "nul");
    participant.join(competition);

    long broken = results(participant, competition, "id,value\na\u0000b,1\na\u0000b,2\n");
    long next = results(participant, competition, "id,value\n1,3\n2,4\n");

    JsonObject failed = awaitEnd(participant, broken);
    assertEquals("FAILED", failed.getString("status"), failed.toString());
    // The metric refuses the NUL by name (it used to quote the id into the detail, which
    // PostgreSQL then refused); whatever else a participant's text carries is replaced on its way
    // into the row (StoredText, StoredTextTest).
    String detail = failed.getString("detail");
    assertTrue(
        detail.contains("In predictions.csv, line 2 holds a NUL character: remove it.")
            && !detail.contains("\u0000"),
        detail);
    JsonObject finished = awaitEnd(participant, next);
    assertEquals("FINISHED", finished.getString("status"), finished.toString());
  }

  @Test
  void aTooLongFieldOnAPageIsShownNextToItNotAsTheErrorPage() {
    HttpResponse<String> answer =
        PageSession.visitor(base)
            .submitForm(
                "signup.xhtml",
                "signup",
                Map.of(
                    "signup:username", "u".repeat(300),
                    "signup:email", "long@example.org",
                    "signup:password", "long enough password",
                    "signup:submit", "x"));
    assertEquals(200, answer.statusCode(), answer.body());
    assertTrue(
        answer.body().contains("Choose a username of 3 to 40 characters (this one has 300)."),
        answer.body());
  }

  private static long results(ApiClient participant, long competition, String predictions) {
    ApiClient.Reply submitted =
        participant.postMultipart(
            "competitions/" + competition + "/submissions",
            Map.of(),
            "results.zip",
            "application/zip",
            Zips.of(Map.of("predictions.csv", predictions)));
    assertEquals(201, submitted.status(), submitted.body());
    return submitted.json().getJsonNumber("id").longValue();
  }

  private static JsonObject awaitEnd(ApiClient participant, long id) {
    return await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(250))
        .until(
            () -> participant.get("submissions/" + id).json(),
            view -> Set.of("FINISHED", "FAILED", "CANCELLED").contains(view.getString("status")));
  }
}
