package dev.keygate.wire;

import dev.keygate.application.port.in.UsagePeriod;
import dev.keygate.application.port.query.UsageQuery.Granularity;
import dev.keygate.domain.ValidationException;
import dev.keygate.domain.audit.AuditAction;
import dev.keygate.domain.audit.AuditOutcome;
import dev.keygate.domain.event.KeyEventType;
import dev.keygate.domain.key.ApiKeyStatus;
import dev.keygate.domain.owner.OwnerType;
import dev.keygate.domain.policy.Refill;
import dev.keygate.domain.policy.RefillMode;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

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

  /**
   * Reads an audit action as events name it, such as {@code api_key_create}.
   *
   * @param field the name the caller gave the value, such as {@code action}
   * @throws ValidationException naming {@code field}, for any other value
   */
  public static AuditAction auditAction(String field, String value) {
    return read(
        AuditAction.values(),
        value,
        field + " must be an action as audit events name it, such as api_key_create");
  }

  /** Every audit action's word: what a shell may complete. */
  public static List<String> auditActions() {
    return Arrays.stream(AuditAction.values()).map(WireNames::of).toList();
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

  /** Every event type's wire name, such as {@code api_key.revoked}: what a shell may complete. */
  public static List<String> eventTypes() {
    return Arrays.stream(KeyEventType.values()).map(KeyEventType::wireName).toList();
  }

  /**
   * Reads a webhook's event types: at least one, each a wire name such as {@code api_key.revoked}.
   * A wrong one is named by its place, never repeated: the caller chose it.
   *
   * @param field the list's name, such as {@code event_types}
   * @return the wire names, each once, in the order given
   * @throws ValidationException naming {@code field} or the element that is wrong
   */
  public static List<String> eventTypes(String field, List<String> values) {
    if (values == null || values.isEmpty()) {
      throw new ValidationException(field + " must name at least one event type");
    }
    for (int i = 0; i < values.size(); i++) {
      String value = values.get(i);
      if (value == null) {
        throw new ValidationException(field + "[" + i + "] must not be null");
      }
      if (Arrays.stream(KeyEventType.values()).noneMatch(t -> t.wireName().equals(value))) {
        throw new ValidationException(
            field
                + "["
                + i
                + "] must be one of "
                + eventTypes().stream().collect(Collectors.joining(", ")));
      }
    }
    return values.stream().distinct().toList();
  }

  /** {@code set} or {@code add}. */
  public static String of(RefillMode mode) {
    return lowerCase(mode);
  }

  /**
   * Reads {@code set} or {@code add}.
   *
   * @throws ValidationException naming {@code field}, for any other value
   */
  public static RefillMode refillMode(String field, String value) {
    return read(RefillMode.values(), value, field + " must be set or add");
  }

  /** {@code 24h} or {@code 30d}. */
  public static String of(UsagePeriod period) {
    return period == UsagePeriod.LAST_24_HOURS ? "24h" : "30d";
  }

  /**
   * Reads {@code 24h} or {@code 30d}.
   *
   * @throws ValidationException naming {@code field}, for any other value
   */
  public static UsagePeriod usagePeriod(String field, String value) {
    for (UsagePeriod period : UsagePeriod.values()) {
      if (of(period).equals(value)) {
        return period;
      }
    }
    throw new ValidationException(field + " must be 24h or 30d");
  }

  /** {@code hour} or {@code day}. */
  public static String of(Granularity granularity) {
    return lowerCase(granularity);
  }

  /**
   * How often {@code refill} comes: {@code daily}, {@code monthly}, or its period as an ISO-8601
   * duration, in days when it is whole days ({@code P7D}, {@code PT12H}).
   */
  public static String interval(Refill refill) {
    return switch (refill.interval()) {
      case DAILY -> "daily";
      case MONTHLY -> "monthly";
      case PERIODIC -> isoDuration(refill.period().orElseThrow());
    };
  }

  /**
   * The refill {@code interval} names: {@code daily}, {@code monthly} (on {@code day}), or an
   * ISO-8601 duration such as {@code P7D} or {@code PT12H}.
   *
   * @param field the interval's name, such as {@code credits.refill.interval}
   * @param dayField the day's name, refused when {@code day} is given for anything but monthly
   * @throws ValidationException naming the field that is wrong
   */
  public static Refill refill(
      String field, String interval, long amount, String dayField, Integer day, RefillMode mode) {
    if (!"monthly".equals(interval) && day != null) {
      throw new ValidationException(dayField + " applies to monthly refills only");
    }
    if ("daily".equals(interval)) {
      return Refill.daily(amount, mode);
    }
    if ("monthly".equals(interval)) {
      int dayOfMonth = day == null ? 1 : day;
      if (dayOfMonth < 1 || dayOfMonth > 31) {
        throw new ValidationException(dayField + " must be 1-31, was " + dayOfMonth);
      }
      return Refill.monthly(amount, dayOfMonth, mode);
    }
    Duration period = period(field, interval);
    if (period.getNano() != 0
        || period.compareTo(Refill.MIN_PERIOD) < 0
        || period.compareTo(Refill.MAX_PERIOD) > 0) {
      throw new ValidationException(
          field + " must be whole seconds from PT1M to P366D, was " + interval);
    }
    return Refill.every(period, amount, mode);
  }

  private static Duration period(String field, String interval) {
    String refusal = field + " must be daily, monthly or an ISO-8601 duration such as P7D or PT12H";
    if (interval == null || !interval.startsWith("P")) {
      throw new ValidationException(refusal);
    }
    try {
      return Duration.parse(interval);
    } catch (DateTimeParseException notIso) {
      throw new ValidationException(refusal);
    }
  }

  private static String isoDuration(Duration duration) {
    long seconds = duration.toSeconds();
    return seconds % 86_400 == 0 && duration.getNano() == 0
        ? "P" + seconds / 86_400 + "D"
        : duration.toString();
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
