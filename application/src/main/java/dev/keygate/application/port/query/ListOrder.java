package dev.keygate.application.port.query;

import dev.keygate.domain.ValidationException;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * The orders a list of named things (organizations, applications) comes in. Each pages by keyset on
 * a cursor of its own: the id, or the name and the id for the orders by name, so that things of one
 * name are paged in id order and none is skipped or seen twice.
 */
public enum ListOrder {
  /** By id (an organization's code): the default. */
  ID,
  /** By name, A to Z. */
  NAME_ASCENDING,
  /** By name, Z to A. */
  NAME_DESCENDING;

  /** Between name and id in a cursor: a control character, which no name holds. */
  private static final char SEPARATOR = '\u0000';

  /** What a page that ends with the item named {@code name} with {@code id} is continued after. */
  public String cursorOf(String name, String id) {
    return this == ID ? id : name + SEPARATOR + id;
  }

  /**
   * The name and id of a cursor of an order by name.
   *
   * @throws ValidationException if the cursor was made for another order
   */
  public NameCursor nameCursor(String cursor) {
    int separator = cursor.lastIndexOf(SEPARATOR);
    if (this == ID || separator < 0) {
      throw new ValidationException(
          "the page cursor belongs to another sort order: list again from the first page");
    }
    return new NameCursor(cursor.substring(0, separator), cursor.substring(separator + 1));
  }

  /** This order over items with a {@code name} and an {@code id}. */
  public <T> Comparator<T> comparator(Function<T, String> name, Function<T, String> id) {
    Comparator<T> byName = Comparator.comparing(name).thenComparing(id);
    return switch (this) {
      case ID -> Comparator.comparing(id);
      case NAME_ASCENDING -> byName;
      case NAME_DESCENDING -> byName.reversed();
    };
  }

  /** The page {@code request} asks of {@code items}, in this order past the request's cursor. */
  public <T> Page<T> page(
      Collection<T> items, Function<T, String> name, Function<T, String> id, PageRequest request) {
    Comparator<T> order = comparator(name, id);
    List<T> past =
        items.stream()
            .sorted(order)
            .filter(
                item ->
                    request
                        .startingAfter()
                        .map(after -> isPast(name.apply(item), id.apply(item), after))
                        .orElse(true))
            .toList();
    boolean more = past.size() > request.size();
    return new Page<>(more ? past.subList(0, request.size()) : past, more);
  }

  private boolean isPast(String name, String id, String cursor) {
    if (this == ID) {
      return id.compareTo(cursor) > 0;
    }
    NameCursor after = nameCursor(cursor);
    int byName = name.compareTo(after.name());
    int order = byName != 0 ? byName : id.compareTo(after.id());
    return this == NAME_ASCENDING ? order > 0 : order < 0;
  }

  /** The position an order by name continues after. */
  public record NameCursor(String name, String id) {}
}
