package dev.keygate.application.port.query;

import dev.keygate.domain.Checks;
import dev.keygate.domain.ValidationException;
import java.util.Optional;

/**
 * One page of a keyset-paginated list: up to {@code size} items whose ids come after {@code
 * startingAfter} (the last id the caller saw), in id order.
 */
public record PageRequest(int size, Optional<String> startingAfter) {

  public static final int DEFAULT_SIZE = 50;
  public static final int MAX_SIZE = 500;

  public PageRequest {
    if (size < 1 || size > MAX_SIZE) {
      throw new ValidationException("page size must be 1-" + MAX_SIZE + ", was " + size);
    }
    Checks.required("starting after", startingAfter);
  }

  /** The first page of the default size. */
  public static PageRequest first() {
    return new PageRequest(DEFAULT_SIZE, Optional.empty());
  }

  /** The first page of {@code size} items. */
  public static PageRequest first(int size) {
    return new PageRequest(size, Optional.empty());
  }

  /** Whether an item with {@code id} lies past the cursor. */
  public boolean admits(String id) {
    return startingAfter.map(after -> id.compareTo(after) > 0).orElse(true);
  }
}
