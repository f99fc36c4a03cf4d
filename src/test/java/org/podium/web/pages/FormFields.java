package org.podium.web.pages;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.openqa.selenium.By;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/** What the account forms share: a field's value, its error next to it, where that error sits. */
final class FormFields {

  private FormFields() {}

  /** The error Faces wrote right after the field (its h:message), or "" when it has none. */
  static String error(ChromeDriver driver, String fieldId) {
    List<WebElement> error = errors(driver, fieldId);
    return error.isEmpty() ? "" : error.get(0).getText();
  }

  private static List<WebElement> errors(ChromeDriver driver, String fieldId) {
    WebElement field = driver.findElement(By.id(fieldId));
    return now(
        driver,
        () ->
            field.findElements(
                By.xpath(
                    "./following-sibling::*[1][self::span and contains(@class, 'field-error')]")));
  }

  /**
   * What {@code look} finds on the page as it is, without the driver's implicit wait (an element
   * that is rightly absent would otherwise cost the whole wait).
   */
  static List<WebElement> now(ChromeDriver driver, Supplier<List<WebElement>> look) {
    driver.manage().timeouts().implicitlyWait(Duration.ZERO);
    try {
      return look.get();
    } finally {
      driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(5)); // Browser's
    }
  }

  /**
   * Whether the field's error has a line of its own: below its field, and wholly above the form's
   * button (the "last field's error on the same line as the button").
   */
  static boolean errorSitsBetweenFieldAndButton(
      ChromeDriver driver, String fieldId, String buttonId) {
    Rectangle field = driver.findElement(By.id(fieldId)).getRect();
    Rectangle error = errors(driver, fieldId).get(0).getRect();
    Rectangle button = driver.findElement(By.id(buttonId)).getRect();
    return error.getY() >= field.getY() + field.getHeight()
        && error.getY() + error.getHeight() <= button.getY();
  }

  static void type(ChromeDriver driver, String fieldId, String text) {
    WebElement field = driver.findElement(By.id(fieldId));
    field.clear();
    field.sendKeys(text);
  }

  static String value(ChromeDriver driver, String fieldId) {
    return driver.findElement(By.id(fieldId)).getDomProperty("value");
  }
}
