package org.podium.web.pages;

import java.net.URL;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.podium.testing.Browser;

/** {@code signup.xhtml}: create an account. */
public class SignUpPage extends PodiumPage {

  public SignUpPage(Browser browser, URL base) {
    super(browser, base);
  }

  public SignUpPage open() {
    open("signup.xhtml");
    return this;
  }

  /** Fills the form and sends it, waiting for the answer. */
  public void signUp(String username, String email, String password) {
    FormFields.type(driver(), "signup:username", username);
    FormFields.type(driver(), "signup:email", email);
    FormFields.type(driver(), "signup:password", password);
    browser.clickAndWait(By.id("signup:submit"));
  }

  /** The link to the sign-in page ("Sign in"). */
  public WebElement signInLink() {
    return find(By.cssSelector("#to-signin a"));
  }

  /** The error next to {@code field} (username, email, password), or "". */
  public String error(String field) {
    return FormFields.error(driver(), "signup:" + field);
  }

  /** What the field holds now (the form is kept after a refusal). */
  public String value(String field) {
    return FormFields.value(driver(), "signup:" + field);
  }

  /** Whether the password's error has its own line, above the Create account button. */
  public boolean passwordErrorIsAboveTheButton() {
    return FormFields.errorSitsBetweenFieldAndButton(driver(), "signup:password", "signup:submit");
  }
}
