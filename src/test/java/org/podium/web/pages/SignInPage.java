package org.podium.web.pages;

import java.net.URL;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.podium.testing.Browser;

/** {@code signin.xhtml}, and the layout's footer every page shows. */
public class SignInPage extends PodiumPage {

  public SignInPage(Browser browser, URL base) {
    super(browser, base);
  }

  public SignInPage open() {
    open("signin.xhtml");
    return this;
  }

  /** Types the credentials and sends them, waiting for the answer. */
  public void signIn(String username, String password) {
    FormFields.type(driver(), "signin:username", username);
    FormFields.type(driver(), "signin:password", password);
    browser.clickAndWait(By.id("signin:submit"));
  }

  /** The link to the sign-up page ("Create an account"). */
  public WebElement createAccountLink() {
    return find(By.cssSelector("#to-signup a"));
  }

  public String error(String field) {
    return FormFields.error(driver(), "signin:" + field);
  }

  /** The message above the form (a refused sign-in). */
  public String formMessage() {
    return find(By.cssSelector("#signin ul.messages")).getText();
  }

  /** Whether the password's error has its own line, above the Sign in button. */
  public boolean passwordErrorIsAboveTheButton() {
    return FormFields.errorSitsBetweenFieldAndButton(driver(), "signin:password", "signin:submit");
  }

  /** The footer's first words: which Podium this is. */
  public String footerRelease() {
    return find(By.id("release")).getText();
  }

  /** The footer's links, as "text → address". */
  public List<String> footerLinks() {
    return all(By.cssSelector("footer a")).stream()
        .map(a -> a.getText() + " → " + a.getDomAttribute("href"))
        .toList();
  }

  /** The signed-in account the layout names, or null when nobody is signed in. */
  public String signedInAs() {
    List<WebElement> who = FormFields.now(driver(), () -> all(By.id("nav-account")));
    return who.isEmpty() ? null : who.get(0).getText();
  }

  public void signOut() {
    browser.clickAndWait(By.id("signout:signOut"));
  }
}
