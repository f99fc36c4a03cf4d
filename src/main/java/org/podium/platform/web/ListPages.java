package org.podium.platform.web;

import java.util.function.Supplier;
import org.podium.platform.Page;
import org.podium.platform.PageRequest;
import org.podium.platform.problem.Problem;

/**
 * Lists on Faces pages: {@value org.podium.platform.PageRequest#DEFAULT_SIZE} rows a page, the page
 * number a GET query parameter (an {@code f:viewParam}, so a page of a list has its own link),
 * drawn with {@code WEB-INF/pager.xhtml} ("Showing 51–100 of 2,010", Previous, Next).
 */
public final class ListPages {

  private ListPages() {}

  /**
   * The page a view parameter asks for; a bad one is said at the top of the page, which then shows
   * the first.
   */
  public static PageRequest request(String page) {
    try {
      return PageRequest.of(page, null);
    } catch (Problem problem) {
      PageMessages.problem(problem, java.util.Map.of());
      return PageRequest.FIRST;
    }
  }

  /**
   * A page of a list as a page shows it: a refusal (a bad search text, a competition not there) is
   * said at the top of the page, which then shows the list empty.
   */
  public static <T> Page<T> read(Supplier<Page<T>> list) {
    try {
      return list.get();
    } catch (Problem problem) {
      PageMessages.problem(problem, java.util.Map.of());
      return Page.empty();
    }
  }
}
