package dev.keygate.application.port.query;

import dev.keygate.domain.audit.AuditEvent;
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

  /** The first page of every event. */
  public static AuditQuery all(PageRequest page) {
    return new AuditQuery(Optional.empty(), Optional.empty(), page);
  }

  /** The events of the object with id {@code target}, such as one API key. */
  public static AuditQuery of(String target, PageRequest page) {
    return new AuditQuery(Optional.of(target), Optional.empty(), page);
  }

  /** This query narrowed to events about objects of {@code owner}. */
  public AuditQuery ownedBy(Owner owner) {
    return new AuditQuery(target, Optional.of(owner), page);
  }

  /** Whether {@code event} passes the filters (the page aside). */
  public boolean matches(AuditEvent event) {
    return target.map(t -> t.equals(event.target())).orElse(true)
        && targetOwner.map(o -> event.targetOwner().equals(Optional.of(o))).orElse(true);
  }
}
