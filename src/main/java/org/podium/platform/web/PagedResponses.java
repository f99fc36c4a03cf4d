package org.podium.platform.web;

import jakarta.ws.rs.core.Link;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.podium.platform.Page;

/**
 * How the API answers a page of a list: the body stays the JSON array of the page's items (as
 * before lists paged), the paging goes in headers: {@code X-Total-Count} (the whole list) and an
 * RFC 8288 {@code Link} with {@code first}, {@code prev}, {@code next} and {@code last}, absolute
 * URIs keeping the request's other query parameters.
 */
public final class PagedResponses {

  public static final String TOTAL_COUNT = "X-Total-Count";

  private PagedResponses() {}

  public static Response ok(Page<?> page, UriInfo uri) {
    return ok(page.items(), page, uri);
  }

  /** The same headers with another body (one that says the page itself, as a leaderboard does). */
  public static Response ok(Object body, Page<?> page, UriInfo uri) {
    List<Link> links = new ArrayList<>();
    links.add(link(uri, page, 1, "first"));
    if (page.hasPrevious()) {
      links.add(link(uri, page, Math.min(page.page() - 1, page.lastPage()), "prev"));
    }
    if (page.hasNext()) {
      links.add(link(uri, page, page.page() + 1, "next"));
    }
    links.add(link(uri, page, page.lastPage(), "last"));
    return Response.ok(body)
        .header(TOTAL_COUNT, page.total())
        .links(links.toArray(Link[]::new))
        .build();
  }

  private static Link link(UriInfo uri, Page<?> page, int number, String rel) {
    return Link.fromUri(address(uri.getRequestUri(), number, page.size())).rel(rel).build();
  }

  /**
   * The request's address asking for another page: its query as it came (still encoded, never read
   * as a URI template) without {@code page} and {@code size}, then those two.
   */
  static URI address(URI request, int page, int size) {
    StringBuilder query = new StringBuilder();
    String raw = request.getRawQuery();
    if (raw != null) {
      for (String parameter : raw.split("&")) {
        String name = parameter.split("=", 2)[0];
        if (!parameter.isEmpty() && !name.equals("page") && !name.equals("size")) {
          query.append(parameter).append('&');
        }
      }
    }
    query.append("page=").append(page).append("&size=").append(size);
    String base = request.toString();
    int end = base.indexOf('?');
    return URI.create((end < 0 ? base : base.substring(0, end)) + "?" + query);
  }
}
