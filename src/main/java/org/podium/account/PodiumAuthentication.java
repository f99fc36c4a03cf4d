package org.podium.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Authenticates every request: {@code Authorization: Bearer <token>} for the API (HTTP Basic only
 * to create a token, {@code POST /api/tokens}), and the browser session of the sign-in page for
 * pages. A request without either goes on anonymously; what needs a caller says so.
 */
@ApplicationScoped
public class PodiumAuthentication implements HttpAuthenticationMechanism {

  @Inject Accounts accounts;

  @Inject AccountIdentityStore identityStore;

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    String header = request.getHeader("Authorization");
    if (header == null || header.isBlank()) {
      return signedInPage(request, context);
    }
    if (header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      Optional<Account> account = accounts.authenticate(header.substring(7).trim());
      return account
          .map(a -> signedIn(request, BY_TOKEN, context, a))
          .orElseGet(
              () ->
                  refused(
                      context,
                      "The token is unknown or revoked: create a new one on your account page."));
    }
    if (header.regionMatches(true, 0, "Basic ", 0, 6) && isPasswordRequest(request)) {
      return basic(header.substring(6).trim(), context);
    }
    return refused(
        context,
        "Use Authorization: Bearer <token> (HTTP Basic only for POST /api/tokens and an"
            + " administrator's POST /api/accounts/{username}/password-reset).");
  }

  private static final String MALFORMED_BASIC =
      "Malformed Basic credentials: send the base64 of username:password.";

  private AuthenticationStatus basic(String encoded, HttpMessageContext context) {
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return refused(context, MALFORMED_BASIC);
    }
    int colon = decoded.indexOf(':');
    if (colon < 1) {
      return refused(context, MALFORMED_BASIC);
    }
    CredentialValidationResult result =
        identityStore.validate(
            new UsernamePasswordCredential(
                decoded.substring(0, colon), new Password(decoded.substring(colon + 1))));
    if (result.getStatus() != CredentialValidationResult.Status.VALID) {
      return refused(context, "Wrong username or password: check both and try again.");
    }
    context.getRequest().setAttribute(SIGNED_IN_BY, BY_PASSWORD);
    return context.notifyContainerAboutLogin(result);
  }

  /** Pages: the account signed in on this browser session, if any, checked on every request. */
  private AuthenticationStatus signedInPage(
      HttpServletRequest request, HttpMessageContext context) {
    HttpSession session = request.getSession(false);
    Object username = session == null ? null : session.getAttribute(SESSION_ACCOUNT);
    if (username == null) {
      return context.doNothing();
    }
    Optional<Account> account = accounts.find(username.toString());
    if (account.isEmpty() || signedInBeforePasswordChange(session, account.get())) {
      session.invalidate();
      return context.doNothing();
    }
    return signedIn(request, BY_PAGE, context, account.get());
  }

  /**
   * Whether this session began before the account's password last changed (by its owner or an
   * administrator's reset): such a session ends, wherever it is.
   */
  private static boolean signedInBeforePasswordChange(HttpSession session, Account account) {
    Instant changed = account.getPasswordChangedAt();
    if (changed == null) {
      return false;
    }
    return !(session.getAttribute(SESSION_SINCE) instanceof Instant since)
        || since.isBefore(changed);
  }

  private static AuthenticationStatus signedIn(
      HttpServletRequest request, String by, HttpMessageContext context, Account account) {
    request.setAttribute(SIGNED_IN_BY, by);
    request.setAttribute(ACCOUNT, account);
    return context.notifyContainerAboutLogin(account.getUsername(), groups(account));
  }

  /**
   * Request attribute holding the account just authenticated, so that {@link Caller} does not read
   * it again from the database.
   */
  static final String ACCOUNT = "org.podium.authentication.account";

  /** Request attribute saying how the caller proved who they are: one of the {@code BY_…}. */
  static final String SIGNED_IN_BY = "org.podium.authentication.by";

  /** An API token ({@code Authorization: Bearer}). */
  static final String BY_TOKEN = "token";

  /** The password (HTTP Basic, only for {@code POST /api/tokens}). */
  static final String BY_PASSWORD = "password";

  /** The browser session of the sign-in page. */
  static final String BY_PAGE = "page";

  /** The session attribute naming the account signed in through the sign-in page. */
  public static final String SESSION_ACCOUNT = "org.podium.account";

  /** The session attribute holding when it signed in (an {@link Instant}, in milliseconds). */
  public static final String SESSION_SINCE = "org.podium.account.since";

  /**
   * Makes this request's session the account's, from now: a new session id (no session fixation)
   * and the time it began, which a later password change compares with.
   */
  public static void startSession(HttpServletRequest request, String account) {
    request.getSession(true);
    request.changeSessionId();
    HttpSession session = request.getSession();
    session.setAttribute(SESSION_ACCOUNT, account);
    session.setAttribute(
        SESSION_SINCE, Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
  }

  /**
   * The calls that take a password (HTTP Basic): making a token, and an administrator resetting a
   * password (new credentials for someone else need more than a token, so that revoking a stolen
   * token ends its access).
   */
  private static boolean isPasswordRequest(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return "POST".equals(request.getMethod())
        && (path.equals("/api/tokens")
            || path.equals("/api/tokens/")
            || PASSWORD_RESET.matcher(path).matches());
  }

  private static final java.util.regex.Pattern PASSWORD_RESET =
      java.util.regex.Pattern.compile("/api/accounts/[^/]+/password-reset/?");

  private static Set<String> groups(Account account) {
    return account.getRoles().stream().map(Role::name).collect(Collectors.toSet());
  }

  /** Request attribute naming why the credentials sent were refused. */
  static final String REFUSED = "org.podium.authentication.refused";

  /**
   * Refused credentials leave the request anonymous, with the reason noted: what needs a caller
   * then answers 401 with it as a problem document. (A failure status here would make the server
   * answer with its own HTML error page.)
   */
  private static AuthenticationStatus refused(HttpMessageContext context, String detail) {
    context.getRequest().setAttribute(REFUSED, detail);
    return context.doNothing();
  }
}
