package dev.keygate.application.port.in;

import dev.keygate.domain.Checks;
import dev.keygate.domain.ValidationException;
import dev.keygate.domain.owner.UserAccount;
import java.util.Optional;

/**
 * A new name for a user: the whole {@code name}, or Kinde's given name, family name or both, each
 * left as it was when left out.
 */
public record UpdateUserCommand(
    Optional<String> name, Optional<String> givenName, Optional<String> familyName) {

  private static final int MAX = UserAccount.MAX_NAME_LENGTH;

  public UpdateUserCommand {
    name = Checks.required("user name", name).map(text -> Checks.name("user name", text, MAX));
    givenName =
        Checks.required("given name", givenName).map(text -> Checks.name("given name", text, MAX));
    familyName =
        Checks.required("family name", familyName)
            .map(text -> Checks.name("family name", text, MAX));
    if (name.isPresent() && (givenName.isPresent() || familyName.isPresent())) {
      throw new ValidationException("give name or given_name and family_name, not both");
    }
  }

  /** Whether the command changes nothing. */
  public boolean isEmpty() {
    return name.isEmpty() && givenName.isEmpty() && familyName.isEmpty();
  }
}
