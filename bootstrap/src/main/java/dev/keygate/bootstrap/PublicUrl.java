package dev.keygate.bootstrap;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The base of every link Keygate makes, such as a portal link: {@code KEYGATE_PUBLIC_URL} when it
 * is configured, else the address the server listens on. Never what a request names ({@code Host},
 * {@code X-Forwarded-Host}): whoever sends the request chooses that, and could point a customer's
 * link, key and all, at a server of their own.
 */
final class PublicUrl {

  private static final String LOOPBACK = "127.0.0.1";

  /** {@code 0.0.0.0}, {@code ::} and their longer spellings: every interface, no one address. */
  private static final Pattern WILDCARD = Pattern.compile("0+(\\.0+){3}|[0:]*::?[0:]*");

  private PublicUrl() {}

  /**
   * A configured public URL: absolute, {@code http} or {@code https}, with a host, and neither a
   * query nor a fragment (the link's own fragment follows it); a path is kept, for a server behind
   * a proxy under a prefix.
   *
   * @return the URL with its scheme in lower case and without a trailing {@code /}
   * @throws IllegalArgumentException saying what it must be
   */
  static String parse(String value) {
    String text = value.strip();
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      throw mustBe(e);
    }
    String scheme = uri.getScheme();
    if (scheme == null
        || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
        || uri.getHost() == null
        || uri.getRawUserInfo() != null
        || uri.getRawQuery() != null
        || uri.getRawFragment() != null) {
      throw mustBe(null);
    }
    String url = scheme.toLowerCase(Locale.ROOT) + text.substring(scheme.length());
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  private static IllegalArgumentException mustBe(Exception cause) {
    return new IllegalArgumentException(
        "must be an absolute http:// or https:// URL such as https://keys.example.com, without a"
            + " query or a fragment",
        cause);
  }

  /**
   * The configured public URL, else {@code port} on the configured listen address, {@code https}
   * when the server speaks TLS.
   */
  static String of(Configuration configuration, int port) {
    return configuration
        .publicUrl()
        .orElseGet(() -> listening(configuration.scheme(), configuration.host(), port));
  }

  /**
   * {@code scheme://host:port}: the address a server bound to {@code host} is reached at on this
   * machine, which is the loopback address when it listens on every interface.
   */
  static String listening(String scheme, String host, int port) {
    String bare = host.strip().replaceAll("^\\[(.*)]$", "$1");
    if (WILDCARD.matcher(bare).matches()) {
      bare = LOOPBACK;
    }
    String address = bare.contains(":") ? "[" + bare + "]" : bare;
    return scheme + "://" + address + ":" + port;
  }
}
