package org.podium.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import org.junit.jupiter.api.Test;

class PagedResponsesTest {

  @Test
  void anotherPageKeepsTheOtherParametersAsTheyCame() {
    assertEquals(
        URI.create("http://h:8080/podium/api/accounts?q=a%20b&x=%7B1%7D&page=3&size=2"),
        PagedResponses.address(
            URI.create("http://h:8080/podium/api/accounts?page=1&q=a%20b&size=2&x=%7B1%7D"), 3, 2));
    assertEquals(
        URI.create("http://h/api/tokens?page=1&size=50"),
        PagedResponses.address(URI.create("http://h/api/tokens"), 1, 50));
    assertEquals(
        URI.create("http://h/api/tokens?page=2&size=50"),
        PagedResponses.address(URI.create("http://h/api/tokens?&page"), 2, 50));
  }
}
