package dev.keygate.bootstrap;

import dev.keygate.adapter.crypto.Argon2Parameters;
import dev.keygate.application.port.in.AddScopeCommand;
import dev.keygate.application.port.in.CreateOrganizationCommand;
import dev.keygate.application.port.in.CreateUserCommand;
import dev.keygate.application.port.in.RegisterApiCommand;
import dev.keygate.application.port.in.SetGrantCommand;
import dev.keygate.domain.api.Api;
import dev.keygate.domain.owner.OrgCode;
import dev.keygate.domain.owner.Owner;
import dev.keygate.domain.owner.UserId;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * An API with two scopes, an organization and a user, registered through the embedded facade on the
 * H2 file a server then serves, as an operator would before issuing keys.
 */
record Deployment(String apiId, String orgCode, String userId) {

  static final Argon2Parameters CHEAP = new Argon2Parameters(256, 1, 1);

  static Deployment prepare(Path directory) {
    try (Keygate keygate = Keygate.builder().jdbcUrl(Cli.h2Url(directory)).argon2(CHEAP).build()) {
      var keys = keygate.useCases();
      var me = keygate.operator();
      Api api =
          keys.registerApi()
              .register(me, new RegisterApiCommand("Users API", "https://users.example.com"));
      keys.addScope().add(me, new AddScopeCommand(api.id(), "read:users", "Read users"));
      keys.addScope().add(me, new AddScopeCommand(api.id(), "write:users", "Write users"));
      keys.createOrganization()
          .create(me, new CreateOrganizationCommand("Acme", Optional.of(new OrgCode("org_acme"))));
      // Acme may hold keys that read users; what its own keys and portal links can make.
      keys.setGrant()
          .set(
              me,
              new SetGrantCommand(
                  new Owner.Org(new OrgCode("org_acme")), api.id(), List.of("read:users")));
      keys.createUser()
          .create(
              me,
              new CreateUserCommand(
                  Optional.of(new UserId("kp_alice")), "Alice", Optional.of("alice@example.com")));
      return new Deployment(api.id().value(), "org_acme", "kp_alice");
    }
  }

  /** The body of {@code POST /api/v1/api_keys} for an organization key with the given scopes. */
  String orgKeyRequest(String name, String... scopes) {
    return keyRequest(name, "\"org_code\":\"" + orgCode + "\"", scopes);
  }

  /** The body of {@code POST /api/v1/api_keys} for a key of the user. */
  String userKeyRequest(String name, String... scopes) {
    return keyRequest(name, "\"user_id\":\"" + userId + "\"", scopes);
  }

  private String keyRequest(String name, String owner, String... scopes) {
    StringBuilder scopeIds = new StringBuilder();
    for (String scope : scopes) {
      scopeIds.append(scopeIds.length() == 0 ? "" : ",").append('"').append(scope).append('"');
    }
    return "{\"name\":\""
        + name
        + "\",\"api_id\":\""
        + apiId
        + "\",\"scope_ids\":["
        + scopeIds
        + "],"
        + owner
        + "}";
  }
}
