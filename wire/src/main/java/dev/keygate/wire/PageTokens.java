package dev.keygate.wire;

import dev.keygate.application.port.query.Page;
import dev.keygate.domain.ValidationException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Kinde's {@code next_token}: an opaque cursor to the next page of a list. It holds the last id of
 * the page answered, so the next page continues in the same keyset order as {@code starting_after};
 * it grants nothing, since every page is read with the caller's own authority.
 */
public final class PageTokens {

  private static final String PREFIX = "after:";

  private PageTokens() {}

  /** The token of the page after {@code page}, or empty when it is the last one. */
  public static <T> Optional<String> next(Page<T> page, Function<T, String> id) {
    List<T> items = page.items();
    if (!page.hasMore() || items.isEmpty()) {
      return Optional.empty();
    }
    String last = id.apply(items.get(items.size() - 1));
    return Optional.of(
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString((PREFIX + last).getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * The last id seen, read back from a token {@link #next} made.
   *
   * @throws ValidationException naming {@code next_token} for anything else
   */
  public static String startingAfter(String token) {
    try {
      String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
      if (text.startsWith(PREFIX) && text.length() > PREFIX.length()) {
        return text.substring(PREFIX.length());
      }
    } catch (IllegalArgumentException notBase64) {
      // answered below
    }
    throw new ValidationException("next_token is not a token this server gave");
  }
}
