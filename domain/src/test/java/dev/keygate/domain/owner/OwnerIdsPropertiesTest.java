package dev.keygate.domain.owner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keygate.domain.ValidationException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class OwnerIdsPropertiesTest {

  private static final String ALLOWED =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.:-";

  @Property
  void givenOneTo64AllowedCharacters_orgCodeAndUserId_acceptTheValueUnchanged(
      @ForAll("allowedIds") String value) {
    assertThat(new OrgCode(value).value()).isEqualTo(value);
    assertThat(new UserId(value).value()).isEqualTo(value);
  }

  @Property
  void givenOneDisallowedCharacter_orgCodeAndUserId_refuseTheValue(
      @ForAll("idsWithOneDisallowedCharacter") String value) {
    assertThatThrownBy(() -> new OrgCode(value))
        .isInstanceOf(ValidationException.class)
        .hasMessage("organization code may only contain A-Z a-z 0-9 _ . : -");
    assertThatThrownBy(() -> new UserId(value))
        .isInstanceOf(ValidationException.class)
        .hasMessage("user id may only contain A-Z a-z 0-9 _ . : -");
  }

  @Provide
  Arbitrary<String> allowedIds() {
    return Arbitraries.strings().withChars(ALLOWED.toCharArray()).ofMinLength(1).ofMaxLength(64);
  }

  @Provide
  Arbitrary<String> idsWithOneDisallowedCharacter() {
    Arbitrary<Character> bad =
        Arbitraries.chars().filter(c -> ALLOWED.indexOf(c) < 0 && !Character.isSurrogate(c));
    Arbitrary<String> left =
        Arbitraries.strings().withChars(ALLOWED.toCharArray()).ofMinLength(0).ofMaxLength(31);
    Arbitrary<String> right =
        Arbitraries.strings().withChars(ALLOWED.toCharArray()).ofMinLength(0).ofMaxLength(32);
    return Combinators.combine(left, bad, right).as((l, c, r) -> l + c + r);
  }
}
