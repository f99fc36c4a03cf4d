package org.podium.platform.web;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.podium.platform.PodiumConfig;
import org.podium.platform.problem.Problem;
import org.podium.platform.problem.ProblemMapper;

/**
 * Refuses API calls that change state on the strength of the browser's session cookie alone when
 * they come from another origin: a page elsewhere can make a browser send the cookie (a form post
 * of text/plain, urlencoded or multipart needs no permission), but it cannot make it send its
 * {@code Origin} as Podium's. Such a call (POST, PUT, PATCH, DELETE under {@code /api}, signed in
 * by the page session, without an {@code Authorization} header) needs an {@code Origin} — or, when
 * a browser sent none, a {@code Referer} — that is the request's own scheme, host and port as the
 * server sees them, {@code PODIUM_PUBLIC_URL}'s, or one of {@code PODIUM_ALLOWED_ORIGINS}. Neither
 * header is refused too: every current browser sends {@code Origin} on such calls, and a program
 * uses a token. Calls with a token (Bearer, or Basic for {@code POST /api/tokens}) are unchanged.
 */
@WebFilter(urlPatterns = "/api/*", asyncSupported = true)
public class CrossSiteRequests extends HttpFilter {

  private static final long serialVersionUID = 1L;

  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

  static final int STATUS = 403;

  static final String TITLE = "Forbidden";

  @Inject transient PodiumConfig config;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String refusal = refusal(request);
    if (refusal == null) {
      chain.doFilter(request, response);
      return;
    }
    byte[] body =
        ProblemMapper.json(STATUS, TITLE, refusal, Problem.forbidden(refusal))
            .toString()
            .getBytes(StandardCharsets.UTF_8);
    response.setStatus(STATUS);
    response.setContentType(ProblemMapper.PROBLEM_JSON);
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  /** Why this request is refused, or null when it may go on. */
  String refusal(HttpServletRequest request) {
    if (SAFE_METHODS.contains(request.getMethod().toUpperCase(Locale.ROOT))
        || request.getHeader("Authorization") != null
        || request.getUserPrincipal() == null) {
      return null; // reads, token calls and anonymous calls: no session to borrow
    }
    String origin = request.getHeader("Origin");
    String source = "Origin";
    if (origin == null || origin.isBlank()) {
      origin = request.getHeader("Referer");
      source = "Referer";
    }
    if (origin == null || origin.isBlank()) {
      return "a call signed in by the browser session must come from a Podium page (it sent no"
          + " Origin or Referer); programs send Authorization: Bearer <token>";
    }
    String own = origin(request.getScheme(), request.getServerName(), request.getServerPort());
    String from = origin(origin);
    if (from != null && (from.equals(own) || allowed().contains(from))) {
      return null;
    }
    return "a call signed in by the browser session must come from a Podium page, not from "
        + (from == null ? "the " + source + " '" + printable(origin) + "'" : from)
        + "; programs send Authorization: Bearer <token> (an operator behind a proxy lists"
        + " Podium's public address in PODIUM_PUBLIC_URL or PODIUM_ALLOWED_ORIGINS)";
  }

  private List<String> allowed() {
    return config.allowedOrigins().stream().map(CrossSiteRequests::origin).toList();
  }

  /** {@code scheme://host:port} of a URL or origin, lower case, the port always given; or null. */
  static String origin(String url) {
    try {
      URI uri = new URI(url.trim());
      if (uri.getScheme() == null || uri.getHost() == null) {
        return null;
      }
      return origin(uri.getScheme(), uri.getHost(), uri.getPort());
    } catch (java.net.URISyntaxException e) {
      return null;
    }
  }

  static String origin(String scheme, String host, int port) {
    String s = scheme.toLowerCase(Locale.ROOT);
    String h = host.toLowerCase(Locale.ROOT);
    if (h.startsWith("[") && h.endsWith("]")) {
      h = h.substring(1, h.length() - 1);
    }
    int p = port >= 0 ? port : s.equals("https") ? 443 : s.equals("http") ? 80 : -1;
    return s + "://" + (h.contains(":") ? "[" + h + "]" : h) + ":" + p;
  }

  private static String printable(String header) {
    String text = header.replaceAll("[^\\x20-\\x7e]", "?");
    return text.length() > 100 ? text.substring(0, 100) + "…" : text;
  }
}
