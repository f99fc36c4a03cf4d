package org.podium.account;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.Optional;
import org.podium.platform.problem.Problem;

/** Who is calling, for boundaries and services that must know. */
@Named
@RequestScoped
public class Caller {

  @Inject SecurityContext securityContext;

  @Inject Accounts accounts;

  @Inject HttpServletRequest request;

  private Account account;

  /** The signed-in account, if any. */
  public Optional<Account> account() {
    if (account == null) {
      Principal principal = securityContext.getCallerPrincipal();
      // Podium's mechanism says how it signed the caller in; without that the request is anonymous
      // (WildFly still names a principal, "anonymous", which no account may be looked up by).
      if (principal != null && request.getAttribute(PodiumAuthentication.SIGNED_IN_BY) != null) {
        // The authentication mechanism read it for this request already (token or page session).
        account =
            request.getAttribute(PodiumAuthentication.ACCOUNT) instanceof Account known
                    && known.getUsername().equals(principal.getName())
                ? known
                : accounts.find(principal.getName()).orElse(null);
      }
    }
    return Optional.ofNullable(account);
  }

  /** The signed-in account; 401 when there is none. */
  public Account require() {
    return account()
        .orElseThrow(
            () ->
                Problem.unauthorized(
                    "Sign in first: send Authorization: Bearer <token>, a token from your"
                        + " account page."));
  }

  /**
   * The signed-in account, when it proved who it is by its password (HTTP Basic) or by the browser
   * session of the sign-in page, not by an API token: what makes new credentials needs more than a
   * token, so that revoking a stolen token ends its access. 401 when nobody is signed in, 403 for a
   * token.
   */
  public Account requireWithoutToken(String what) {
    Account caller = require();
    Object by = request.getAttribute(PodiumAuthentication.SIGNED_IN_BY);
    if (!PodiumAuthentication.BY_PASSWORD.equals(by) && !PodiumAuthentication.BY_PAGE.equals(by)) {
      throw Problem.forbidden(
          what
              + " needs your password, not a token: send HTTP Basic (username and password), or use"
              + " the \"Your account\" page.");
    }
    return caller;
  }

  /** The signed-in account with {@code role} (an administrator has every role); 403 otherwise. */
  public Account requireRole(Role role) {
    Account caller = require();
    if (!caller.hasRole(role) && !caller.hasRole(Role.ADMIN)) {
      throw Problem.forbidden(
          "This needs the " + role.name().toLowerCase() + " role: ask an administrator for it.");
    }
    return caller;
  }

  /** For pages: the signed-in username, or null. */
  public String getName() {
    return account().map(Account::getUsername).orElse(null);
  }

  /** For pages: whether the signed-in account may create competitions. */
  public boolean isOrganizer() {
    return account().map(a -> a.hasRole(Role.ORGANIZER) || a.hasRole(Role.ADMIN)).orElse(false);
  }

  /** For pages: whether the signed-in account administers the installation. */
  public boolean isAdmin() {
    return account().map(a -> a.hasRole(Role.ADMIN)).orElse(false);
  }
}
