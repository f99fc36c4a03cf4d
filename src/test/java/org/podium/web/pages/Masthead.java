package org.podium.web.pages;

import java.net.URL;
import org.openqa.selenium.By;
import org.podium.testing.Browser;

/** The bar on top of every page: Podium, Competitions, the signed-in person's name, Sign out. */
public final class Masthead extends PodiumPage {

  public Masthead(Browser browser, URL base) {
    super(browser, base);
  }

  /** Opens a page (relative to Podium's address) to look at its bar. */
  public Masthead visit(String path) {
    open(path);
    return this;
  }

  /** The bar's height in CSS pixels as drawn now. */
  public long height() {
    return ((Number)
            driver()
                .executeScript(
                    "return Math.round(document.querySelector('header.masthead')"
                        + ".getBoundingClientRect().height);"))
        .longValue();
  }

  /** The name the bar shows, in full (the text of the element, whatever part is cut from sight). */
  public String username() {
    return find(By.id("nav-account")).getDomProperty("textContent").strip();
  }

  /** The name's tooltip. */
  public String usernameTooltip() {
    return find(By.id("nav-account")).getAttribute("title");
  }

  /** Whether the name is drawn on one line, cut with an ellipsis where it does not fit. */
  public boolean usernameOnOneLine() {
    return Boolean.TRUE.equals(
        driver()
            .executeScript(
                "const who = document.getElementById('nav-account');"
                    + " const style = getComputedStyle(who);"
                    + " const line = parseFloat(style.lineHeight) || parseFloat(style.fontSize) * 1.5;"
                    + " return who.getClientRects().length === 1"
                    + " && who.getBoundingClientRect().height <= line + 1"
                    + " && who.getBoundingClientRect().right <= document.documentElement.clientWidth;"));
  }

  /** Whether the name is cut (wider than its box, shown with an ellipsis). */
  public boolean usernameCut() {
    return Boolean.TRUE.equals(
        driver()
            .executeScript(
                "const who = document.getElementById('nav-account');"
                    + " return who.scrollWidth > who.clientWidth"
                    + " && getComputedStyle(who).textOverflow === 'ellipsis';"));
  }
}
