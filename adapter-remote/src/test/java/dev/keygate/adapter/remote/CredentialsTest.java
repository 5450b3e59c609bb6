package dev.keygate.adapter.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CredentialsTest {

  @Test
  void aManagementKey_neverPrints() {
    Credentials key = new Credentials.ManagementKey("k_live_secretsecret");

    assertThat(key.toString()).doesNotContain("secretsecret").contains("***");
  }

  @Test
  void clientCredentials_printTheClientIdButNeverTheSecret() {
    Credentials client = new Credentials.ClientCredentials("app_123", "s3cr3t-value");

    assertThat(client.toString()).contains("app_123").doesNotContain("s3cr3t-value");
  }

  @Test
  void blankCredentials_areRefusedNamingWhatIsBlank() {
    assertThatThrownBy(() -> new Credentials.ClientCredentials("app_123", " "))
        .hasMessage("client secret is empty");
    assertThatThrownBy(() -> new Credentials.ManagementKey(""))
        .hasMessage("management key is empty");
  }
}
