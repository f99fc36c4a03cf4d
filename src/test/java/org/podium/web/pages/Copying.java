package org.podium.web.pages;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A Copy button (js/copy.js): pressed, it says "Copied" and the clipboard holds its value. */
final class Copying {

  private Copying() {}

  /**
   * Presses the button (once it rests, saying "Copy"); returns what it says when it answered (or
   * after six seconds) and what the clipboard holds then.
   */
  static List<String> copy(ChromeDriver driver, WebElement button) {
    driver.executeCdpCommand(
        "Browser.grantPermissions",
        Map.of("permissions", List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(6));
    // A button pressed a moment ago still says what it answered then: wait until it rests again.
    wait.until(d -> button.getText().equals("Copy"));
    button.click();
    String said;
    try {
      said = wait.until(d -> button.getText().equals("Copy") ? null : button.getText());
    } catch (org.openqa.selenium.TimeoutException e) {
      said = button.getText(); // it said nothing new: the caller's assertion says so
    }
    Object clipboard =
        driver.executeAsyncScript(
            "const done = arguments[arguments.length - 1];"
                + " navigator.clipboard.readText().then(done, e => done('unreadable: ' + e));");
    return List.of(said, String.valueOf(clipboard));
  }
}
