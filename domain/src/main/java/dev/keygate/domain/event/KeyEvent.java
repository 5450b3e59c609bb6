package dev.keygate.domain.event;

import dev.keygate.domain.Checks;
import dev.keygate.domain.TimeOrderedIds;
import dev.keygate.domain.ValidationException;
import dev.keygate.domain.key.ApiKey;
import dev.keygate.domain.key.ApiKeyId;
import dev.keygate.domain.key.ApiKeyStatus;
import dev.keygate.domain.owner.Owner;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * A lifecycle event of an API key, as the key was when it happened. It holds what a receiver needs
 * to act on the key and never any secret of it.
 *
 * @param id {@code event_} and 32 time-ordered hex digits
 * @param actor who caused it, as the audit trail names them
 * @param leak how the key was reported found, for {@link KeyEventType#LEAKED}
 */
public record KeyEvent(
    String id,
    KeyEventType type,
    Instant occurredAt,
    ApiKeyId keyId,
    String keyName,
    ApiKeyStatus keyStatus,
    Owner owner,
    Optional<Instant> expiresOn,
    String actor,
    Optional<Leak> leak) {

  private static final String PREFIX = "event_";

  public KeyEvent {
    if (!TimeOrderedIds.matches(id, PREFIX, TimeOrderedIds.HEX_LENGTH)) {
      throw new ValidationException(
          "event id must be 'event_' followed by 32 lowercase hex digits");
    }
    Checks.required("event type", type);
    Checks.required("event time", occurredAt);
    Checks.required("event key id", keyId);
    Checks.required("event key name", keyName);
    Checks.required("event key status", keyStatus);
    Checks.required("event key owner", owner);
    Checks.required("event key expiry", expiresOn);
    Checks.required("event actor", actor);
    Checks.required("event leak", leak);
    if ((type == KeyEventType.LEAKED) != leak.isPresent()) {
      throw new ValidationException("a leak is described exactly for api_key.leaked events");
    }
  }

  /** The event {@code type} of {@code key} as it is now, caused by {@code actor}. */
  public static KeyEvent of(
      KeyEventType type, ApiKey key, String actor, Optional<Leak> leak, Clock clock) {
    return new KeyEvent(
        PREFIX + TimeOrderedIds.next(clock),
        type,
        clock.instant(),
        key.id(),
        key.name(),
        key.status(),
        key.owner(),
        key.expiresOn(),
        actor,
        leak);
  }
}
