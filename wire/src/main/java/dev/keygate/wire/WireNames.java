package dev.keygate.wire;

import dev.keygate.domain.ValidationException;
import dev.keygate.domain.audit.AuditAction;
import dev.keygate.domain.audit.AuditOutcome;
import dev.keygate.domain.key.ApiKeyStatus;
import dev.keygate.domain.owner.OwnerType;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The words programs and people outside the process use for the domain's enums: {@code active},
 * {@code organization}, {@code api_key_create}. Both ways, so that a query string, a request body
 * and a command-line option are read as the answers write them.
 */
public final class WireNames {

  private WireNames() {}

  /** {@code active}, {@code inactive} or {@code revoked}. */
  public static String of(ApiKeyStatus status) {
    return lowerCase(status);
  }

  /** {@code organization}, {@code user} or {@code environment}: Kinde's {@code type} of a key. */
  public static String of(OwnerType type) {
    return lowerCase(type);
  }

  /** Such as {@code api_key_create}. */
  public static String of(AuditAction action) {
    return lowerCase(action);
  }

  /** {@code succeeded} or {@code refused}. */
  public static String of(AuditOutcome outcome) {
    return lowerCase(outcome);
  }

  /** Every status's word, in the order of the statuses: what a shell may complete. */
  public static List<String> statuses() {
    return Arrays.stream(ApiKeyStatus.values()).map(WireNames::of).toList();
  }

  /**
   * Reads {@code active}, {@code inactive} or {@code revoked}.
   *
   * @param field the name the caller gave the value, such as {@code status}
   * @throws ValidationException naming {@code field}, for any other value
   */
  public static ApiKeyStatus status(String field, String value) {
    return read(ApiKeyStatus.values(), value, field + " must be one of active, inactive, revoked");
  }

  /**
   * Reads {@code organization}, {@code user} or {@code environment}.
   *
   * @param field the name the caller gave the value, such as {@code key_type}
   * @throws ValidationException naming {@code field}, for any other value
   */
  public static OwnerType ownerType(String field, String value) {
    return read(
        OwnerType.values(), value, field + " must be one of organization, user, environment");
  }

  private static <E extends Enum<E>> E read(E[] constants, String value, String refusal) {
    for (E constant : constants) {
      if (lowerCase(constant).equals(value)) {
        return constant;
      }
    }
    throw new ValidationException(refusal);
  }

  private static String lowerCase(Enum<?> constant) {
    return constant.name().toLowerCase(Locale.ROOT);
  }
}
