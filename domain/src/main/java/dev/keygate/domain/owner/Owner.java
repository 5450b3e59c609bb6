package dev.keygate.domain.owner;

import dev.keygate.domain.Checks;
import dev.keygate.domain.ValidationException;

/**
 * Who an API key belongs to: an organization, a user, or the deployment itself (Kinde's
 * environment-level keys), never more than one.
 */
public sealed interface Owner permits Owner.Org, Owner.User, Owner.Environment {

  /** Whether this is an organization, a user or the environment. */
  OwnerType type();

  /** The organization code, the user id, or {@value Environment#ID} for the environment. */
  String id();

  /**
   * The owner for an owner type and id, as stored or read from the wire.
   *
   * @throws ValidationException for a malformed code or id, or an environment id other than {@value
   *     Environment#ID}
   */
  static Owner of(OwnerType type, String id) {
    Checks.required("owner type", type);
    if (type == OwnerType.ORGANIZATION) {
      return new Org(new OrgCode(id));
    }
    if (type == OwnerType.USER) {
      return new User(new UserId(id));
    }
    if (!Environment.ID.equals(id)) {
      throw new ValidationException("environment owner id must be " + Environment.ID);
    }
    return new Environment();
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

  /**
   * The deployment itself as owner: Kinde's environment-level keys, which belong to neither an
   * organization nor a user. There is one environment, so every instance is equal and its id is
   * fixed. It is no organization or user record that must exist first, and it holds no grants: only
   * a caller with deployment-wide authority may issue or reach its keys.
   */
  record Environment() implements Owner {

    /**
     * The id the environment is stored and audited under. It cannot be mistaken for an organization
     * or a user, since the owner type is always stored and compared alongside it.
     */
    public static final String ID = "environment";

    @Override
    public OwnerType type() {
      return OwnerType.ENVIRONMENT;
    }

    @Override
    public String id() {
      return ID;
    }
  }
}
