package dev.keygate.application.port.query;

import dev.keygate.domain.owner.Owner;
import java.util.Objects;
import java.util.Optional;

/** Which audit events to list, oldest first: all, or those of one target or one owner. */
public record AuditQuery(Optional<String> target, Optional<Owner> targetOwner, PageRequest page) {

  public AuditQuery {
    Objects.requireNonNull(target, "audit target filter");
    Objects.requireNonNull(targetOwner, "audit owner filter");
    Objects.requireNonNull(page, "page");
  }

  /** This query narrowed to events about objects of {@code owner}. */
  public AuditQuery ownedBy(Owner owner) {
    return new AuditQuery(target, Optional.of(owner), page);
  }
}
