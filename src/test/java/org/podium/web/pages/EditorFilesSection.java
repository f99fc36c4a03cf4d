package org.podium.web.pages;

import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.podium.testing.Browser;

/**
 * The Files section of the organizer's edit page: upload a file with a description, the list, a
 * Delete that asks first (the page's one confirmation), who may download, and the message each
 * action leaves at the top of the page.
 */
public final class EditorFilesSection extends PodiumPage {

  public EditorFilesSection(Browser browser, URL base) {
    super(browser, base);
  }

  /** Opens the competition's edit page and brings its Files section into view. */
  public EditorFilesSection open(long competition) {
    open("edit-competition.xhtml?id=" + competition);
    scrollIntoView();
    return this;
  }

  public void scrollIntoView() {
    driver().executeScript("document.getElementById('files').scrollIntoView();");
  }

  /** Brings the list of files into view. */
  public void scrollToList() {
    driver()
        .executeScript(
            "document.getElementById('editor-file-list').scrollIntoView({block: 'center'});");
  }

  /**
   * Chooses {@code file}, writes the description and presses Upload file; waits for the answer (the
   * page opens at its top, where its message is).
   */
  public EditorFilesSection upload(Path file, String description) {
    if (file != null) {
      find(By.id("fileUpload:file")).sendKeys(file.toAbsolutePath().toString());
    }
    WebElement field = find(By.id("fileUpload:description"));
    field.clear();
    if (!description.isEmpty()) {
      field.sendKeys(description);
    }
    browser.clickAndWait(By.id("fileUpload:upload"));
    return this;
  }

  /** The message at the top of the page ("File “notes.txt” uploaded: …"). */
  public String message() {
    return find(By.id("messages")).getText();
  }

  /** The error next to the file field. */
  public String fileError() {
    return find(By.id("fileUpload:fileError")).getText();
  }

  /** The section's help text (what the Files tab is for, who may download). */
  public String hint() {
    return find(By.id("files")).getText();
  }

  /** What the section says under "File": how large a file may be. */
  public String fileHint() {
    return find(By.id("fileHint")).getText();
  }

  public List<String> fileNames() {
    return all(By.cssSelector("#editor-file-list li.file a.file-name")).stream()
        .map(WebElement::getText)
        .toList();
  }

  private WebElement row(String name) {
    return find(
        By.xpath(
            "//ul[@id='editor-file-list']/li[.//a[contains(@class,'file-name') and"
                + " normalize-space()='"
                + name
                + "']]"));
  }

  public String description(String name) {
    return row(name).findElement(By.cssSelector(".file-description")).getText();
  }

  /**
   * Presses Delete beside the file and answers Podium's confirmation ({@code yes}: delete, waiting
   * for the page that follows; otherwise Cancel, nothing sent); returns its question.
   */
  public String delete(String name, boolean yes) {
    WebElement html = find(By.tagName("html"));
    row(name).findElement(By.cssSelector("input[type=submit].file-delete")).click();
    String question = answerConfirmation(yes);
    if (yes) {
      new WebDriverWait(driver(), Duration.ofSeconds(15)).until(page -> ParticipateTab.stale(html));
    }
    return question;
  }

  /** Presses Delete beside the file and leaves its confirmation open; returns its question. */
  public String askToDelete(String name) {
    row(name).findElement(By.cssSelector("input[type=submit].file-delete")).click();
    new WebDriverWait(driver(), Duration.ofSeconds(5))
        .until(page -> page.findElement(By.id("confirm")).isDisplayed());
    return find(By.id("confirm-message")).getText();
  }

  /** Whether a file has a dialog of its own (the section uses the page's one confirmation). */
  public boolean ownDialogs() {
    return Boolean.TRUE.equals(
        driver()
            .executeScript("return document.querySelector('#editor-file-list dialog') !== null;"));
  }

  /** Whether the page's message is shown where the organizer looks, in the window. */
  public boolean messageInView() {
    return Boolean.TRUE.equals(
        driver()
            .executeScript(
                "const m = document.getElementById('messages');"
                    + " if (!m || m.textContent.trim() === '') return false;"
                    + " const r = m.getBoundingClientRect();"
                    + " return r.top >= 0 && r.bottom <= window.innerHeight && r.height > 0;"));
  }

  /** Sets who may download and saves it. */
  public EditorFilesSection everyoneMayDownload(boolean everyone) {
    WebElement box = find(By.id("filesAccess:everyone"));
    if (box.isSelected() != everyone) {
      box.click();
    }
    browser.clickAndWait(By.id("filesAccess:saveAccess"));
    return this;
  }
}
