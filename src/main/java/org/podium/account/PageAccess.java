package org.podium.account;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.podium.platform.problem.Problem;

/**
 * Who may open a page, as view actions ({@code <f:viewAction action="#{pageAccess.admin}"/>}): a
 * refusal becomes a sign-in redirect or a plain 403 page ({@code PageRefusals}), never the page
 * half-drawn for someone it is not for.
 */
@Named
@RequestScoped
public class PageAccess {

  /** What a signed-in person without the admin role reads on the Accounts page. */
  public static final String NOT_ADMIN = "This page is for Podium's administrators.";

  @Inject Caller caller;

  /** Anyone signed in; an anonymous visitor goes to the sign-in page and comes back. */
  public void signedIn() {
    caller.require();
  }

  /** Administrators only. */
  public void admin() {
    if (!caller.require().hasRole(Role.ADMIN)) {
      throw Problem.forbidden(NOT_ADMIN);
    }
  }
}
