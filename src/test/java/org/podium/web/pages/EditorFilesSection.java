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
 * Delete that asks first, and who may download.
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

  /** Chooses {@code file}, writes the description and presses Upload file; waits for the answer. */
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
    scrollIntoView();
    return this;
  }

  /** The message at the top of the page ("Uploaded …", "Deleted …"). */
  public String message() {
    return find(By.id("messages")).getText();
  }

  /** The error next to the file field. */
  public String fileError() {
    return find(By.id("fileUpload:fileError")).getText();
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

  /** Presses Delete beside the file: the confirmation opens, nothing is deleted yet. */
  public EditorFilesSection askToDelete(String name) {
    row(name).findElement(By.cssSelector("button.file-delete")).click();
    new WebDriverWait(driver(), Duration.ofSeconds(5)).until(page -> confirmation() != null);
    return this;
  }

  /** The open confirmation dialog, or null. */
  private WebElement confirmation() {
    return all(By.cssSelector("dialog[open]")).stream().findFirst().orElse(null);
  }

  /** The open confirmation's question ("Delete notes.txt?"). */
  public String confirmationQuestion() {
    return confirmation().findElement(By.tagName("h2")).getText();
  }

  /** Closes the confirmation with "Keep it". */
  public EditorFilesSection keep() {
    confirmation().findElement(By.xpath(".//button[normalize-space()='Keep it']")).click();
    new WebDriverWait(driver(), Duration.ofSeconds(5))
        .until(
            page ->
                Boolean.TRUE.equals(
                    driver().executeScript("return !document.querySelector('dialog[open]');")));
    return this;
  }

  /** Confirms the deletion; waits for the page that follows. */
  public EditorFilesSection confirmDelete() {
    WebElement button = confirmation().findElement(By.cssSelector("input[type=submit]"));
    browser.clickAndWait(By.id(button.getAttribute("id")));
    scrollIntoView();
    return this;
  }

  /** Sets who may download and saves it. */
  public EditorFilesSection everyoneMayDownload(boolean everyone) {
    WebElement box = find(By.id("filesAccess:everyone"));
    if (box.isSelected() != everyone) {
      box.click();
    }
    browser.clickAndWait(By.id("filesAccess:saveAccess"));
    scrollIntoView();
    return this;
  }
}
