package org.podium.platform.web;

import jakarta.json.Json;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.podium.platform.PodiumConfig;

/**
 * A worker node ({@code PODIUM_ROLE=worker}) runs submissions and answers only its health: every
 * other request gets 503 saying to use a web node, so a load balancer that sends people there by
 * mistake shows it at once, and nobody signs in to a node an operator sized for containers.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class WorkerNodeFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  private final boolean servesUsers = new PodiumConfig().role().servesUsers();

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (servesUsers || path.equals("/api/health")) {
      chain.doFilter(request, response);
      return;
    }
    response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
    response.setContentType("application/problem+json");
    response.setCharacterEncoding("UTF-8");
    response
        .getWriter()
        .write(
            Json.createObjectBuilder()
                .add("status", HttpServletResponse.SC_SERVICE_UNAVAILABLE)
                .add("title", "This node only runs submissions")
                .add(
                    "detail",
                    "It is a worker node (PODIUM_ROLE=worker): open Podium at the address of a web"
                        + " node; only /api/health answers here.")
                .build()
                .toString());
  }
}
