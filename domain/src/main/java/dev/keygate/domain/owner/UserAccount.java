package dev.keygate.domain.owner;

import dev.keygate.domain.Checks;
import dev.keygate.domain.ValidationException;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A person who can hold API keys of their own, as Keygate keeps them: name, email, when created. As
 * the owner of keys, a user is the smaller {@link Owner.User}, its id alone.
 */
public record UserAccount(UserId id, String name, Optional<String> email, Instant createdOn) {

  public static final int MAX_NAME_LENGTH = 128;
  public static final int MAX_EMAIL_LENGTH = 254;

  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");

  public UserAccount {
    Checks.required("user id", id);
    name = Checks.name("user name", name, MAX_NAME_LENGTH);
    email = Checks.required("user email", email).map(String::strip);
    email.ifPresent(address -> email("user email", address));
    Checks.required("user creation time", createdOn);
  }

  /**
   * Refuses text that is no email address a user could have, naming it as {@code what}.
   *
   * @return the address, stripped
   */
  public static String email(String what, String email) {
    String stripped = Checks.required(what, email).strip();
    Checks.lengthBetween(what, stripped, 3, MAX_EMAIL_LENGTH);
    Checks.word(what, stripped, MAX_EMAIL_LENGTH);
    if (!EMAIL.matcher(stripped).matches()) {
      throw new ValidationException(what + " must look like name@domain");
    }
    return stripped;
  }

  /** Kinde's given name: the name up to its first whitespace. */
  public String givenName() {
    return names()[0];
  }

  /** Kinde's family name: the rest of the name, if any. */
  public Optional<String> familyName() {
    String[] names = names();
    return names.length > 1 ? Optional.of(names[1]) : Optional.empty();
  }

  /**
   * This user with a new given name, family name or both: the name is the given name, a space and
   * the family name, and a part left out stays as it was.
   */
  public UserAccount renamed(Optional<String> newGivenName, Optional<String> newFamilyName) {
    String given = newGivenName.map(String::strip).orElseGet(this::givenName);
    String family = newFamilyName.or(this::familyName).map(String::strip).orElse("");
    return renamed(family.isEmpty() ? given : given + " " + family);
  }

  /** This user under a new name. */
  public UserAccount renamed(String newName) {
    return new UserAccount(id, newName, email, createdOn);
  }

  private String[] names() {
    return name.split("\\s+", 2);
  }

  /** This user as the owner of keys. */
  public Owner asOwner() {
    return new Owner.User(id);
  }
}
