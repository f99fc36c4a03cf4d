package org.podium.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;
import org.podium.platform.web.Markdown;

class MarkdownTest {

  private final Markdown markdown = new Markdown();

  @Test
  void rendersMarkdown() {
    assertEquals(
        "<h2>Data</h2>\n<p>Use <strong>all</strong> of <a rel=\"nofollow\" href=\"https://example.org\">it</a>.</p>\n",
        markdown.html("## Data\nUse **all** of [it](https://example.org)."));
  }

  @Test
  void rawHtmlIsShownAsTextNeverRun() {
    String html = markdown.html("<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>");
    assertFalse(html.contains("<script"), html);
    assertFalse(html.contains("<img"), html);
  }

  @Test
  void javascriptLinksLoseTheirTarget() {
    assertFalse(markdown.html("[click](javascript:alert(1))").contains("javascript:"));
  }
}
