package org.podium.web.pages;

import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A Copy button beside a value shown once (js/copy.js): pressed, it says "Copied". */
final class Copying {

  private Copying() {}

  /** Presses the button and returns what it says once it answered (or after two seconds). */
  static String copy(ChromeDriver driver, String buttonId) {
    WebElement button = driver.findElement(By.id(buttonId));
    String before = button.getText();
    button.click();
    try {
      new WebDriverWait(driver, Duration.ofSeconds(2)).until(d -> !button.getText().equals(before));
    } catch (org.openqa.selenium.TimeoutException e) {
      // it said nothing new: the caller's assertion says so
    }
    return button.getText();
  }
}
