package dev.keygate.bootstrap;

import dev.keygate.application.port.in.AddScopeCommand;
import dev.keygate.application.port.in.CreateApiKeyCommand;
import dev.keygate.application.port.in.CreateOrganizationCommand;
import dev.keygate.application.port.in.IssuedApiKey;
import dev.keygate.application.port.in.KeygateUseCases;
import dev.keygate.application.port.in.Principal;
import dev.keygate.application.port.in.RegisterApiCommand;
import dev.keygate.application.port.in.Verification;
import dev.keygate.domain.api.Api;
import dev.keygate.domain.owner.Organization;
import java.util.List;
import java.util.Optional;

/** The README's "Embed it" example, verbatim between the markers; EmbedItExampleTest runs it. */
final class EmbedItExample {

  private EmbedItExample() {}

  static List<Verification> run() {
    // README:start
    try (Keygate keygate = Keygate.builder().jdbcUrl("jdbc:h2:mem:example").build()) {
      KeygateUseCases keys = keygate.useCases();
      Principal me = keygate.operator();

      Api api = keys.registerApi().register(me, new RegisterApiCommand("Users API", "users-api"));
      keys.addScope().add(me, new AddScopeCommand(api.id(), "read:users", "Read users"));
      Organization acme =
          keys.createOrganization()
              .create(me, new CreateOrganizationCommand("Acme", Optional.empty()));

      IssuedApiKey issued =
          keys.createApiKey()
              .create(
                  me,
                  new CreateApiKeyCommand(
                      "Production Integration",
                      api.id(),
                      List.of("read:users"),
                      acme.asOwner(),
                      Optional.empty()));
      String token = issued.token().reveal(); // shown once: hand it to Acme now

      Verification ok = keygate.verify(token, "read:users"); // API_KEY_VERIFIED
      Verification denied = keygate.verify(token, "write:users"); // API_KEY_INSUFFICIENT_SCOPE
      // README:end
      return List.of(ok, denied);
    }
  }
}
