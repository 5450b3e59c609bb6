package dev.keygate.domain.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The token format against an oracle written from its description alone ({@link Tokens}): round
 * trip, and refusal of every near miss.
 */
class TokenFormatPropertiesTest {

  /** Every base62 digit, the separator, and a few characters a typo or a paste brings in. */
  private static final String REPLACEMENTS = Tokens.BASE62 + "_-. +/=\t\0é";

  @Property(tries = 10000)
  void givenRandomParts_composeThenParse_givesBackTheSamePrefixLookupAndSecret(
      @ForAll("prefixes") String prefix,
      @ForAll("lookups") String lookup,
      @ForAll("secrets") String secret) {
    PlaintextKey key =
        TokenFormat.compose(new KeyPrefix(prefix), new SecretLookup(lookup), secret.toCharArray());
    String token = key.reveal();

    assertThat(token).isEqualTo(Tokens.token(prefix, lookup, secret));
    ParsedToken parsed = TokenFormat.parse(token).orElseThrow();
    assertThat(parsed.prefix().value()).isEqualTo(prefix);
    assertThat(parsed.lookup().value()).isEqualTo(lookup);
    assertThat(new String(parsed.secret())).isEqualTo(secret);
    assertThat(new String(parsed.token())).isEqualTo(token);
    assertThat(key.suffix()).isEqualTo(token.substring(token.length() - 4));
    assertThat(TokenFormat.displayPrefix(parsed.prefix(), parsed.lookup()))
        .isEqualTo(prefix + "_" + lookup.substring(0, 6));
  }

  @Property(tries = 300)
  void givenAnySingleCharacterChanged_parse_refusesTheToken(@ForAll("tokens") String token) {
    assertThat(TokenFormat.parse(token)).isPresent();
    List<String> accepted = new ArrayList<>();

    for (int i = 0; i < token.length(); i++) {
      for (char replacement : REPLACEMENTS.toCharArray()) {
        if (replacement == token.charAt(i)) {
          continue;
        }
        String changed = token.substring(0, i) + replacement + token.substring(i + 1);
        if (TokenFormat.parse(changed).isPresent()) {
          accepted.add(changed);
        }
      }
    }

    assertThat(accepted).isEmpty();
  }

  @Property(tries = 1000)
  void givenTokenCutShortAtEitherEnd_parse_refusesIt(@ForAll("tokens") String token) {
    List<String> accepted = new ArrayList<>();

    for (int length = 0; length < token.length(); length++) {
      String head = token.substring(0, length);
      String tail = token.substring(token.length() - length);
      if (TokenFormat.parse(head).isPresent()) {
        accepted.add(head);
      }
      if (TokenFormat.parse(tail).isPresent()) {
        accepted.add(tail);
      }
    }

    assertThat(accepted).isEmpty();
  }

  @Property(tries = 1000)
  void givenAnyOneCharacterDeleted_parse_refusesTheToken(@ForAll("tokens") String token) {
    List<String> accepted = new ArrayList<>();

    for (int i = 0; i < token.length(); i++) {
      String shorter = token.substring(0, i) + token.substring(i + 1);
      if (TokenFormat.parse(shorter).isPresent()) {
        accepted.add(shorter);
      }
    }

    assertThat(accepted).isEmpty();
  }

  @Property(tries = 1000)
  void givenTokenExtendedAtEitherEnd_parse_refusesIt(
      @ForAll("tokens") String token, @ForAll("extensions") String extra) {
    assertThat(TokenFormat.parse(token + extra)).isEmpty();
    assertThat(TokenFormat.parse(extra + token)).isEmpty();
  }

  @Property(tries = 300)
  void givenOneCharacterInsertedAnywhere_parse_refusesTheToken(@ForAll("tokens") String token) {
    List<String> accepted = new ArrayList<>();

    for (int i = 0; i <= token.length(); i++) {
      for (char inserted : REPLACEMENTS.toCharArray()) {
        String longer = token.substring(0, i) + inserted + token.substring(i);
        if (TokenFormat.parse(longer).isPresent()) {
          accepted.add(longer);
        }
      }
    }

    assertThat(accepted).isEmpty();
  }

  @Property(tries = 10000)
  void givenArbitraryString_parse_neverThrowsAndAcceptsOnlyWhatItCanRebuild(
      @ForAll String candidate) {
    assertParsesConsistently(candidate);
  }

  @Property(tries = 10000)
  void givenTokenShapedNoise_parse_neverThrowsAndAcceptsOnlyWhatItCanRebuild(
      @ForAll("tokenShapedNoise") String candidate) {
    assertParsesConsistently(candidate);
  }

  @Property(tries = 2000)
  void givenWellShapedCandidate_parse_acceptsItExactlyWhenTheChecksumMatches(
      @ForAll("prefixes") String prefix,
      @ForAll("lookups") String lookup,
      @ForAll("secrets") String secret,
      @ForAll("checksums") String checksum) {
    String head = prefix + "_" + lookup + secret;
    boolean matches = checksum.equals(Tokens.checksum(head));

    assertThat(TokenFormat.parse(head + checksum).isPresent()).isEqualTo(matches);
    assertThat(TokenFormat.parse(head + Tokens.checksum(head))).isPresent();
  }

  private static void assertParsesConsistently(String candidate) {
    assertThatCode(() -> TokenFormat.parse(candidate)).doesNotThrowAnyException();
    Optional<ParsedToken> parsed = TokenFormat.parse(candidate);
    parsed.ifPresent(
        p ->
            assertThat(TokenFormat.compose(p.prefix(), p.lookup(), p.secret()).reveal())
                .isEqualTo(candidate));
  }

  @Provide
  Arbitrary<String> prefixes() {
    Arbitrary<Character> first = Arbitraries.chars().range('a', 'z');
    Arbitrary<String> rest =
        Arbitraries.strings()
            .withCharRange('a', 'z')
            .withCharRange('0', '9')
            .withChars('_')
            .ofMinLength(0)
            .ofMaxLength(15);
    return Combinators.combine(first, rest).as((f, r) -> f + r);
  }

  @Provide
  Arbitrary<String> lookups() {
    return base62(12);
  }

  @Provide
  Arbitrary<String> secrets() {
    return base62(43);
  }

  @Provide
  Arbitrary<String> checksums() {
    return base62(6);
  }

  @Provide
  Arbitrary<String> tokens() {
    return Combinators.combine(prefixes(), lookups(), secrets()).as(Tokens::token);
  }

  @Provide
  Arbitrary<String> extensions() {
    return Arbitraries.strings()
        .withChars(REPLACEMENTS.toCharArray())
        .ofMinLength(1)
        .ofMaxLength(5);
  }

  @Provide
  Arbitrary<String> tokenShapedNoise() {
    return Arbitraries.strings()
        .withChars((Tokens.BASE62 + "_-").toCharArray())
        .ofMinLength(60)
        .ofMaxLength(80);
  }

  private static Arbitrary<String> base62(int length) {
    return Arbitraries.strings()
        .withCharRange('0', '9')
        .withCharRange('A', 'Z')
        .withCharRange('a', 'z')
        .ofLength(length);
  }
}
