package org.podium.web.pages;

import java.net.URL;
import org.openqa.selenium.By;
import org.podium.testing.Browser;

/**
 * What a person sees on a page their role may not open ({@code forbidden.xhtml}, HTTP 403): why,
 * and a way back.
 */
public final class ForbiddenPage extends PodiumPage {

  public ForbiddenPage(Browser browser, URL base) {
    super(browser, base);
  }

  /** Opens {@code path} (such as {@code admin.xhtml}), expecting to be refused. */
  public ForbiddenPage visit(String path) {
    open(path);
    return this;
  }

  public String heading() {
    return find(By.tagName("h1")).getText();
  }

  /** The refusal: why this person may not open the page. */
  public String refusal() {
    return find(By.id("refusal")).getText();
  }

  /** The way back's address. */
  public String backLink() {
    return find(By.id("back")).getAttribute("href");
  }

  /**
   * The HTTP status Podium answers {@code path} with for this browser's session (a redirect not
   * followed: 0 for one, the fetch API's "opaqueredirect").
   */
  public long status(String path) {
    Object status =
        driver()
            .executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                    + " fetch(arguments[0], {redirect: 'manual', credentials: 'same-origin'})"
                    + ".then(r => done(r.status), e => done(-1));",
                base + path);
    return ((Number) status).longValue();
  }
}
