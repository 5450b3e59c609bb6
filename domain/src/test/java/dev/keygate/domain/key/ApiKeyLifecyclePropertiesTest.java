package dev.keygate.domain.key;

import static dev.keygate.domain.key.TestKeys.T0;
import static dev.keygate.domain.key.TestKeys.anOrgKey;
import static dev.keygate.domain.key.TestKeys.secret;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random sequences of transitions, checked step by step against a model of the rules written apart
 * from {@link ApiKey}: which transitions are legal from which status (active and inactive swap,
 * either may be revoked, revoked is final), and when each secret stops working.
 */
class ApiKeyLifecyclePropertiesTest {

  enum Kind {
    DISABLE,
    ENABLE,
    REVOKE,
    ROTATE
  }

  /** One step: the transition, the minutes that pass before it, and a rotation's grace. */
  record Step(Kind kind, int minutesLater, int graceMinutes) {}

  @Property(tries = 2000)
  void givenAnySequenceOfTransitions_key_followsTheModel(@ForAll("steps") List<Step> steps) {
    ApiKey key = anOrgKey();
    ApiKeyStatus status = ApiKeyStatus.ACTIVE;
    Optional<Instant> revokedOn = Optional.empty();
    Map<String, Optional<Instant>> secrets = new LinkedHashMap<>();
    secrets.put("AAAAAAAAAAA1", Optional.empty());
    Instant now = T0;
    int issued = 0;

    for (Step step : steps) {
      now = now.plus(Duration.ofMinutes(step.minutesLater()));
      ApiKey before = key;
      Instant at = now;
      switch (step.kind()) {
        case DISABLE:
          if (status == ApiKeyStatus.ACTIVE) {
            key = key.disable();
            status = ApiKeyStatus.INACTIVE;
          } else {
            assertThatThrownBy(before::disable).isInstanceOf(IllegalKeyTransitionException.class);
          }
          break;
        case ENABLE:
          if (status == ApiKeyStatus.INACTIVE) {
            key = key.enable();
            status = ApiKeyStatus.ACTIVE;
          } else {
            assertThatThrownBy(before::enable).isInstanceOf(IllegalKeyTransitionException.class);
          }
          break;
        case REVOKE:
          if (status != ApiKeyStatus.REVOKED) {
            key = key.revoke(at);
            status = ApiKeyStatus.REVOKED;
            revokedOn = Optional.of(at);
          } else {
            assertThatThrownBy(() -> before.revoke(at))
                .isInstanceOf(IllegalKeyTransitionException.class);
          }
          break;
        case ROTATE:
          issued++;
          String lookup = String.format("R%011d", issued);
          Duration grace = Duration.ofMinutes(step.graceMinutes());
          if (status != ApiKeyStatus.REVOKED) {
            key = key.rotate(secret(lookup, at), grace, at);
            Instant deadline = at.plus(grace);
            Map<String, Optional<Instant>> kept = new LinkedHashMap<>();
            secrets.forEach(
                (l, expiry) -> {
                  Instant until =
                      expiry.isPresent() && expiry.get().isBefore(deadline)
                          ? expiry.get()
                          : deadline;
                  if (until.isAfter(at)) {
                    kept.put(l, Optional.of(until));
                  }
                });
            kept.put(lookup, Optional.empty());
            secrets = kept;
          } else {
            assertThatThrownBy(() -> before.rotate(secret(lookup, at), grace, at))
                .isInstanceOf(IllegalKeyTransitionException.class);
          }
          break;
        default:
          throw new AssertionError(step.kind());
      }

      assertThat(key.status()).isEqualTo(status);
      assertThat(key.revokedOn()).isEqualTo(revokedOn);
      assertThat(key.id()).isEqualTo(TestKeys.KEY_ID);
      assertThat(key.version()).isZero();
      List<String> lookups = new ArrayList<>();
      List<Optional<Instant>> expiries = new ArrayList<>();
      key.secrets()
          .forEach(
              s -> {
                lookups.add(s.lookup().value());
                expiries.add(s.expiresOn());
              });
      assertThat(lookups).containsExactlyElementsOf(secrets.keySet());
      assertThat(expiries).containsExactlyElementsOf(secrets.values());
      assertThat(key.secrets().stream().filter(s -> !s.isExpiredAt(at)).count())
          .as("secrets that still open the key")
          .isGreaterThanOrEqualTo(1);
    }
  }

  @Provide
  Arbitrary<List<Step>> steps() {
    Arbitrary<Step> step =
        Combinators.combine(
                Arbitraries.of(Kind.class),
                Arbitraries.integers().between(0, 90),
                Arbitraries.integers().between(0, 120))
            .as(Step::new);
    return step.list().ofMinSize(1).ofMaxSize(20);
  }
}
