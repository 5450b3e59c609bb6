package dev.keygate.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TimeOrderedIdsTest {

  @Test
  void givenClock_next_isTwelveTimestampDigitsThenTwentyRandomOnes() {
    Clock clock = Clock.fixed(Instant.ofEpochMilli(0x0123456789abL), ZoneOffset.UTC);

    String body = TimeOrderedIds.next(clock);

    assertThat(body).hasSize(TimeOrderedIds.HEX_LENGTH).matches("[0-9a-f]{32}");
    assertThat(body.substring(0, 12)).isEqualTo("0123456789ab");
  }

  @Test
  void givenEpoch_next_startsWithTwelveZeros() {
    Clock clock = Clock.fixed(Instant.EPOCH, ZoneOffset.UTC);

    assertThat(TimeOrderedIds.next(clock)).startsWith("000000000000");
  }

  @Test
  void givenOneInstant_next_variesInItsRandomPart() {
    Clock clock = Clock.fixed(Instant.parse("2025-03-01T10:00:00Z"), ZoneOffset.UTC);
    Set<String> bodies = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      bodies.add(TimeOrderedIds.next(clock));
    }

    assertThat(bodies).hasSize(1000);
  }

  @Test
  void givenOneInstant_next_sortsInTheOrderTheIdsWereMade() {
    Clock clock = Clock.fixed(Instant.parse("2025-03-01T10:00:00Z"), ZoneOffset.UTC);
    List<String> made = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      made.add(TimeOrderedIds.next(clock));
    }

    assertThat(made).isSorted();
  }

  @Test
  void givenAClockThatWentBack_next_stillCarriesThatClocksTimestamp() {
    TimeOrderedIds.next(Clock.fixed(Instant.ofEpochMilli(0x0000000f0000L), ZoneOffset.UTC));

    String earlier =
        TimeOrderedIds.next(Clock.fixed(Instant.ofEpochMilli(0x000000000abcL), ZoneOffset.UTC));

    assertThat(earlier).startsWith("000000000abc");
  }

  @Test
  void givenCounts_randomHex_givesThatManyLowercaseHexDigits() {
    assertThat(TimeOrderedIds.randomHex(12)).matches("[0-9a-f]{12}");
    assertThat(TimeOrderedIds.randomHex(5)).matches("[0-9a-f]{5}");
    assertThat(TimeOrderedIds.randomHex(1)).matches("[0-9a-f]");
    assertThat(TimeOrderedIds.randomHex(0)).isEmpty();
  }

  @Test
  void givenShapes_matches_acceptsOnlyPrefixPlusExactlyThatManyLowercaseHexDigits() {
    assertThat(TimeOrderedIds.matches("x_0af9", "x_", 4)).isTrue();
    assertThat(TimeOrderedIds.matches("x_0af", "x_", 4)).isFalse();
    assertThat(TimeOrderedIds.matches("x_0af99", "x_", 4)).isFalse();
    assertThat(TimeOrderedIds.matches("x_0aF9", "x_", 4)).isFalse();
    assertThat(TimeOrderedIds.matches("x_0ag9", "x_", 4)).isFalse();
    assertThat(TimeOrderedIds.matches("y_0af9", "x_", 4)).isFalse();
    assertThat(TimeOrderedIds.matches(null, "x_", 4)).isFalse();
  }
}
