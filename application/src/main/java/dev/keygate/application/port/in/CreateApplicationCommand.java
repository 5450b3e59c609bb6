package dev.keygate.application.port.in;

import dev.keygate.domain.Checks;
import dev.keygate.domain.ValidationException;
import dev.keygate.domain.owner.OrgCode;
import java.util.Optional;
import java.util.Set;

/**
 * What an application is created with.
 *
 * @param type Kinde's application type; Keygate makes {@code m2m} applications only
 * @param org the organization it acts for; empty for the whole deployment, or, for an organization
 *     admin, that admin's organization
 * @param managementScopes when not empty, the application is made authorized for the management API
 *     with exactly these scopes, in the same unit: a credential ready for Kinde's SDK in one step
 */
public record CreateApplicationCommand(
    String name, String type, Optional<OrgCode> org, Set<ManagementScope> managementScopes) {

  public static final String M2M = "m2m";

  public CreateApplicationCommand {
    Checks.required("name", name);
    Checks.required("type", type);
    if (!M2M.equals(type)) {
      throw new ValidationException(
          "type must be m2m: Keygate makes machine-to-machine applications only");
    }
    Checks.required("org_code", org);
    managementScopes = Set.copyOf(Checks.required("management scopes", managementScopes));
  }

  /** An application authorized for no API yet, as Kinde's {@code createApplication} makes one. */
  public CreateApplicationCommand(String name, String type, Optional<OrgCode> org) {
    this(name, type, org, Set.of());
  }
}
