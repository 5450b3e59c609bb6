package dev.keygate.domain.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ParsedTokenTest {

  private static final String SECRET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefg";
  private static final String TOKEN = Tokens.token("k_live", "AbC123dEf456", SECRET);

  private static ParsedToken parsed() {
    return TokenFormat.parse(TOKEN).orElseThrow();
  }

  @Test
  void givenParsedToken_toString_showsPrefixAndLookupButNeverTheSecret() {
    String text = parsed().toString();

    assertThat(text)
        .isEqualTo("ParsedToken[prefix=k_live, lookup=AbC123dEf456, secret=***]")
        .doesNotContain(SECRET)
        .doesNotContain(SECRET.substring(0, 8))
        .doesNotContain(TOKEN);
  }

  @Test
  void givenParsedToken_secret_isAFreshCopyEachTime() {
    ParsedToken parsed = parsed();
    char[] first = parsed.secret();

    Arrays.fill(first, '\0');

    assertThat(new String(parsed.secret())).isEqualTo(SECRET);
  }

  @Test
  void givenParsedToken_token_isAFreshCopyEachTime() {
    ParsedToken parsed = parsed();
    char[] first = parsed.token();

    Arrays.fill(first, '\0');

    assertThat(new String(parsed.token())).isEqualTo(TOKEN);
    assertThat(new String(parsed.secret())).isEqualTo(SECRET);
  }
}
