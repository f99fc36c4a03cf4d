package org.podium.platform.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Renders organizers' Markdown for pages, safely: raw HTML in the text is shown as text, never
 * interpreted, and link targets other than http(s), mailto and relative ones are dropped, so a
 * description cannot carry a script.
 */
@Named
@ApplicationScoped
public class Markdown {

  private final Parser parser = Parser.builder().build();
  private final HtmlRenderer renderer =
      HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();

  public String html(String markdown) {
    return markdown == null ? "" : renderer.render(parser.parse(markdown));
  }
}
