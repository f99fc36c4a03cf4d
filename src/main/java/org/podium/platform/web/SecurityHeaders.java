package org.podium.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.Base64;
import org.podium.platform.PodiumConfig;

/**
 * Every response's security headers. The Content-Security-Policy lets scripts run only from Podium
 * itself or with this response's nonce ({@link NonceRenderKitFactory} puts it on the script
 * elements Faces writes); inline handlers, inline styles, plugins, framing and foreign form targets
 * are refused. The session cookie is {@code Secure} when the public address is https ({@link
 * PodiumConfig#secureCookies}).
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
@WebListener
public class SecurityHeaders extends HttpFilter implements ServletContextListener {

  private static final long serialVersionUID = 1L;

  /** The request attribute holding this response's script nonce. */
  public static final String NONCE = "org.podium.cspNonce";

  private static final SecureRandom RANDOM = new SecureRandom();

  @Override
  public void contextInitialized(ServletContextEvent event) {
    SessionCookieConfig cookie = event.getServletContext().getSessionCookieConfig();
    cookie.setHttpOnly(true);
    // Servlet 6's cookie attribute: set here, because not every server reads it from web.xml.
    cookie.setAttribute("SameSite", "Lax");
    if (new PodiumConfig().secureCookies()) {
      cookie.setSecure(true);
    }
  }

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    byte[] bytes = new byte[18];
    RANDOM.nextBytes(bytes);
    String nonce = Base64.getEncoder().encodeToString(bytes);
    request.setAttribute(NONCE, nonce);
    response.setHeader("Content-Security-Policy", policy(nonce));
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Referrer-Policy", "same-origin");
    chain.doFilter(request, response);
  }

  static String policy(String nonce) {
    return "default-src 'self'; script-src 'self' 'nonce-"
        + nonce
        + "'; style-src 'self'; img-src 'self' data:; connect-src 'self';"
        + " object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
  }
}
