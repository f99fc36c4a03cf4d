package org.podium.testing;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTTP exchanges whose headers a test reads ({@code Link}, {@code X-Total-Count}, {@code Location},
 * {@code Retry-After}), as a client holding {@link ApiClient#authorization()} sends them.
 */
public final class Exchanges {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private static final Pattern LINK = Pattern.compile("<([^>]*)>\\s*;\\s*rel=\"?([a-z]+)\"?");

  private Exchanges() {}

  /** One exchange: its status, headers and body. */
  public record Exchange(HttpResponse<String> response) {
    public int status() {
      return response.statusCode();
    }

    public String header(String name) {
      return response.headers().firstValue(name).orElse(null);
    }

    public JsonArray array() {
      return Json.createReader(new StringReader(response.body())).readArray();
    }

    public JsonObject json() {
      return Json.createReader(new StringReader(response.body())).readObject();
    }

    public String body() {
      return response.body();
    }

    /** The {@code Link} header's targets by relation, from one or several headers. */
    public Map<String, URI> links() {
      Map<String, URI> links = new LinkedHashMap<>();
      for (String header : response.headers().allValues("Link")) {
        Matcher link = LINK.matcher(header);
        while (link.find()) {
          links.put(link.group(2), URI.create(link.group(1)));
        }
      }
      return links;
    }

    public long total() {
      return Long.parseLong(header("X-Total-Count"));
    }

    @Override
    public String toString() {
      return status() + " " + response.headers().map() + " " + response.body();
    }
  }

  /** GET {@code uri} with this Authorization header (null: anonymous). */
  public static Exchange get(URI uri, String authorization) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).GET();
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return send(request);
  }

  /** A request with a JSON body (sent as it is, right or wrong). */
  public static Exchange send(String method, URI uri, String authorization, String json) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofSeconds(60))
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(json));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return send(request);
  }

  private static Exchange send(HttpRequest.Builder request) {
    try {
      return new Exchange(HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString()));
    } catch (Exception e) {
      throw new IllegalStateException("request failed: " + e, e);
    }
  }
}
