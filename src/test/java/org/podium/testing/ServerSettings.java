package org.podium.testing;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Test deployments only ({@link Deployments#podiumWithSettings}): sets or clears a {@code podium.*}
 * system property of the server under test, so a black-box test can lower a limit Podium reads per
 * request. {@code POST ?name=value} sets, {@code DELETE ?name} clears.
 */
@WebServlet("/test-only/settings")
public class ServerSettings extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    for (var parameter : request.getParameterMap().entrySet()) {
      if (!parameter.getKey().startsWith("podium.")) {
        response.sendError(400, "only podium.* settings");
        return;
      }
      System.setProperty(parameter.getKey(), parameter.getValue()[0]);
    }
    response.setStatus(204);
  }

  @Override
  protected void doDelete(HttpServletRequest request, HttpServletResponse response) {
    request.getParameterMap().keySet().stream()
        .filter(name -> name.startsWith("podium."))
        .forEach(System::clearProperty);
    response.setStatus(204);
  }
}
