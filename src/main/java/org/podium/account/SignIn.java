package org.podium.account;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Map;
import org.podium.platform.problem.Problem;
import org.podium.platform.web.PageMessages;

/** The sign-in, sign-up and sign-out forms. Faces' view state protects them from forged posts. */
@Named
@RequestScoped
public class SignIn {

  @Inject AccountIdentityStore identityStore;

  @Inject Accounts accounts;

  /** A page of Podium's, with its query: no other host, no scheme, no path outside the pages. */
  static final String PAGE_ADDRESS = "/[a-z-]+\\.xhtml(\\?[A-Za-z0-9_=&%.,+-]*)?";

  private String next;

  private String username;
  private String email;
  private String password;

  public String signIn() throws IOException {
    CredentialValidationResult result =
        identityStore.validate(
            new UsernamePasswordCredential(
                trimmed(username), new Password(password == null ? "" : password)));
    if (result.getStatus() != CredentialValidationResult.Status.VALID) {
      error(null, "Wrong username or password: check both and try again.");
      return null;
    }
    startSession(result.getCallerPrincipal().getName());
    if (next != null && next.matches(PAGE_ADDRESS)) {
      // Back to the page that sent them here (PageRefusals): only one of Podium's own pages.
      ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
      external.redirect(external.getRequestContextPath() + next);
      FacesContext.getCurrentInstance().responseComplete();
      return null;
    }
    return "/competitions?faces-redirect=true";
  }

  public String signUp() throws IOException {
    try {
      AccountView account = accounts.register(trimmed(username), email, password);
      startSession(account.username());
      return "/competitions?faces-redirect=true";
    } catch (Problem problem) {
      PageMessages.problem(
          problem,
          Map.of(
              "username", "signup:username",
              "email", "signup:email",
              "password", "signup:password"));
      return null;
    }
  }

  public String signOut() {
    FacesContext.getCurrentInstance().getExternalContext().invalidateSession();
    return "/index?faces-redirect=true";
  }

  /** This browser's session is the account's from now (also after a password change). */
  static void startSession(String account) {
    ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
    PodiumAuthentication.startSession((HttpServletRequest) external.getRequest(), account);
  }

  private static void error(String clientId, String message) {
    FacesContext.getCurrentInstance()
        .addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null));
  }

  private static String trimmed(String value) {
    return value == null ? "" : value.trim().toLowerCase();
  }

  public String getNext() {
    return next;
  }

  public void setNext(String next) {
    this.next = next;
  }

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }
}
