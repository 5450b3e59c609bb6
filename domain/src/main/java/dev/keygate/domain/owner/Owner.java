package dev.keygate.domain.owner;

import dev.keygate.domain.Checks;

/** Who an API key belongs to: an organization or a user, never both. */
public sealed interface Owner permits Owner.Org, Owner.User {

  /** Whether this is an organization or a user. */
  OwnerType type();

  /** The organization code or the user id. */
  String id();

  /** The owner for an organization code or a user id, as read from the wire. */
  static Owner of(OwnerType type, String id) {
    Checks.required("owner type", type);
    return type == OwnerType.ORGANIZATION ? new Org(new OrgCode(id)) : new User(new UserId(id));
  }

  /** An organization as owner. */
  record Org(OrgCode code) implements Owner {
    public Org {
      Checks.required("organization code", code);
    }

    @Override
    public OwnerType type() {
      return OwnerType.ORGANIZATION;
    }

    @Override
    public String id() {
      return code.value();
    }
  }

  /** A user as owner. */
  record User(UserId userId) implements Owner {
    public User {
      Checks.required("user id", userId);
    }

    @Override
    public OwnerType type() {
      return OwnerType.USER;
    }

    @Override
    public String id() {
      return userId.value();
    }
  }
}
