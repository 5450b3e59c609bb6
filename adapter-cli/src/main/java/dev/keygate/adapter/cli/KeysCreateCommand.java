package dev.keygate.adapter.cli;

import dev.keygate.application.port.in.CreateApiKeyCommand;
import dev.keygate.application.port.in.CreateApiKeyUseCase;
import dev.keygate.application.port.in.IssuedApiKey;
import dev.keygate.application.port.in.Principal;
import dev.keygate.domain.api.ApiId;
import dev.keygate.domain.key.ApiKey;
import dev.keygate.wire.ApiKeyResponses;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code keygate keys create}: issues a key and prints its token this once. */
@Command(
    name = "create",
    description = {
      "Issues an API key for an organization (--org), a user (--user) or the deployment itself"
          + " (--environment) on one API, with some of its scopes, and prints the key: this is the"
          + " only time it is shown, since Keygate keeps only its hash."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  keygate keys create --name \"Production Integration\" \\",
      "      --api api_0196f1c2a3b47d0e9f8a7b6c5d4e3f21 \\",
      "      --scope read:users --scope write:users --org org_acme --expires-in 90d",
      "  keygate keys create --name Metered --org org_acme \\",
      "      --api api_0196f1c2a3b47d0e9f8a7b6c5d4e3f21 --credits 1000 \\",
      "      --rate-limit burst=100/1s --rate-limit daily=10000/1d \\",
      "      --refill 1000/monthly@1 --ip 203.0.113.0/24"
    })
public final class KeysCreateCommand implements Callable<Integer> {

  private final CreateApiKeyUseCase createApiKey;
  private final Principal principal;
  private final Clock clock;

  @Spec CommandSpec spec;

  @Mixin HelpOption help;

  @Mixin OutputOptions output;

  @Option(
      names = "--name",
      required = true,
      paramLabel = "NAME",
      description = "what the key is for, 1-128 characters")
  String name;

  @Option(
      names = "--api",
      required = true,
      paramLabel = "API_ID",
      description = "the API the key opens, as 'apis list' shows it")
  String apiId;

  @Option(
      names = "--scope",
      paramLabel = "SCOPE",
      description = "a scope of that API the key carries, by key (read:users) or id; repeatable")
  List<String> scopes = List.of();

  @ArgGroup(exclusive = true, multiplicity = "1")
  KeyOwnerOptions owner;

  @Option(
      names = "--expires-in",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description = "the key stops working after this long: 30s, 15m, 1h, 90d (default: never)")
  Duration expiresIn;

  @Mixin PolicyOptions policy;

  public KeysCreateCommand(CreateApiKeyUseCase createApiKey, Principal principal, Clock clock) {
    this.createApiKey = createApiKey;
    this.principal = principal;
    this.clock = clock;
  }

  @Override
  public Integer call() {
    IssuedApiKey issued =
        createApiKey.create(
            principal,
            new CreateApiKeyCommand(
                name,
                new ApiId(apiId),
                scopes,
                owner.owner(),
                Optional.ofNullable(expiresIn).map(clock.instant()::plus),
                policy.policy(spec)));
    try {
      ApiKey key = issued.key();
      output.print(
          spec,
          ApiKeyResponses.created(issued),
          out ->
              IssuedKeys.print(
                  out,
                  about -> {
                    about.println(
                        "Created API key " + key.id() + " for " + Text.owner(key.owner()) + ".");
                    about.println();
                    new Fields()
                        .add("Name", key.name())
                        .add("API", key.apiId().value())
                        .add("Scopes", Text.list(key.scopeKeys()))
                        .add("Expires", Text.time(key.expiresOn(), "never"))
                        .add("Rate limits", Text.rateLimits(key.policy().rateLimits()))
                        .add("Credits", Text.credits(key.policy().credits()))
                        .add("Allowed from", Text.allowlist(key.policy().ipAllowlist()))
                        .print(about);
                  },
                  issued));
    } finally {
      issued.token().wipe();
    }
    return ExitCodes.OK;
  }
}
