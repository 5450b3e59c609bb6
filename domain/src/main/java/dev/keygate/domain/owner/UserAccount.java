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
    email.ifPresent(UserAccount::checkEmail);
    Checks.required("user creation time", createdOn);
  }

  private static void checkEmail(String email) {
    Checks.lengthBetween("user email", email, 3, MAX_EMAIL_LENGTH);
    Checks.word("user email", email, MAX_EMAIL_LENGTH);
    if (!EMAIL.matcher(email).matches()) {
      throw new ValidationException("user email must look like name@domain");
    }
  }

  /** This user as the owner of keys. */
  public Owner asOwner() {
    return new Owner.User(id);
  }
}
