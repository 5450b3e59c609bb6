package dev.keygate.domain.event;

import dev.keygate.domain.ValidationException;
import dev.keygate.domain.audit.AuditAction;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** A kind of lifecycle event of an API key, named on the wire as {@code api_key.<verb>}. */
public enum KeyEventType {
  CREATED("api_key.created"),
  ROTATED("api_key.rotated"),
  REVOKED("api_key.revoked"),
  DISABLED("api_key.disabled"),
  ENABLED("api_key.enabled"),
  /** The key expires within the deployment's notice period. */
  EXPIRING("api_key.expiring"),
  EXPIRED("api_key.expired"),
  /** The key's secret was found in public: reported by a secret scanner or by whoever found it. */
  LEAKED("api_key.leaked");

  private final String wireName;

  KeyEventType(String wireName) {
    this.wireName = wireName;
  }

  /** The name on the wire, such as {@code api_key.revoked}. */
  public String wireName() {
    return wireName;
  }

  /**
   * The type named {@code wireName}.
   *
   * @throws ValidationException naming the types there are, when it names none
   */
  public static KeyEventType fromWire(String wireName) {
    return Arrays.stream(values())
        .filter(type -> type.wireName.equals(wireName))
        .findFirst()
        .orElseThrow(
            () ->
                new ValidationException(
                    "unknown event type '"
                        + wireName
                        + "'; known: "
                        + Arrays.stream(values())
                            .map(KeyEventType::wireName)
                            .collect(Collectors.joining(", "))));
  }

  /** The event a caller's change of a key makes, if that change makes one. */
  public static Optional<KeyEventType> of(AuditAction action) {
    return Optional.ofNullable(
        switch (action) {
          case API_KEY_CREATE -> CREATED;
          case API_KEY_ROTATE -> ROTATED;
          case API_KEY_REVOKE -> REVOKED;
          case API_KEY_DISABLE -> DISABLED;
          case API_KEY_ENABLE -> ENABLED;
          default -> null;
        });
  }
}
