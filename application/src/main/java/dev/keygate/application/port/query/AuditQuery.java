package dev.keygate.application.port.query;

import dev.keygate.domain.Checks;
import dev.keygate.domain.ValidationException;
import dev.keygate.domain.audit.AuditAction;
import dev.keygate.domain.audit.AuditEvent;
import dev.keygate.domain.owner.Owner;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Which audit events to list, and in which order; an empty filter does not filter. Events are paged
 * by keyset on their time-ordered ids: the cursor is the last id seen, in either order.
 *
 * @param target events about this object, such as an API key's id
 * @param targetOwner events in this owner's trail: about its objects, or calls it made refused
 * @param action events of this action only
 * @param actor events by this actor only, named as events name it ({@code cli:alice}, {@code
 *     api_key:api_key_…})
 * @param since events at or after this instant
 * @param until events before this instant
 */
public record AuditQuery(
    Optional<String> target,
    Optional<Owner> targetOwner,
    Optional<AuditAction> action,
    Optional<String> actor,
    Optional<Instant> since,
    Optional<Instant> until,
    Order order,
    PageRequest page) {

  /** The longest actor the trail records. */
  public static final int MAX_ACTOR_LENGTH = 128;

  /** The order events are listed in. */
  public enum Order {
    /** Oldest first: the default, the order a trail is read in. */
    OLDEST_FIRST,
    /** Newest first: what just happened, first. */
    NEWEST_FIRST
  }

  public AuditQuery {
    Objects.requireNonNull(target, "audit target filter");
    Objects.requireNonNull(targetOwner, "audit owner filter");
    Objects.requireNonNull(action, "audit action filter");
    Objects.requireNonNull(actor, "audit actor filter");
    Objects.requireNonNull(since, "audit since filter");
    Objects.requireNonNull(until, "audit until filter");
    Objects.requireNonNull(order, "audit order");
    Objects.requireNonNull(page, "page");
    // As the trail records actors: 1-128 characters, no control characters.
    actor = actor.map(name -> Checks.name("actor", name, MAX_ACTOR_LENGTH));
    if (since.isPresent() && until.isPresent() && !since.get().isBefore(until.get())) {
      throw new ValidationException("since must be before until");
    }
  }

  /** Events of one target or all, of any owner, action, actor and time, oldest first. */
  public AuditQuery(Optional<String> target, Optional<Owner> targetOwner, PageRequest page) {
    this(
        target,
        targetOwner,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Order.OLDEST_FIRST,
        page);
  }

  /** This query narrowed to events about objects of {@code owner}. */
  public AuditQuery ownedBy(Owner owner) {
    return new AuditQuery(target, Optional.of(owner), action, actor, since, until, order, page);
  }

  /** Whether {@code event} passes every filter, as every audit log decides it (not the cursor). */
  public boolean matches(AuditEvent event) {
    return target.map(event.target()::equals).orElse(true)
        && targetOwner.map(owner -> event.targetOwner().equals(Optional.of(owner))).orElse(true)
        && action.map(wanted -> wanted == event.action()).orElse(true)
        && actor.map(event.actor()::equals).orElse(true)
        && since.map(from -> !event.occurredOn().isBefore(from)).orElse(true)
        && until.map(before -> event.occurredOn().isBefore(before)).orElse(true);
  }

  /** Whether an event with {@code id} lies past the cursor, in this query's order. */
  public boolean admits(String id) {
    return page.startingAfter()
        .map(
            after ->
                order == Order.OLDEST_FIRST ? id.compareTo(after) > 0 : id.compareTo(after) < 0)
        .orElse(true);
  }
}
