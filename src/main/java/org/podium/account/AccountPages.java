package org.podium.account;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
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

  private String tokenName;
  private Accounts.IssuedToken issued;

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
    } catch (Problem problem) {
      PageMessages.problem(problem, java.util.Map.of("name", "token:name"));
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
      PageMessages.error(
          null,
          username + ": " + problem.fieldErrors().getOrDefault("roles", problem.getMessage()));
      return null;
    }
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
