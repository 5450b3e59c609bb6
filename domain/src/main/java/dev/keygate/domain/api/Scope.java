package dev.keygate.domain.api;

import dev.keygate.domain.Checks;
import dev.keygate.domain.ValidationException;
import java.time.Clock;
import java.util.Set;

/** A permission defined on one API, such as {@code read:users}, that keys for it may carry. */
public record Scope(ScopeId id, ApiId apiId, String key, String description) {

  public static final int MAX_KEY_LENGTH = 64;
  public static final int MAX_DESCRIPTION_LENGTH = 256;

  public Scope {
    Checks.required("scope id", id);
    Checks.required("scope api id", apiId);
    key = Checks.word("scope key", key, MAX_KEY_LENGTH);
    description = description == null ? "" : description.strip();
    if (description.length() > MAX_DESCRIPTION_LENGTH) {
      throw new ValidationException(
          "scope description must be at most "
              + MAX_DESCRIPTION_LENGTH
              + " characters, was "
              + description.length());
    }
    if (description.chars().anyMatch(Character::isISOControl)) {
      throw new ValidationException("scope description must not contain control characters");
    }
    Checks.wellFormed("scope description", description);
  }

  /** A new scope on {@code apiId}. */
  public static Scope define(ApiId apiId, String key, String description, Clock clock) {
    return new Scope(ScopeId.generate(clock), apiId, key, description);
  }

  /**
   * A copy of {@code scopes}, each of which must be a scope of {@code apiId}: what a key or a grant
   * of that API may hold.
   *
   * @throws ValidationException naming the first scope of another API
   */
  public static Set<Scope> allOf(ApiId apiId, String what, Set<Scope> scopes) {
    Set<Scope> copied = Set.copyOf(Checks.required(what, scopes));
    for (Scope scope : copied) {
      if (!scope.apiId().equals(apiId)) {
        throw new ValidationException(
            "scope " + scope.key() + " belongs to api " + scope.apiId() + ", not to " + apiId);
      }
    }
    return copied;
  }

  /** The same scope with another description. */
  public Scope describedAs(String newDescription) {
    return new Scope(id, apiId, key, newDescription);
  }
}
