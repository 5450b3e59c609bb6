package dev.keygate.application.service;

import dev.keygate.application.port.out.Outbox;
import dev.keygate.domain.audit.AuditAction;
import dev.keygate.domain.event.KeyEvent;
import dev.keygate.domain.event.KeyEventType;
import dev.keygate.domain.event.Leak;
import dev.keygate.domain.key.ApiKey;
import dev.keygate.domain.key.ApiKeyStatus;
import java.time.Clock;
import java.util.Optional;

/**
 * Tells the webhooks what became of a key: appends its event to the outbox, inside the unit that
 * makes the change, so the event is kept exactly when the change is.
 */
final class KeyEvents {

  private final Outbox outbox;
  private final Clock clock;

  KeyEvents(Outbox outbox, Clock clock) {
    this.outbox = outbox;
    this.clock = clock;
  }

  /**
   * The event {@code action} makes of {@code after}, the key as stored by it, if it makes one. A
   * change of the key's status by another action, such as an update that sets it inactive, tells
   * what a disable or an enable would.
   *
   * @param before the key as it was read for the change, when known
   */
  void changed(AuditAction action, Optional<ApiKey> before, ApiKey after, String actor) {
    Optional<KeyEventType> type = KeyEventType.of(action);
    if (type.isEmpty() && before.isPresent() && before.get().status() != after.status()) {
      type = Optional.of(statusEvent(after.status()));
    }
    type.ifPresent(made -> append(made, after, actor));
  }

  private static KeyEventType statusEvent(ApiKeyStatus status) {
    return switch (status) {
      case ACTIVE -> KeyEventType.ENABLED;
      case INACTIVE -> KeyEventType.DISABLED;
      case REVOKED -> KeyEventType.REVOKED;
    };
  }

  void append(KeyEventType type, ApiKey key, String actor) {
    outbox.append(KeyEvent.of(type, key, actor, Optional.empty(), clock), Optional.empty());
  }

  void leaked(ApiKey key, String actor, Leak leak) {
    outbox.append(
        KeyEvent.of(KeyEventType.LEAKED, key, actor, Optional.of(leak), clock), Optional.empty());
  }

  /**
   * Appends the event unless one was appended under {@code onceKey} before.
   *
   * @return whether it was appended
   */
  boolean once(KeyEventType type, ApiKey key, String actor, String onceKey) {
    return outbox.append(
        KeyEvent.of(type, key, actor, Optional.empty(), clock), Optional.of(onceKey));
  }
}
