package org.podium.web.pages;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.podium.testing.Browser;

/**
 * The Files tab of a competition's page: the files a participant may download (name, size,
 * description, SHA-256), or why they may not.
 */
public final class FilesTab extends PodiumPage {

  public FilesTab(Browser browser, URL base) {
    super(browser, base);
  }

  /** Opens the competition's page on its Files tab by clicking the tab, as a person would. */
  public FilesTab open(long competition) {
    open("competition.xhtml?id=" + competition);
    browser.clickAndWait(By.id("tab-files"));
    return this;
  }

  /** Whether the tab is the one shown (its link marked active). */
  public boolean isActive() {
    return find(By.id("tab-files")).getAttribute("class").contains("active");
  }

  /** The names of the files listed, in order (none when the caller may not download them). */
  public List<String> fileNames() {
    if (!allowed()) {
      return List.of();
    }
    return all(By.cssSelector("#file-list li.file a.file-name")).stream()
        .map(WebElement::getText)
        .toList();
  }

  /** Whether the tab lists files (rather than saying why it does not). */
  public boolean allowed() {
    return driver()
        .executeScript("return document.getElementById('file-list') !== null;")
        .equals(Boolean.TRUE);
  }

  /** Everything the tab says, to check what it never shows. */
  public String text() {
    return find(By.id("files")).getText();
  }

  /** Why the caller may not download the files, as the tab says it. */
  public String refusal() {
    return find(By.id("files-refusal")).getText();
  }

  /** Who may download, as the tab says it. */
  public String who() {
    return find(By.id("files-who")).getText();
  }

  private WebElement row(String name) {
    return find(
        By.xpath(
            "//ul[@id='file-list']/li[.//a[contains(@class,'file-name') and normalize-space()='"
                + name
                + "']]"));
  }

  public String description(String name) {
    return row(name).findElement(By.cssSelector(".file-description")).getText();
  }

  public String size(String name) {
    return row(name).findElement(By.cssSelector(".file-size")).getText();
  }

  /** The description as shown (its Markdown rendered). */
  public String descriptionHtml(String name) {
    return row(name)
        .findElement(By.cssSelector(".file-description"))
        .getAttribute("innerHTML")
        .strip();
  }

  /** The whole SHA-256, as its tooltip gives it. */
  public String sha256(String name) {
    return row(name).findElement(By.cssSelector("code.sha")).getAttribute("title");
  }

  /** The SHA-256 as the line shows it: its first digits. */
  public String shownSha256(String name) {
    return row(name).findElement(By.cssSelector("code.sha")).getText();
  }

  /** Whether the shown SHA-256 stays on one line (a phone's width included). */
  public boolean sha256OnOneLine(String name) {
    return Boolean.TRUE.equals(
        driver()
            .executeScript(
                "return arguments[0].getClientRects().length === 1;",
                row(name).findElement(By.cssSelector("code.sha"))));
  }

  /**
   * Presses the SHA-256's Copy button; returns what the button says then ("Copied") and what the
   * clipboard holds.
   */
  public List<String> copySha256(String name) {
    return Copying.copy(driver(), row(name).findElement(By.cssSelector("button.copy")));
  }

  /** What the tab says it is for. */
  public String about() {
    return find(By.id("files-about")).getText();
  }

  /** The address the file's link downloads from. */
  public String link(String name) {
    return row(name).findElement(By.cssSelector("a.file-name")).getAttribute("href");
  }

  /**
   * Downloads from {@code href} as the browser would, with the browser's own session, streaming the
   * body to {@code to}: the file (status 200) or the refusal's problem document.
   */
  public HttpResponse<Path> download(String href, Path to) throws Exception {
    String cookies =
        driver().manage().getCookies().stream()
            .map(c -> c.getName() + "=" + c.getValue())
            .collect(Collectors.joining("; "));
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(href)).timeout(Duration.ofMinutes(2));
    if (!cookies.isEmpty()) {
      request.header("Cookie", cookies);
    }
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofFile(to));
  }
}
