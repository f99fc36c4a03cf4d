package org.podium.web.pages;

import java.net.URL;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.podium.testing.Browser;

/** {@code account.xhtml}: "Your account", its API tokens and its password. */
public class AccountPage extends PodiumPage {

  public AccountPage(Browser browser, URL base) {
    super(browser, base);
  }

  public AccountPage open() {
    open("account.xhtml");
    return this;
  }

  /** Asks for a token named {@code name}, waiting for the answer. */
  public void createToken(String name) {
    FormFields.type(driver(), "token:name", name);
    browser.clickAndWait(By.id("token:create"));
  }

  public String tokenNameError() {
    return FormFields.error(driver(), "token:name");
  }

  public String tokenNameValue() {
    return FormFields.value(driver(), "token:name");
  }

  /** The token just created, shown this once, or null. */
  public String issuedToken() {
    List<WebElement> token = FormFields.now(driver(), () -> all(By.cssSelector("code#token")));
    return token.isEmpty() ? null : token.get(0).getText();
  }

  /** Fills the password form (current, new, new again) and sends it. */
  public void changePassword(String current, String next, String again) {
    FormFields.type(driver(), "password:current", current);
    FormFields.type(driver(), "password:new", next);
    FormFields.type(driver(), "password:repeat", again);
    browser.clickAndWait(By.id("password:change"));
  }

  /** The error next to a password field: current, new or repeat. */
  public String passwordError(String field) {
    return FormFields.error(driver(), "password:" + field);
  }

  /** Whether the last password field's error has its own line, above Change password. */
  public boolean repeatErrorIsAboveTheButton() {
    return FormFields.errorSitsBetweenFieldAndButton(
        driver(), "password:repeat", "password:change");
  }

  /** The page's message (after a change), or "". */
  public String message() {
    List<WebElement> messages = FormFields.now(driver(), () -> all(By.id("messages")));
    return messages.isEmpty() ? "" : messages.get(0).getText();
  }

  /** The page's first message as shown (a boxed notice), or null. */
  public Notices.Notice notice() {
    return Notices.first(driver(), "messages");
  }

  /** What the password fields hold now: current, new, new again. */
  public List<String> passwordValues() {
    return List.of(
        FormFields.value(driver(), "password:current"),
        FormFields.value(driver(), "password:new"),
        FormFields.value(driver(), "password:repeat"));
  }

  /**
   * Presses Copy beside the token just created; returns what the button says then and what the
   * clipboard holds.
   */
  public java.util.List<String> copyToken() {
    return Copying.copy(driver(), find(By.id("copy-token")));
  }

  /** Brings the password form into view (for a screenshot). */
  public void showPasswordForm() {
    driver()
        .executeScript(
            "document.getElementById('change-password').scrollIntoView({block: 'start'});");
  }

  /** The names in the tokens table, as shown now. */
  public List<String> tokenNames() {
    return FormFields.now(driver(), () -> driver().findElements(By.cssSelector("#tokens tbody tr")))
        .stream()
        .map(row -> row.findElement(By.tagName("td")).getText())
        .toList();
  }

  /** Whether the page says there are no tokens yet. */
  public boolean saysNoTokens() {
    return !FormFields.now(
            driver(),
            () ->
                driver()
                    .findElements(
                        By.xpath("//*[contains(@class,'empty') and text()='No tokens yet.']")))
        .isEmpty();
  }
}
