package dev.keygate.application.service;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where an attempt comes from, as failed attempts are counted: an IPv4 address, or the /64 network
 * of an IPv6 address, since one subscriber is given a whole /64 and could otherwise spread its
 * guesses over countless addresses. Attempts whose address is not known share one count.
 */
final class ClientNetwork {

  static final String UNKNOWN = "unknown";

  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+");

  private ClientNetwork() {}

  static String of(Optional<String> address) {
    if (address.isEmpty()) {
      return UNKNOWN;
    }
    String text = address.get().strip();
    int zone = text.indexOf('%');
    String literal = zone < 0 ? text : text.substring(0, zone);
    if (IPV4.matcher(literal).matches()) {
      return literal;
    }
    if (literal.indexOf(':') >= 0 && IPV6.matcher(literal).matches()) {
      // A literal with a colon is parsed, never looked up.
      try {
        InetAddress parsed = InetAddress.getByName(literal);
        return parsed instanceof Inet4Address ? parsed.getHostAddress() : slash64(parsed);
      } catch (UnknownHostException notAnAddress) {
        return text;
      }
    }
    return text;
  }

  private static String slash64(InetAddress address) {
    byte[] bytes = address.getAddress();
    StringBuilder network = new StringBuilder();
    for (int i = 0; i < 8; i += 2) {
      network.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff)));
      network.append(':');
    }
    return network.append(":/64").toString();
  }
}
