package dev.keygate.domain.token;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class KeyPrefixPropertiesTest {

  @Property(tries = 5000)
  void givenAnyShortString_isValid_agreesWithTheRuleOfTheDesign(
      @ForAll("prefixLikeStrings") String value) {
    assertThat(KeyPrefix.isValid(value)).isEqualTo(followsTheRule(value));
  }

  /** {@code [a-z][a-z0-9_]{0,15}}, written out by hand. */
  private static boolean followsTheRule(String value) {
    if (value.isEmpty() || value.length() > 16) {
      return false;
    }
    char first = value.charAt(0);
    if (first < 'a' || first > 'z') {
      return false;
    }
    for (int i = 1; i < value.length(); i++) {
      char c = value.charAt(i);
      if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) {
        return false;
      }
    }
    return true;
  }

  @Provide
  Arbitrary<String> prefixLikeStrings() {
    return Arbitraries.strings()
        .withCharRange('a', 'z')
        .withCharRange('0', '9')
        .withChars("_-AZ .ß\n".toCharArray())
        .ofMinLength(0)
        .ofMaxLength(18);
  }
}
