package dev.keygate.application.service;

import dev.keygate.application.port.in.Principal;
import dev.keygate.application.port.out.UnitOfWork;
import dev.keygate.domain.audit.AuditAction;
import dev.keygate.domain.owner.Owner;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * How a use case changes what Keygate holds: the change and its audit event as one unit of work,
 * kept together or not at all. A refusal writes nothing but its own event, which is recorded where
 * it happens, before any unit begins.
 */
final class Changes {

  private final UnitOfWork unitOfWork;
  private final AuditTrail trail;

  Changes(UnitOfWork unitOfWork, AuditTrail trail) {
    this.unitOfWork = unitOfWork;
    this.trail = trail;
  }

  /**
   * Makes {@code change} and records it as {@code action} on {@code target} by {@code principal},
   * in one unit.
   *
   * @param owner whose trail the event belongs to, given what the change returned
   */
  <T> T make(
      Principal principal,
      AuditAction action,
      String target,
      Function<T, Optional<Owner>> owner,
      Supplier<T> change) {
    return unitOfWork.inTransaction(
        () -> {
          T made = change.get();
          trail.succeeded(principal, action, target, owner.apply(made));
          return made;
        });
  }

  /** {@link #make} of a change that returns nothing. */
  void make(
      Principal principal,
      AuditAction action,
      String target,
      Optional<Owner> owner,
      Runnable change) {
    make(
        principal,
        action,
        target,
        made -> owner,
        () -> {
          change.run();
          return null;
        });
  }

  /** Runs {@code work}, such as several changes, as one unit that the changes join. */
  <T> T together(Supplier<T> work) {
    return unitOfWork.inTransaction(work);
  }
}
