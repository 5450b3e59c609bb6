package dev.keygate.domain.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keygate.domain.ValidationException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IpAllowlistTest {

  private static IpAllowlist of(String... ranges) {
    return IpAllowlist.parse(List.of(ranges));
  }

  @Test
  void rangesAreKeptCanonical_hostBitsCleared() {
    assertThat(of("203.0.113.7/24", "2001:DB8:0::1/32", "198.51.100.9").texts())
        .containsExactly("203.0.113.0/24", "2001:db8::/32", "198.51.100.9/32");
    assertThat(of("2001:db8:0:1:0:0:0:1", "::", "::1", "2001:0:0:1:0:0:1:0").texts())
        .containsExactly("2001:db8:0:1::1/128", "::/128", "::1/128", "2001::1:0:0:1:0/128");
  }

  @Test
  void anIpv6Range_holdsExactlyItsAddresses() {
    IpAllowlist list = of("2001:db8:abcd::/48");

    assertThat(list.allows(Optional.of("2001:db8:abcd:ffff::1"))).isTrue();
    assertThat(list.allows(Optional.of("2001:db8:abce::1"))).isFalse();
    assertThat(list.allows(Optional.of("2001:db8:abcd::1%eth0"))).isTrue();
    assertThat(list.allows(Optional.of("203.0.113.1"))).isFalse();
  }

  @Test
  void anIpv4Range_edgesIncluded_andIpv4WrittenAsIpv6IsIpv4() {
    IpAllowlist list = of("203.0.113.64/26");

    assertThat(list.allows(Optional.of("203.0.113.64"))).isTrue();
    assertThat(list.allows(Optional.of("203.0.113.127"))).isTrue();
    assertThat(list.allows(Optional.of("203.0.113.128"))).isFalse();
    assertThat(list.allows(Optional.of("203.0.113.63"))).isFalse();
    assertThat(list.allows(Optional.of("::ffff:203.0.113.65"))).isTrue();
  }

  @Test
  void anUnknownOrUnparsableAddress_isNotAllowed_andNoNameIsLookedUp() {
    IpAllowlist list = of("0.0.0.0/0");

    assertThat(list.allows(Optional.empty())).isFalse();
    assertThat(list.allows(Optional.of("localhost"))).isFalse();
    assertThat(list.allows(Optional.of("999.1.1.1"))).isFalse();
    assertThat(IpAllowlist.ANYWHERE.allows(Optional.empty())).isTrue();
  }

  @Test
  void badRanges_areRefused_namingThem() {
    assertThatThrownBy(() -> of("example.com"))
        .isInstanceOf(ValidationException.class)
        .hasMessage("\"example.com\" is no IPv4 or IPv6 address or CIDR range");
    assertThatThrownBy(() -> of("10.0.0.0/33"))
        .hasMessage("\"10.0.0.0/33\": the prefix length must be 0-32");
    assertThatThrownBy(() -> of("::/129"))
        .hasMessage("\"::/129\": the prefix length must be 0-128");
    assertThatThrownBy(() -> of("10.0.0.0/-1")).isInstanceOf(ValidationException.class);
  }

  @Test
  void aListIsWithinAnother_whenEachOfItsRangesLiesInOneOfTheOthers() {
    IpAllowlist wide = of("203.0.113.0/24", "2001:db8::/32");

    assertThat(of("203.0.113.128/25", "2001:db8:1::/48").isWithin(wide)).isTrue();
    assertThat(of("203.0.112.0/23").isWithin(wide)).isFalse();
    assertThat(of("203.0.113.0/23").isWithin(of("203.0.112.0/24"))).isFalse();
    assertThat(IpAllowlist.ANYWHERE.isWithin(wide)).isFalse();
    assertThat(wide.isWithin(IpAllowlist.ANYWHERE)).isTrue();
  }
}
