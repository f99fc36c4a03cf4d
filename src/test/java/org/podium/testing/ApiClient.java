package org.podium.testing;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

/** A small HTTP client for black-box tests of Podium's REST API. */
public final class ApiClient {

  private final URI base;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private String authorization;

  public ApiClient(URL deployment) {
    this.base = URI.create(deployment.toExternalForm()).resolve("api/");
  }

  /** A response with its body parsed when it is JSON. */
  public record Reply(int status, String contentType, String body) {
    public JsonObject json() {
      return Json.createReader(new StringReader(body)).readObject();
    }

    public jakarta.json.JsonArray array() {
      return Json.createReader(new StringReader(body)).readArray();
    }
  }

  public ApiClient bearer(String token) {
    ApiClient client = new ApiClient(base);
    client.authorization = "Bearer " + token;
    return client;
  }

  private ApiClient(URI base) {
    this.base = base;
  }

  /** The same caller (same credentials) at another node of the installation. */
  public ApiClient at(URL deployment) {
    ApiClient client = new ApiClient(deployment);
    client.authorization = authorization;
    return client;
  }

  public static ApiClient basic(URL deployment, String username, String password) {
    ApiClient client = new ApiClient(deployment);
    client.authorization =
        "Basic "
            + Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    return client;
  }

  public Reply get(String path) {
    return send(HttpRequest.newBuilder(base.resolve(path)).GET());
  }

  public Reply post(String path, JsonStructure json) {
    return send(
        HttpRequest.newBuilder(base.resolve(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json == null ? "" : json.toString())));
  }

  public Reply put(String path, JsonStructure json) {
    return send(
        HttpRequest.newBuilder(base.resolve(path))
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(json.toString())));
  }

  public Reply put(String path, String contentType, byte[] body) {
    return send(
        HttpRequest.newBuilder(base.resolve(path))
            .header("Content-Type", contentType)
            .PUT(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  public Reply post(String path, String contentType, byte[] body) {
    return send(
        HttpRequest.newBuilder(base.resolve(path))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  /** A multipart form post: text fields plus one file part named {@code file}. */
  public Reply postMultipart(
      String path, Map<String, String> fields, String fileName, String type, byte[] file) {
    String boundary = "podium-" + UUID.randomUUID();
    byte[] start = formHead(boundary, fields, fileName, type);
    byte[] end = formEnd(boundary);
    byte[] body = new byte[start.length + file.length + end.length];
    System.arraycopy(start, 0, body, 0, start.length);
    System.arraycopy(file, 0, body, start.length, file.length);
    System.arraycopy(end, 0, body, start.length + file.length, end.length);
    return post(path, "multipart/form-data; boundary=" + boundary, body);
  }

  /** A file's content as the body, streamed from disk; chunked (no declared length) if asked. */
  public Reply putFile(String path, String contentType, java.nio.file.Path file, boolean chunked) {
    try {
      HttpRequest.BodyPublisher body =
          chunked
              ? HttpRequest.BodyPublishers.ofInputStream(() -> open(file))
              : HttpRequest.BodyPublishers.ofFile(file);
      return send(
          HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", contentType).PUT(body),
          Duration.ofMinutes(5));
    } catch (java.io.FileNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A file's content as a POST's whole body, streamed from disk. */
  public Reply postFile(String path, String contentType, java.nio.file.Path file) {
    try {
      return send(
          HttpRequest.newBuilder(base.resolve(path))
              .header("Content-Type", contentType)
              .POST(HttpRequest.BodyPublishers.ofFile(file)),
          Duration.ofMinutes(5));
    } catch (java.io.FileNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * A multipart form whose file part streams from disk: text fields first, then the file as the
   * part named {@code file}, never held in memory.
   */
  public Reply postMultipartFile(
      String path,
      Map<String, String> fields,
      String fileName,
      String type,
      java.nio.file.Path file) {
    String boundary = "podium-" + UUID.randomUUID();
    try {
      return send(
          HttpRequest.newBuilder(base.resolve(path))
              .header("Content-Type", "multipart/form-data; boundary=" + boundary)
              .POST(
                  HttpRequest.BodyPublishers.concat(
                      HttpRequest.BodyPublishers.ofByteArray(
                          formHead(boundary, fields, fileName, type)),
                      HttpRequest.BodyPublishers.ofFile(file),
                      HttpRequest.BodyPublishers.ofByteArray(formEnd(boundary)))),
          Duration.ofMinutes(5));
    } catch (java.io.FileNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The start of a multipart form up to its file part's content. */
  public static byte[] formHead(
      String boundary, Map<String, String> fields, String fileName, String type) {
    StringBuilder head = new StringBuilder();
    fields.forEach(
        (name, value) ->
            head.append("--")
                .append(boundary)
                .append("\r\nContent-Disposition: form-data; name=\"")
                .append(name)
                .append("\"\r\n\r\n")
                .append(value)
                .append("\r\n"));
    head.append("--")
        .append(boundary)
        .append("\r\nContent-Disposition: form-data; name=\"file\"; filename=\"")
        .append(fileName)
        .append("\"\r\nContent-Type: ")
        .append(type)
        .append("\r\n\r\n");
    return head.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** The end of a multipart form after its file part's content. */
  public static byte[] formEnd(String boundary) {
    return ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
  }

  /** The Authorization header this client sends, for tests that speak HTTP by hand. */
  public String authorization() {
    return authorization;
  }

  /**
   * Sets ({@code value} not null) or clears a {@code podium.*} setting of the server under test;
   * its deployment must be {@link Deployments#podiumWithSettings}.
   */
  public static void setting(URL deployment, String name, String value) {
    URI uri =
        URI.create(deployment.toExternalForm())
            .resolve(
                "test-only/settings?"
                    + java.net.URLEncoder.encode(name, StandardCharsets.UTF_8)
                    + (value == null
                        ? ""
                        : "=" + java.net.URLEncoder.encode(value, StandardCharsets.UTF_8)));
    try {
      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(uri)
                      .method(
                          value == null ? "DELETE" : "POST", HttpRequest.BodyPublishers.noBody())
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 204) {
        throw new IllegalStateException("setting " + name + " failed: " + response.body());
      }
    } catch (java.io.IOException | InterruptedException e) {
      throw new IllegalStateException("setting " + name + " failed", e);
    }
  }

  private static java.io.InputStream open(java.nio.file.Path file) {
    try {
      return java.nio.file.Files.newInputStream(file);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  public Reply delete(String path) {
    return send(HttpRequest.newBuilder(base.resolve(path)).DELETE());
  }

  private Reply send(HttpRequest.Builder request) {
    return send(request, Duration.ofSeconds(60));
  }

  private Reply send(HttpRequest.Builder request, Duration timeout) {
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    try {
      HttpResponse<String> response =
          http.send(request.timeout(timeout).build(), HttpResponse.BodyHandlers.ofString());
      return new Reply(
          response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(""),
          response.body());
    } catch (Exception e) {
      throw new IllegalStateException("request failed: " + e, e);
    }
  }

  /** A person who signed up: their credentials, and a client holding a token of theirs. */
  public record Person(String username, String password, ApiClient client) {}

  /** Signs up a fresh participant named {@code prefix-…}. */
  public Person register(URL deployment, String prefix) {
    String username = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    String password = "password-" + UUID.randomUUID();
    Reply registered =
        post(
            "accounts",
            Json.createObjectBuilder()
                .add("username", username)
                .add("email", username + "@example.org")
                .add("password", password)
                .build());
    if (registered.status() != 201) {
      throw new IllegalStateException("registration failed: " + registered);
    }
    return new Person(username, password, basic(deployment, username, password).tokenClient());
  }

  /** Registers a fresh participant and returns a client holding a token of theirs. */
  public ApiClient newParticipant(URL deployment, String prefix) {
    return register(deployment, prefix).client();
  }

  /** With Basic credentials: creates a token and returns a client using it. */
  public ApiClient tokenClient() {
    Reply token = post("tokens", Json.createObjectBuilder().add("name", "test").build());
    if (token.status() != 201) {
      throw new IllegalStateException("token creation failed: " + token);
    }
    return bearer(token.json().getString("token"));
  }

  /** Creates a competition (this client must organize) and returns its id. */
  public long createCompetition(jakarta.json.JsonObject competition) {
    return created(post("competitions", competition));
  }

  /** Adds a phase to a competition and returns its id. */
  public long addPhase(long competition, jakarta.json.JsonObject phase) {
    return created(post("competitions/" + competition + "/phases", phase));
  }

  /** Replaces a phase's input (or reference) data with a zip of {@code files}. */
  public void uploadData(
      long competition, long phase, boolean reference, Map<String, String> files) {
    Reply reply =
        put(
            "competitions/"
                + competition
                + "/phases/"
                + phase
                + (reference ? "/reference-data" : "/input-data"),
            "application/zip",
            Zips.of(files));
    if (reply.status() != 204) {
      throw new IllegalStateException("data upload failed: " + reply);
    }
  }

  /** A competition and its one phase, as {@link #lineLengthCompetition} made them. */
  public record Created(long competition, long phase) {

    /** The phase's submissions, for POST: {@code competitions/{id}/submissions}. */
    public String submissions() {
      return "competitions/" + competition + "/submissions";
    }
  }

  /**
   * A published competition taking Docker submissions, anyone may join, with one open phase scored
   * by MAE: input {@code abc}, {@code hello} (the example image predicts 3 and 5), reference 3 and
   * 4. This client must organize.
   */
  public Created lineLengthCompetition(String title, int timeLimitSeconds, int memoryMb) {
    long competition =
        createCompetition(
            Json.createObjectBuilder()
                .add("title", title)
                .add("published", true)
                .add("enableDockerSubmission", true)
                .add("participation", "AUTO")
                .build());
    long phase =
        addPhase(
            competition,
            Json.createObjectBuilder()
                .add("name", "P")
                .add("executionTimeLimitSeconds", timeLimitSeconds)
                .add("memoryMb", memoryMb)
                .add("scoring", Json.createObjectBuilder().add("metric", "mae"))
                .build());
    uploadData(competition, phase, false, Map.of("data.txt", "abc\nhello\n"));
    uploadData(competition, phase, true, Map.of("truth.csv", "id,value\n1,3\n2,4\n"));
    return new Created(competition, phase);
  }

  /** Joins a competition as this client. */
  public void join(long competition) {
    created(post("competitions/" + competition + "/participants", (JsonStructure) null));
  }

  private static long created(Reply reply) {
    if (reply.status() != 201) {
      throw new IllegalStateException("expected 201, got " + reply);
    }
    return reply.json().getJsonNumber("id") == null
        ? -1
        : reply.json().getJsonNumber("id").longValue();
  }

  /** A client signed in as the bootstrap administrator of the integration-test server. */
  public static ApiClient admin(URL deployment) {
    return admin(
        deployment,
        java.nio.file.Path.of(System.getProperty("podium.it.home", "target/podium-home-it")));
  }

  /** A client signed in as the bootstrap administrator of the server whose home is {@code home}. */
  public static ApiClient admin(URL deployment, java.nio.file.Path home) {
    var credentials =
        org.podium.account.BootstrapCredentials.read(home)
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "the server at " + home + " has no bootstrap administrator yet"));
    return basic(deployment, credentials.username(), credentials.password()).tokenClient();
  }
}
