package org.podium.account;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.podium.platform.Page;
import org.podium.platform.PageRequest;
import org.podium.platform.problem.Problem;
import org.podium.platform.web.ListPages;
import org.podium.platform.web.PageMessages;

/**
 * Backs "Your account" (API tokens: create, shown once, revoke) and the administrators' accounts
 * page (roles). Every change goes through {@link Accounts}, as the API's do.
 */
@Named
@ViewScoped
public class AccountPages implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject Accounts accounts;

  @Inject Caller caller;

  @Inject Passwords passwords;

  private String tokenName;
  private Accounts.IssuedToken issued;

  // the password form (Your account); never kept past the request that sends it
  private transient String currentPassword;
  private transient String newPassword;
  private transient String repeatPassword;

  // view parameters: the page of the list, the search text (Accounts)
  private String page;
  private String q;

  private transient Page<TokenView> tokens;
  private transient Page<AccountView> accountList;

  /** The caller's tokens, newest first, a page at a time. */
  public Page<TokenView> getTokens() {
    if (tokens == null) {
      tokens =
          caller.account().isEmpty()
              ? Page.of(List.of(), PageRequest.FIRST, 0)
              : accounts.tokens(caller.require().getUsername(), ListPages.request(page));
    }
    return tokens;
  }

  /** Issues a token and keeps it in this view only: the page shows it once. */
  public String createToken() {
    try {
      issued = accounts.issueToken(caller.require().getUsername(), tokenName);
      tokenName = null;
      tokens = null; // read before the token existed (the form's phases): the list shows it now
    } catch (Problem problem) {
      PageMessages.problem(problem, Map.of("name", "token:name"));
    }
    return null;
  }

  public String revokeToken(long id) {
    try {
      accounts.revokeToken(caller.require().getUsername(), id);
      PageMessages.info("Token revoked: it no longer signs anything in.");
      return "/account?faces-redirect=true";
    } catch (Problem problem) {
      PageMessages.error(null, problem.getMessage());
      return null;
    }
  }

  /** Accounts by name whose username or e-mail contains the search text, a page at a time. */
  public Page<AccountView> getAccounts() {
    if (accountList == null) {
      accountList =
          ListPages.read(
              () ->
                  caller.isAdmin()
                      ? accounts.all(caller.require(), q, ListPages.request(page))
                      : Page.empty());
    }
    return accountList;
  }

  public String getPage() {
    return page;
  }

  public void setPage(String page) {
    this.page = page;
  }

  public String getQ() {
    return q;
  }

  public void setQ(String q) {
    this.q = q;
  }

  /** Gives or takes one role of an account. */
  public String toggleRole(String username, String role) {
    Role toggled = Role.valueOf(role);
    try {
      boolean giving = accounts.toggleRole(caller.require(), username, toggled);
      PageMessages.info(
          username
              + (giving ? " now has the " : " no longer has the ")
              + toggled.name().toLowerCase()
              + " role.");
      return "/admin?faces-redirect=true&includeViewParams=true";
    } catch (Problem problem) {
      PageMessages.error(null, problem.fieldErrors().getOrDefault("roles", problem.getMessage()));
      return null;
    }
  }

  /**
   * Changes the caller's password (the current one given, the new one typed twice). Their other
   * browser sessions end; this one goes on, signed in anew.
   */
  public String changePassword() {
    if (newPassword != null && !newPassword.equals(repeatPassword)) {
      // Faces never writes a typed password back into the page (it would sit in its HTML): every
      // field is empty again, and the sentence says to type all of them.
      PageMessages.error(
          "password:repeat",
          "The two new passwords differ: type your current password, then the new one twice"
              + " again.");
      return null;
    }
    try {
      Account account = caller.require();
      passwords.change(account, currentPassword, newPassword);
      SignIn.startSession(account.getUsername());
      PageMessages.info(
          "Password changed. Your other browser sessions are signed out; your API tokens still"
              + " work (revoke them below if your old password leaked).");
      return "/account?faces-redirect=true";
    } catch (Problem problem) {
      PageMessages.problem(
          problem, Map.of("currentPassword", "password:current", "newPassword", "password:new"));
      return null;
    } finally {
      currentPassword = null;
      newPassword = null;
      repeatPassword = null;
    }
  }

  /**
   * Resets an account's password to a generated one, shown once (on the page the redirect opens),
   * ending the account's sessions and revoking its tokens.
   */
  public String resetPassword(String username) {
    try {
      Passwords.Reset reset = passwords.reset(caller.require(), username, null);
      FacesContext.getCurrentInstance().getExternalContext().getFlash().put(RESET, reset);
      return "/admin?faces-redirect=true&includeViewParams=true";
    } catch (Problem problem) {
      PageMessages.error(
          null, problem.fieldErrors().getOrDefault("password", problem.getMessage()));
      return null;
    }
  }

  /** The flash entry holding a reset just made: its generated password is shown this once. */
  static final String RESET = "passwordReset";

  /** The password reset just made (after its redirect), or null. */
  public Passwords.Reset getReset() {
    return (Passwords.Reset)
        FacesContext.getCurrentInstance().getExternalContext().getFlash().get(RESET);
  }

  /** What the reset just made did, as the notice above its password says it. */
  public String getResetSaid() {
    Passwords.Reset reset = getReset();
    if (reset == null) {
      return null;
    }
    int revoked = reset.tokensRevoked();
    return reset.username()
        + "’s password is reset: their browser sessions are signed out"
        + (revoked == 0
            ? ""
            : revoked == 1
                ? " and their API token is revoked"
                : " and their " + revoked + " API tokens are revoked")
        + ". Give them this new password now: Podium will not show it again.";
  }

  public String getCurrentPassword() {
    return currentPassword;
  }

  public void setCurrentPassword(String currentPassword) {
    this.currentPassword = currentPassword;
  }

  public String getNewPassword() {
    return newPassword;
  }

  public void setNewPassword(String newPassword) {
    this.newPassword = newPassword;
  }

  public String getRepeatPassword() {
    return repeatPassword;
  }

  public void setRepeatPassword(String repeatPassword) {
    this.repeatPassword = repeatPassword;
  }

  public String getTokenName() {
    return tokenName;
  }

  public void setTokenName(String tokenName) {
    this.tokenName = tokenName;
  }

  public Accounts.IssuedToken getIssued() {
    return issued;
  }
}
