package dev.keygate.application.port.in;

import dev.keygate.domain.owner.Owner;
import java.util.Objects;

/** How far a principal's reach extends: the whole deployment, or one owner's own objects. */
public sealed interface Authority permits Authority.Deployment, Authority.OwnerOnly {

  /** Whether objects of {@code owner} are within reach. */
  boolean covers(Owner owner);

  /** The operator's authority: everything. */
  record Deployment() implements Authority {
    @Override
    public boolean covers(Owner owner) {
      return true;
    }
  }

  /** An organization admin's or a user's authority: their own keys and nothing else. */
  record OwnerOnly(Owner owner) implements Authority {
    public OwnerOnly {
      Objects.requireNonNull(owner, "owner");
    }

    @Override
    public boolean covers(Owner other) {
      return owner.equals(other);
    }
  }
}
