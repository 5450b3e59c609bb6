package dev.keygate.domain.policy;

import dev.keygate.domain.Checks;
import dev.keygate.domain.ValidationException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An IPv4 or IPv6 network in CIDR notation, such as {@code 203.0.113.0/24} or {@code
 * 2001:db8::/32}; a single address is its own network ({@code /32}, {@code /128}). Host bits are
 * cleared, so {@code 203.0.113.7/24} is {@code 203.0.113.0/24}. An IPv4 address written as IPv6
 * ({@code ::ffff:203.0.113.7}) is the IPv4 address. Only literals are parsed: no name is ever
 * looked up.
 */
public final class IpRange {

  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

  private final byte[] network;
  private final int prefix;

  private IpRange(byte[] network, int prefix) {
    this.network = network;
    this.prefix = prefix;
  }

  /**
   * The network {@code text} names.
   *
   * @throws ValidationException if it is no IPv4 or IPv6 literal with an optional prefix length
   */
  public static IpRange parse(String text) {
    Checks.required("ip range", text);
    String trimmed = text.strip();
    int slash = trimmed.indexOf('/');
    String address = slash < 0 ? trimmed : trimmed.substring(0, slash);
    byte[] bytes =
        address(address)
            .orElseThrow(
                () ->
                    new ValidationException(
                        "\"" + shown(text) + "\" is no IPv4 or IPv6 address or CIDR range"));
    int bits = bytes.length * 8;
    int prefix = bits;
    if (slash >= 0) {
      String length = trimmed.substring(slash + 1);
      if (!length.matches("\\d{1,3}") || Integer.parseInt(length) > bits) {
        throw new ValidationException(
            "\"" + shown(text) + "\": the prefix length must be 0-" + bits);
      }
      prefix = Integer.parseInt(length);
    }
    return new IpRange(masked(bytes, prefix), prefix);
  }

  /** The bytes of an IPv4 or IPv6 literal (4 or 16), when {@code text} is one. */
  public static Optional<byte[]> address(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String literal = text.strip();
    int zone = literal.indexOf('%');
    if (zone >= 0) {
      literal = literal.substring(0, zone);
    }
    boolean v4 = IPV4.matcher(literal).matches();
    if (!v4 && !IPV6.matcher(literal).matches()) {
      // Anything else could be a host name; it is never looked up.
      return Optional.empty();
    }
    try {
      InetAddress parsed = InetAddress.getByName(literal);
      if (v4 && !(parsed instanceof Inet4Address)) {
        return Optional.empty();
      }
      return Optional.of(parsed.getAddress());
    } catch (UnknownHostException notAnAddress) {
      return Optional.empty();
    }
  }

  /** Whether the address with {@code bytes} lies in this network. */
  public boolean contains(byte[] bytes) {
    return bytes.length == network.length && Arrays.equals(masked(bytes, prefix), network);
  }

  /** Whether every address of {@code other} lies in this network. */
  public boolean contains(IpRange other) {
    return other.network.length == network.length
        && other.prefix >= prefix
        && contains(other.network);
  }

  /**
   * The range in CIDR notation, the network address in its canonical form (for IPv6, RFC 5952's:
   * lower case, the longest run of zero groups shortened to {@code ::}).
   */
  @Override
  public String toString() {
    return (network.length == 4 ? ipv4() : ipv6()) + "/" + prefix;
  }

  private String ipv4() {
    return (network[0] & 0xff)
        + "."
        + (network[1] & 0xff)
        + "."
        + (network[2] & 0xff)
        + "."
        + (network[3] & 0xff);
  }

  private String ipv6() {
    int[] groups = new int[8];
    for (int i = 0; i < 8; i++) {
      groups[i] = ((network[2 * i] & 0xff) << 8) | (network[2 * i + 1] & 0xff);
    }
    int bestStart = -1;
    int bestLength = 1;
    for (int i = 0; i < 8; ) {
      int end = i;
      while (end < 8 && groups[end] == 0) {
        end++;
      }
      if (end - i > bestLength) {
        bestStart = i;
        bestLength = end - i;
      }
      i = Math.max(end, i + 1);
    }
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      if (i == bestStart) {
        text.append("::");
        i += bestLength - 1;
        continue;
      }
      if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
        text.append(':');
      }
      text.append(Integer.toHexString(groups[i]));
    }
    return text.toString();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof IpRange range
        && range.prefix == prefix
        && Arrays.equals(range.network, network);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(network) + prefix;
  }

  private static byte[] masked(byte[] bytes, int prefix) {
    byte[] masked = bytes.clone();
    for (int i = 0; i < masked.length; i++) {
      int kept = Math.max(0, Math.min(8, prefix - i * 8));
      masked[i] &= (byte) (0xff << (8 - kept));
    }
    return masked;
  }

  private static String shown(String text) {
    return text.length() > 64 ? text.substring(0, 64) + "…" : text;
  }
}
