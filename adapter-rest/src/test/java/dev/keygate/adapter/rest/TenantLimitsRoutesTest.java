package dev.keygate.adapter.rest;

import static dev.keygate.adapter.rest.JsonShapes.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keygate.application.fake.TestKeygate;
import dev.keygate.domain.api.Api;
import dev.keygate.domain.owner.OrgCode;
import dev.keygate.domain.owner.Owner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A portal link cannot fill the database: keys an owner's own keys make for it are limited per
 * minute, answered 429 with {@code Retry-After} and a message saying why; the operator is not held
 * to it.
 */
class TenantLimitsRoutesTest {

  private final RestFixture rest = new RestFixture();

  @AfterEach
  void stop() {
    rest.close();
  }

  @Test
  void givenPortalLinkMakingKeysFast_pastTheQuotaItIsRefused429_andTheOperatorIsNot() {
    Api api = rest.keygate.registerApi("https://users.example.com");
    rest.keygate.addScope(api, "read:users");
    rest.keygate.createOrganization("org_a");
    rest.keygate.grant(new Owner.Org(new OrgCode("org_a")), api, "read:users");
    String url = rest.post("/api/v1/portal_links", "{\"org_code\":\"org_a\"}").text("/url");
    String portal = url.substring(url.indexOf('#') + 1);
    String key =
        "{\"name\":\"k\",\"api_id\":\"%s\",\"scope_ids\":[\"read:users\"],\"org_code\":\"org_a\"}"
            .formatted(api.id());
    // The operator made the link: that took nothing from org_a's quota.
    for (int i = 0; i < TestKeygate.CREATIONS_PER_MINUTE; i++) {
      assertThat(rest.call("POST", "/api/v1/api_keys", key, portal).status()).isEqualTo(201);
    }
    int keys = rest.keygate.apiKeys.all().size();

    RestFixture.Answer refused = rest.call("POST", "/api/v1/api_keys", key, portal);

    assertError(refused, 429, "TOO_MANY_REQUESTS");
    assertThat(refused.response().headers().firstValue("Retry-After")).hasValue("60");
    assertThat(refused.text("/errors/0/message"))
        .isEqualTo("too many keys made for organization org_a in the last minute; retry in 60 s");
    assertThat(rest.keygate.apiKeys.all()).hasSize(keys);
    assertThat(rest.call("POST", "/api/v1/api_keys", key).status()).isEqualTo(201);
  }
}
