package dev.keygate.domain.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

class TokenFormatTest {

  private static final KeyPrefix PREFIX = KeyPrefix.DEFAULT;
  private static final SecretLookup LOOKUP = new SecretLookup("AbC123dEf456");
  private static final String SECRET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefg";
  private static final String HEAD = "k_live_AbC123dEf456" + SECRET;

  /** Computed outside Java (Python's zlib.crc32): CRC32 = 1018642666 = 0x3cb740ea. */
  private static final String KNOWN_TOKEN = HEAD + "16w7UQ";

  @Test
  void givenKnownInput_compose_appendsTheCrc32OfTheHeadInSixBase62Digits() {
    // 1018642666 = 1*62^5 + 6*62^4 + 58*62^3 + 7*62^2 + 30*62 + 26 -> "1", "6", "w", "7", "U", "Q"
    PlaintextKey key = TokenFormat.compose(PREFIX, LOOKUP, SECRET.toCharArray());

    assertThat(key.reveal()).isEqualTo(KNOWN_TOKEN);
  }

  @Test
  void givenKnownInput_compose_agreesWithJavaUtilZipCrc32() {
    CRC32 crc = new CRC32();
    crc.update(HEAD.getBytes(StandardCharsets.US_ASCII));
    long value = crc.getValue();
    StringBuilder digits = new StringBuilder();
    for (int i = 0; i < 6; i++) {
      digits.insert(0, Tokens.BASE62.charAt((int) (value % 62)));
      value /= 62;
    }

    String token = TokenFormat.compose(PREFIX, LOOKUP, SECRET.toCharArray()).reveal();

    assertThat(token).isEqualTo(HEAD + digits);
  }

  @Test
  void givenSmallCrc_compose_padsTheChecksumWithLeadingZeros() {
    // CRC32 of this head is below 62^4, found outside Java (Python's zlib.crc32).
    String secret = "0".repeat(41) + "1a";

    String token =
        TokenFormat.compose(PREFIX, new SecretLookup("000000000000"), secret.toCharArray())
            .reveal();

    assertThat(token).isEqualTo("k_live_000000000000" + secret + "00AHG9");
    assertThat(TokenFormat.parse(token)).isPresent();
  }

  @Test
  void givenKnownToken_parse_splitsItIntoPrefixLookupAndSecret() {
    ParsedToken parsed = TokenFormat.parse(KNOWN_TOKEN).orElseThrow();

    assertThat(parsed.prefix()).isEqualTo(PREFIX);
    assertThat(parsed.lookup()).isEqualTo(LOOKUP);
    assertThat(new String(parsed.secret())).isEqualTo(SECRET);
    assertThat(new String(parsed.token())).isEqualTo(KNOWN_TOKEN);
  }

  @Test
  void givenKnownTokenAsStringBuilder_parse_acceptsAnyCharSequence() {
    assertThat(TokenFormat.parse(new StringBuilder(KNOWN_TOKEN)))
        .hasValueSatisfying(p -> assertThat(p.lookup()).isEqualTo(LOOKUP));
  }

  @Test
  void givenWrongChecksum_parse_refusesTheToken() {
    assertThat(TokenFormat.parse(HEAD + "16w7UR")).isEmpty();
    assertThat(TokenFormat.parse(HEAD + "000000")).isEmpty();
  }

  @Test
  void givenChecksumLargerThanAnyCrc_parse_refusesTheToken() {
    assertThat(TokenFormat.parse(HEAD + "zzzzzz")).isEmpty();
  }

  @Test
  void givenNull_parse_isEmpty() {
    assertThat(TokenFormat.parse(null)).isEmpty();
  }

  @Test
  void givenShortestPrefix_composeAndParse_roundTrip() {
    String token = Tokens.token("k", "zzzzzzzzzzzz", "Z".repeat(43));

    assertThat(
            TokenFormat.compose(
                    new KeyPrefix("k"),
                    new SecretLookup("zzzzzzzzzzzz"),
                    "Z".repeat(43).toCharArray())
                .reveal())
        .isEqualTo(token);
    assertThat(TokenFormat.parse(token))
        .hasValueSatisfying(p -> assertThat(p.prefix().value()).isEqualTo("k"));
  }

  @Test
  void givenLongestPrefix_composeAndParse_roundTrip() {
    String prefix = "abcdefghij_12345";
    String token = Tokens.token(prefix, "AAAAAAAAAAAA", "a".repeat(43));

    assertThat(
            TokenFormat.compose(
                    new KeyPrefix(prefix),
                    new SecretLookup("AAAAAAAAAAAA"),
                    "a".repeat(43).toCharArray())
                .reveal())
        .isEqualTo(token);
    assertThat(TokenFormat.parse(token))
        .hasValueSatisfying(p -> assertThat(p.prefix().value()).isEqualTo(prefix));
  }

  @Test
  void givenPrefixEndingInUnderscore_parse_stillFindsTheParts() {
    String token = Tokens.token("acme_", "AbC123dEf456", SECRET);

    ParsedToken parsed = TokenFormat.parse(token).orElseThrow();

    assertThat(token).startsWith("acme__AbC123");
    assertThat(parsed.prefix().value()).isEqualTo("acme_");
    assertThat(parsed.lookup()).isEqualTo(LOOKUP);
    assertThat(new String(parsed.secret())).isEqualTo(SECRET);
  }

  @Test
  void givenPrefixTooLong_parse_refusesEvenWithAGoodChecksum() {
    String token = Tokens.token("abcdefghijklmnopq", "AbC123dEf456", SECRET);

    assertThat(TokenFormat.parse(token)).isEmpty();
  }

  @Test
  void givenUppercasePrefix_parse_refusesEvenWithAGoodChecksum() {
    assertThat(TokenFormat.parse(Tokens.token("K_live", "AbC123dEf456", SECRET))).isEmpty();
  }

  @Test
  void givenSecretOfWrongLength_compose_isRefused() {
    assertThatThrownBy(() -> TokenFormat.compose(PREFIX, LOOKUP, new char[42]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a secret is 43 base62 characters");
    assertThatThrownBy(() -> TokenFormat.compose(PREFIX, LOOKUP, "a".repeat(44).toCharArray()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a secret is 43 base62 characters");
  }

  @Test
  void givenSecretWithNonBase62Character_compose_isRefused() {
    char[] secret = SECRET.toCharArray();
    secret[20] = '_';

    assertThatThrownBy(() -> TokenFormat.compose(PREFIX, LOOKUP, secret))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a secret is 43 base62 characters");
  }

  @Test
  void givenComposedKey_wipingTheCallersSecret_leavesTheKeyIntact() {
    char[] secret = SECRET.toCharArray();
    PlaintextKey key = TokenFormat.compose(PREFIX, LOOKUP, secret);

    Arrays.fill(secret, '\0');

    assertThat(key.reveal()).isEqualTo(KNOWN_TOKEN);
  }

  @Test
  void givenPrefixAndLookup_displayPrefix_isPrefixUnderscoreAndFirstSixOfTheLookup() {
    assertThat(TokenFormat.displayPrefix(PREFIX, LOOKUP)).isEqualTo("k_live_AbC123");
    assertThat(TokenFormat.displayPrefix(new KeyPrefix("acme"), new SecretLookup("zyxwvu987654")))
        .isEqualTo("acme_zyxwvu");
  }

  @Test
  void givenComposedKey_displayPrefix_isTheStartOfTheToken() {
    String token = TokenFormat.compose(PREFIX, LOOKUP, SECRET.toCharArray()).reveal();

    assertThat(token).startsWith(TokenFormat.displayPrefix(PREFIX, LOOKUP));
  }

  @Test
  void givenLengths_constants_matchTheDesign() {
    assertThat(TokenFormat.LOOKUP_LENGTH).isEqualTo(12);
    assertThat(TokenFormat.SECRET_LENGTH).isEqualTo(43);
    assertThat(TokenFormat.CHECKSUM_LENGTH).isEqualTo(6);
    assertThat(TokenFormat.SUFFIX_LENGTH).isEqualTo(4);
  }
}
