package dev.keygate.application.port.query;

import dev.keygate.domain.owner.UserAccount;
import dev.keygate.domain.owner.UserId;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which users a listing returns: those with one of {@code ids} and one of {@code emails}; an empty
 * set does not filter. Emails match whatever their case.
 */
public record UserFilter(Set<UserId> ids, Set<String> emails) {

  /** Every user. */
  public static final UserFilter ALL = new UserFilter(Set.of(), Set.of());

  public UserFilter {
    ids = Set.copyOf(Objects.requireNonNull(ids, "user id filter"));
    emails =
        Objects.requireNonNull(emails, "email filter").stream()
            .map(email -> UserAccount.email("email filter", email).toLowerCase(Locale.ROOT))
            .collect(Collectors.toUnmodifiableSet());
  }

  /** Whether the filter lets every user through. */
  public boolean isAll() {
    return ids.isEmpty() && emails.isEmpty();
  }

  /** Whether {@code user} passes the filter. */
  public boolean admits(UserAccount user) {
    return (ids.isEmpty() || ids.contains(user.id()))
        && (emails.isEmpty()
            || user.email()
                .map(email -> emails.contains(email.toLowerCase(Locale.ROOT)))
                .orElse(false));
  }
}
