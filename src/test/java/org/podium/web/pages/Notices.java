package org.podium.web.pages;

import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * A page's messages (its {@code h:messages}, issue 15): each a boxed notice, a success told from an
 * error by its class, its colours and its mark, announced as a status or an alert.
 */
public final class Notices {

  private Notices() {}

  /**
   * The first message of the list {@code id} as shown: its text, its kind (info or error), the
   * list's role, and whether it is drawn as a box (a border and a background of its own).
   */
  public record Notice(String text, String kind, String role, boolean boxed, String background) {}

  /** The first message of the list with this id on the browser's page, or null. */
  public static Notice first(org.podium.testing.Browser browser, String id) {
    return first(browser.driver(), id);
  }

  /** The first message of the list with this id, or null when there is none. */
  static Notice first(ChromeDriver driver, String id) {
    List<WebElement> items =
        FormFields.now(driver, () -> driver.findElements(By.cssSelector("#" + id + " li")));
    if (items.isEmpty()) {
      return null;
    }
    WebElement item = items.get(0);
    @SuppressWarnings("unchecked")
    Map<String, Object> style =
        (Map<String, Object>)
            driver.executeScript(
                "const s = getComputedStyle(arguments[0]);"
                    + " return {border: s.borderLeftWidth, background: s.backgroundColor,"
                    + " padding: s.paddingTop};",
                item);
    String background = (String) style.get("background");
    boolean boxed =
        !"0px".equals(style.get("border"))
            && !"0px".equals(style.get("padding"))
            && !background.equals("rgba(0, 0, 0, 0)");
    return new Notice(
        item.getText(),
        item.getDomAttribute("class"),
        driver.findElement(By.id(id)).getDomAttribute("role"),
        boxed,
        background);
  }
}
