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
   * Presses the button; returns what it says once it answered (or after five seconds) and what the
   * clipboard holds then.
   */
  static List<String> copy(ChromeDriver driver, WebElement button) {
    driver.executeCdpCommand(
        "Browser.grantPermissions",
        Map.of("permissions", List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
    String before = button.getText();
    button.click();
    try {
      new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> !button.getText().equals(before));
    } catch (org.openqa.selenium.TimeoutException e) {
      // it said nothing new: the caller's assertion says so
    }
    Object clipboard =
        driver.executeAsyncScript(
            "const done = arguments[arguments.length - 1];"
                + " navigator.clipboard.readText().then(done, e => done('unreadable: ' + e));");
    return List.of(button.getText(), String.valueOf(clipboard));
  }
}
