package dev.keygate.adapter.rest;

import dev.keygate.domain.token.ParsedToken;
import dev.keygate.domain.token.SecretShape;
import dev.keygate.domain.token.TokenFormat;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A request path as a log line may show it: without path parameters ({@code ;…}), and with every
 * segment that may be a token or a pasted secret replaced by {@value #REDACTED}. A careless client
 * can put a key anywhere in a URL, and the path is the one part of a request that is logged.
 */
final class LoggedPath {

  static final String REDACTED = "[redacted]";

  private LoggedPath() {}

  static String of(String path) {
    StringBuilder logged = new StringBuilder(path.length());
    int start = 0;
    while (true) {
      int end = path.indexOf('/', start);
      String segment = path.substring(start, end < 0 ? path.length() : end);
      logged.append(loggable(segment));
      if (end < 0) {
        return logged.toString();
      }
      logged.append('/');
      start = end + 1;
    }
  }

  private static String loggable(String segment) {
    // Jetty hands path parameters on as sent (jsessionid and anything else after ';'); no route
    // reads them, so they are dropped unseen.
    int parameters = segment.indexOf(';');
    String name = parameters < 0 ? segment : segment.substring(0, parameters);
    // Judged as sent and as decoded, so that percent-encoding (%3B for ';', %5F for '_') hides
    // nothing; logged as sent, so that a decoded control character cannot forge a line.
    String decoded = decoded(name);
    if (SecretShape.mayHoldSecret(name) || SecretShape.mayHoldSecret(decoded) || isToken(decoded)) {
      return REDACTED;
    }
    return name;
  }

  private static boolean isToken(String text) {
    Optional<ParsedToken> token = TokenFormat.parse(text);
    token.ifPresent(ParsedToken::wipe);
    return token.isPresent();
  }

  private static String decoded(String segment) {
    if (segment.indexOf('%') < 0) {
      return segment;
    }
    try {
      return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException notPercentEncoded) {
      return segment;
    }
  }
}
