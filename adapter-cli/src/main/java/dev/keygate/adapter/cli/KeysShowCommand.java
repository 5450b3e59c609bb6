package dev.keygate.adapter.cli;

import dev.keygate.application.port.in.GetApiKeyUseCase;
import dev.keygate.application.port.in.Principal;
import dev.keygate.domain.key.ApiKey;
import dev.keygate.domain.key.ApiKeyId;
import dev.keygate.domain.key.KeySecret;
import dev.keygate.domain.key.Usage;
import dev.keygate.wire.ApiKeyResponses;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code keygate keys show}. */
@Command(
    name = "show",
    description = {
      "Shows one API key: owner, API, scopes, status, expiry, usage policy and usage. The key"
          + " itself shows as its prefix and last four characters only."
    },
    footerHeading = "%nExample:%n",
    footer = "  keygate keys show api_key_0196f1c2d5e87a4b9c0d1e2f3a4b5c6d")
public final class KeysShowCommand implements Callable<Integer> {

  private final GetApiKeyUseCase getApiKey;
  private final Principal principal;
  private final Clock clock;

  @Spec CommandSpec spec;

  @Mixin HelpOption help;

  @Mixin OutputOptions output;

  @Parameters(paramLabel = "ID", description = "the key's id, as 'keys list' shows it")
  String keyId;

  public KeysShowCommand(GetApiKeyUseCase getApiKey, Principal principal, Clock clock) {
    this.getApiKey = getApiKey;
    this.principal = principal;
    this.clock = clock;
  }

  @Override
  public Integer call() {
    ApiKey key = getApiKey.get(principal, new ApiKeyId(keyId));
    Usage usage = key.usage();
    Instant now = clock.instant();
    output.print(
        spec,
        ApiKeyResponses.one("Success", key, now, Optional.empty()),
        out -> {
          Fields fields =
              new Fields()
                  .add("Id", key.id().value())
                  .add("Name", key.name())
                  .add("Owner", Text.owner(key.owner()))
                  .add("API", key.apiId().value())
                  .add("Scopes", Text.list(key.scopeKeys()))
                  .add("Status", KeysListCommand.status(key, now))
                  .add("Key", Text.key(key));
          for (KeySecret older : key.secrets().subList(0, key.secrets().size() - 1)) {
            fields.add(
                "Previous key",
                older.displayPrefix()
                    + "…"
                    + older.suffix()
                    + " until "
                    + Text.time(older.expiresOn(), "never"));
          }
          key.previousSecretExpiresOn(now)
              .ifPresent(end -> fields.add("Grace ends", Text.time(end)));
          fields
              .add("Created", Text.time(key.createdOn()) + " by " + key.createdBy())
              .add("Expires", Text.time(key.expiresOn(), "never"));
          key.revokedOn().ifPresent(revoked -> fields.add("Revoked", Text.time(revoked)));
          fields
              .add(
                  "Last verified",
                  Text.time(usage.lastVerifiedOn(), "never")
                      + usage.lastVerifiedIp().map(ip -> " from " + ip).orElse(""))
              .add("Verifications", String.valueOf(usage.verificationCount()))
              .add("Rate limits", Text.rateLimits(key.policy().rateLimits()))
              .add("Owner's limits", Text.rateLimits(key.ownerLimits()))
              .add("Credits", Text.credits(key.policy().credits()))
              .add("Allowed from", Text.allowlist(key.policy().ipAllowlist()))
              .print(out);
        });
    return ExitCodes.OK;
  }
}
