package dev.keygate.domain.owner;

import dev.keygate.domain.Checks;
import java.time.Instant;

/** A customer organization that API keys can be issued to. */
public record Organization(OrgCode code, String name, Instant createdOn) {

  public static final int MAX_NAME_LENGTH = 128;

  /**
   * The code of the operator organization that {@code keygate init} creates: keys it owns on the
   * management API act for the whole deployment. Reserved; no other organization may take it.
   */
  public static final OrgCode OPERATOR_CODE = new OrgCode("keygate-operator");

  public Organization {
    Checks.required("organization code", code);
    name = Checks.name("organization name", name, MAX_NAME_LENGTH);
    Checks.required("organization creation time", createdOn);
  }

  /** This organization under a new name. */
  public Organization renamed(String newName) {
    return new Organization(code, newName, createdOn);
  }

  /** This organization as the owner of keys. */
  public Owner asOwner() {
    return new Owner.Org(code);
  }
}
