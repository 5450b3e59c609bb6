package dev.keygate.adapter.cli;

import dev.keygate.application.port.in.Principal;
import dev.keygate.application.port.in.UpdateApiKeyCommand;
import dev.keygate.application.port.in.UpdateApiKeyUseCase;
import dev.keygate.domain.key.ApiKey;
import dev.keygate.domain.key.ApiKeyId;
import dev.keygate.domain.policy.Credits;
import dev.keygate.domain.policy.IpAllowlist;
import dev.keygate.domain.policy.RateLimit;
import dev.keygate.wire.ApiKeyResponses;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code keygate keys update}: a key's name and usage policy. */
@Command(
    name = "update",
    description = {
      "Renames an API key or changes its usage policy: its rate limits, credits and the addresses"
          + " it may be used from. Each option given replaces what the key had (all its rate"
          + " limits, all its addresses; credits start over from --credits); what is not given"
          + " stays."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  keygate keys update api_key_0196f1c2d5e87a4b9c0d1e2f3a4b5c6d \\",
      "      --rate-limit burst=50/1s --credits 500 --refill 500/daily \\",
      "      --refill-mode add",
      "  keygate keys update api_key_0196f1c2d5e87a4b9c0d1e2f3a4b5c6d --no-credits \\",
      "      --no-ip-allowlist"
    })
public final class KeysUpdateCommand implements Callable<Integer> {

  private final UpdateApiKeyUseCase updateApiKey;
  private final Principal principal;

  @Spec CommandSpec spec;

  @Mixin HelpOption help;

  @Mixin OutputOptions output;

  @Parameters(paramLabel = "ID", description = "the key's id, as 'keys list' shows it")
  String keyId;

  @Option(names = "--name", paramLabel = "NAME", description = "its new name, 1-128 characters")
  String name;

  @Mixin PolicyOptions policy;

  @Option(names = "--no-rate-limits", description = "remove all the key's own rate limits")
  boolean noRateLimits;

  @Option(names = "--no-credits", description = "stop metering the key")
  boolean noCredits;

  @Option(names = "--no-ip-allowlist", description = "let the key be used from any address")
  boolean noIpAllowlist;

  public KeysUpdateCommand(UpdateApiKeyUseCase updateApiKey, Principal principal) {
    this.updateApiKey = updateApiKey;
    this.principal = principal;
  }

  @Override
  public Integer call() {
    if (name == null && !policy.anyGiven() && !noRateLimits && !noCredits && !noIpAllowlist) {
      throw new ParameterException(
          spec.commandLine(),
          "give at least one of --name, --rate-limit, --credits, --ip, --no-rate-limits,"
              + " --no-credits and --no-ip-allowlist");
    }
    refuseBoth(noRateLimits, !policy.rateLimits.isEmpty(), "--no-rate-limits", "--rate-limit");
    refuseBoth(noCredits, policy.credits != null, "--no-credits", "--credits");
    refuseBoth(noIpAllowlist, !policy.ipRanges.isEmpty(), "--no-ip-allowlist", "--ip");
    Optional<List<RateLimit>> rateLimits =
        noRateLimits ? Optional.of(List.of()) : policy.rateLimits(spec);
    Optional<Credits> credits = policy.credits(spec);
    Optional<IpAllowlist> allowlist =
        noIpAllowlist ? Optional.of(IpAllowlist.ANYWHERE) : policy.allowlist(spec);
    ApiKey key =
        updateApiKey.update(
            principal,
            new ApiKeyId(keyId),
            new UpdateApiKeyCommand(
                Optional.ofNullable(name),
                Optional.empty(),
                Optional.empty(),
                rateLimits,
                credits,
                noCredits,
                allowlist));
    output.print(
        spec,
        ApiKeyResponses.one("API key updated", key),
        out -> {
          out.println("Updated API key " + key.id() + " (" + key.name() + ").");
          out.println();
          new Fields()
              .add("Rate limits", Text.rateLimits(key.policy().rateLimits()))
              .add("Credits", Text.credits(key.policy().credits()))
              .add("Allowed from", Text.allowlist(key.policy().ipAllowlist()))
              .print(out);
        });
    return ExitCodes.OK;
  }

  private void refuseBoth(boolean removing, boolean giving, String remove, String give) {
    if (removing && giving) {
      throw new ParameterException(
          spec.commandLine(), "give " + give + " or " + remove + ", not both");
    }
  }
}
