package org.podium.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.podium.platform.problem.Problem;
import org.podium.platform.problem.ProblemMapper;

/**
 * Refuses an address whose path or query holds a NUL character ({@code %00}) with 400: no name, id
 * or field of Podium's has one, and PostgreSQL cannot store one, so a field that took it from a
 * query (the seed's call takes every field there) would fail far from where it came in.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class NulInAddresses extends HttpFilter {

  private static final long serialVersionUID = 1L;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (!hasNul(request.getRequestURI()) && !hasNul(request.getQueryString())) {
      chain.doFilter(request, response);
      return;
    }
    String detail = "the address contains NUL (%00): no field of Podium's takes it";
    byte[] body =
        ProblemMapper.json(400, "Bad request", detail, Problem.badRequest(detail))
            .toString()
            .getBytes(StandardCharsets.UTF_8);
    response.setStatus(400);
    response.setContentType(ProblemMapper.PROBLEM_JSON);
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  static boolean hasNul(String raw) {
    return raw != null && (raw.indexOf('\0') >= 0 || raw.toLowerCase(Locale.ROOT).contains("%00"));
  }
}
