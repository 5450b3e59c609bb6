package dev.keygate.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClientNetworkTest {

  @ParameterizedTest
  @CsvSource({
    "203.0.113.7, 203.0.113.7",
    "2001:db8:1:2::1, 2001:db8:1:2::/64",
    "2001:0db8:0001:0002:ffff:ffff:ffff:ffff, 2001:db8:1:2::/64",
    "::1, 0:0:0:0::/64",
    "'fe80::1%eth0', fe80:0:0:0::/64",
    "::ffff:198.51.100.2, 198.51.100.2",
    "' 203.0.113.7 ', 203.0.113.7"
  })
  void givenAnAddress_of_answersItsNetwork(String address, String network) {
    assertThat(ClientNetwork.of(Optional.of(address))).isEqualTo(network);
  }

  @ParameterizedTest
  @CsvSource({"localhost", "example.com", "not an address", "1.2.3", "2001:db8::zz"})
  void givenSomethingElse_of_answersItAsItIs_withoutLookingItUp(String text) {
    assertThat(ClientNetwork.of(Optional.of(text))).isEqualTo(text);
  }

  @Test
  void givenNoAddress_of_answersTheOneCountOfUnknownClients() {
    assertThat(ClientNetwork.of(Optional.empty())).isEqualTo("unknown");
  }
}
