package dev.keygate.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keygate.domain.api.ApiId;
import dev.keygate.domain.api.ScopeId;
import dev.keygate.domain.audit.AuditAction;
import dev.keygate.domain.audit.AuditEvent;
import dev.keygate.domain.audit.AuditOutcome;
import dev.keygate.domain.key.ApiKeyId;
import dev.keygate.domain.owner.UserId;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.function.Function;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

/** Every generated id, whatever its kind, sorts by the instant it was made at. */
class TimeOrderedIdsPropertiesTest {

  private static final long MAX_MILLIS = (1L << 48) - 1;

  enum Kind {
    API_KEY("api_key_", clock -> ApiKeyId.generate(clock).value()),
    API("api_", clock -> ApiId.generate(clock).value()),
    SCOPE("api_scope_", clock -> ScopeId.generate(clock).value()),
    USER("kp_", clock -> UserId.generate(clock).value()),
    AUDIT(
        "audit_",
        clock ->
            AuditEvent.now(
                    clock,
                    "operator",
                    AuditAction.API_READ,
                    "api_x",
                    Optional.empty(),
                    AuditOutcome.SUCCEEDED,
                    "")
                .id());

    final String prefix;
    final Function<Clock, String> generate;

    Kind(String prefix, Function<Clock, String> generate) {
      this.prefix = prefix;
      this.generate = generate;
    }

    String at(long millis) {
      return generate.apply(Clock.fixed(Instant.ofEpochMilli(millis), ZoneOffset.UTC));
    }
  }

  @Property
  void givenAnyInstant_generate_writesPrefixThenTheMillisecondsAsTwelveHexDigits(
      @ForAll Kind kind, @ForAll @LongRange(min = 0, max = MAX_MILLIS) long millis) {
    String id = kind.at(millis);

    assertThat(id).startsWith(kind.prefix).hasSize(kind.prefix.length() + 32);
    String hex = id.substring(kind.prefix.length());
    assertThat(hex).matches("[0-9a-f]{32}");
    assertThat(Long.parseLong(hex.substring(0, 12), 16)).isEqualTo(millis);
  }

  @Property
  void givenTwoDifferentInstants_generate_sortsIdsInTimeOrder(
      @ForAll Kind kind,
      @ForAll @LongRange(min = 0, max = MAX_MILLIS) long first,
      @ForAll @LongRange(min = 0, max = MAX_MILLIS) long second) {
    Assume.that(first != second);

    int order = kind.at(first).compareTo(kind.at(second));

    assertThat(Integer.signum(order)).isEqualTo(Long.signum(first - second));
  }

  @Property
  void givenInstantsOneMillisecondApart_generate_sortsTheLaterOneAfter(
      @ForAll Kind kind, @ForAll @LongRange(min = 0, max = MAX_MILLIS - 1) long millis) {
    assertThat(kind.at(millis + 1)).isGreaterThan(kind.at(millis));
  }
}
