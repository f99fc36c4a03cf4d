package org.podium.web.pages;

import java.net.URL;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.podium.testing.Browser;

/** {@code admin.xhtml}: the administrators' Accounts page (roles, password resets). */
public class AdminPage extends PodiumPage {

  public AdminPage(Browser browser, URL base) {
    super(browser, base);
  }

  /** Opens the list searched for {@code q}. */
  public AdminPage search(String q) {
    open("admin.xhtml?q=" + q);
    return this;
  }

  private WebElement row(String username) {
    return find(By.id("account-" + username));
  }

  /** The roles the account's row shows, as its badges say them. */
  public List<String> roles(String username) {
    return row(username).findElements(By.cssSelector("td.roles .badge")).stream()
        .map(WebElement::getText)
        .toList();
  }

  /** The day the row says the account was created (its whole time is its tooltip). */
  public String since(String username) {
    return row(username).findElement(By.cssSelector("td.since")).getText();
  }

  /** How many lines the text of the row's cell takes ({@code td.since}, {@code td.account} …). */
  public long linesOf(String username, String cell) {
    WebElement td = row(username).findElement(By.cssSelector("td." + cell));
    return (Long)
        driver()
            .executeScript(
                "const range = document.createRange(); range.selectNodeContents(arguments[0]);"
                    + " const tops = new Set(Array.from(range.getClientRects()).filter(r =>"
                    + " r.width > 0).map(r => Math.round(r.top))); return tops.size;",
                td);
  }

  /** The tops of the row's buttons: one value when they sit side by side on one line. */
  public List<Integer> buttonTops(String username) {
    return row(username).findElements(By.cssSelector("td.actions input[type=submit]")).stream()
        .map(button -> button.getRect().getY())
        .distinct()
        .toList();
  }

  /** Presses one of the row's buttons ("Make organizer", "Reset password" …): a dialog asks. */
  public void press(String username, String button) {
    row(username).findElement(By.cssSelector("input[value='" + button + "']")).click();
  }

  /** The confirmation dialog's question, or null while it is closed. */
  public String confirmation() {
    WebElement dialog = find(By.id("confirm"));
    return dialog.isDisplayed() ? find(By.id("confirm-message")).getText() : null;
  }

  /** The dialog's answering button, which says what it will do. */
  public String confirmButton() {
    return find(By.id("confirm-yes")).getText();
  }

  public void cancel() {
    find(By.id("confirm-cancel")).click();
  }

  /** Answers yes, waiting for the page the action answers. */
  public void confirm() {
    browser.clickAndWait(By.id("confirm-yes"));
  }

  public String message() {
    List<WebElement> messages = FormFields.now(driver(), () -> all(By.id("messages")));
    return messages.isEmpty() ? "" : messages.get(0).getText();
  }

  /** The notice of a password reset just made, or null. */
  public String resetNotice() {
    List<WebElement> notice = FormFields.now(driver(), () -> all(By.id("password-reset")));
    return notice.isEmpty() ? null : notice.get(0).getText();
  }

  /** The page's first message as shown (a boxed notice), or null. */
  public Notices.Notice notice() {
    return Notices.first(driver(), "messages");
  }

  /** The values of the row's buttons ("Make organizer", "Remove admin" …). */
  public List<String> buttons(String username) {
    return row(username).findElements(By.cssSelector("td.actions input[type=submit]")).stream()
        .map(button -> button.getDomAttribute("value"))
        .toList();
  }

  /** The badge that marks the row as the signed-in administrator's own ("you"), or "". */
  public String selfMark(String username) {
    List<WebElement> mark =
        FormFields.now(
            driver(), () -> row(username).findElements(By.cssSelector("td.account .badge.you")));
    return mark.isEmpty() ? "" : mark.get(0).getText();
  }

  /**
   * Presses Copy beside the new password; returns what the button says then and what the clipboard
   * holds.
   */
  public List<String> copyPassword() {
    return Copying.copy(driver(), find(By.id("copy-password")));
  }

  /** Whether the new password can be selected by hand (no user-select: none). */
  public boolean passwordIsSelectable() {
    return !"none"
        .equals(
            driver()
                .executeScript(
                    "return getComputedStyle(document.getElementById('new-password')).userSelect;"));
  }

  /** The generated password the notice shows once, or null. */
  public String newPassword() {
    List<WebElement> password = FormFields.now(driver(), () -> all(By.id("new-password")));
    return password.isEmpty() ? null : password.get(0).getText();
  }
}
