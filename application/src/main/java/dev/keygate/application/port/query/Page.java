package dev.keygate.application.port.query;

import java.util.List;
import java.util.function.Function;

/** Items of one page, in id order, and whether more follow. */
public record Page<T>(List<T> items, boolean hasMore) {

  public Page {
    items = List.copyOf(items);
  }

  /** An empty last page. */
  public static <T> Page<T> empty() {
    return new Page<>(List.of(), false);
  }

  /**
   * The page that {@code request} asks of {@code ordered}, a list already sorted by id: the items
   * past the cursor, up to the page size.
   */
  public static <T> Page<T> of(List<T> ordered, Function<T, String> id, PageRequest request) {
    List<T> after = ordered.stream().filter(item -> request.admits(id.apply(item))).toList();
    boolean more = after.size() > request.size();
    return new Page<>(more ? after.subList(0, request.size()) : after, more);
  }
}
