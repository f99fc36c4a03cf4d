package org.podium.platform;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * One page of a list: its items, which page it is, the size asked for and how many items the whole
 * list holds ({@code total}, counted in the database). A page past the end is empty.
 */
public record Page<T>(List<T> items, int page, int size, long total) {

  public Page {
    items = List.copyOf(items);
  }

  /** The first page of an empty list (nothing to show, or nothing the caller may see). */
  public static <T> Page<T> empty() {
    return of(List.of(), PageRequest.FIRST, 0);
  }

  public static <T> Page<T> of(List<T> items, PageRequest request, long total) {
    return new Page<>(items, request.page(), request.size(), total);
  }

  public <R> Page<R> map(Function<? super T, ? extends R> mapping) {
    return new Page<>(items.stream().<R>map(mapping).toList(), page, size, total);
  }

  /** The number of the last page: 1 for an empty list. */
  public int lastPage() {
    return (int) Math.max(1, Math.min(Integer.MAX_VALUE, (total + size - 1) / size));
  }

  public boolean hasPrevious() {
    return page > 1;
  }

  public boolean hasNext() {
    return page < lastPage();
  }

  /** The position (from 1) of this page's first item in the whole list, 0 when it has none. */
  public long firstItem() {
    return items.isEmpty() ? 0 : (long) (page - 1) * size + 1;
  }

  /** The position of this page's last item in the whole list, 0 when it has none. */
  public long lastItem() {
    return items.isEmpty() ? 0 : firstItem() + items.size() - 1;
  }

  /** "Showing 51–100 of 2,010", for pages. */
  public String summary() {
    if (items.isEmpty()) {
      return total == 0 ? "Nothing yet." : "Nothing on page " + page + " of " + lastPage();
    }
    return String.format(Locale.ROOT, "Showing %,d–%,d of %,d", firstItem(), lastItem(), total);
  }
}
