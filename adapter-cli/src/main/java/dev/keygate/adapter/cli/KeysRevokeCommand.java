package dev.keygate.adapter.cli;

import dev.keygate.application.port.in.Principal;
import dev.keygate.application.port.in.RevokeApiKeyUseCase;
import dev.keygate.domain.key.ApiKey;
import dev.keygate.domain.key.ApiKeyId;
import dev.keygate.wire.SuccessResponse;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code keygate keys revoke}. */
@Command(
    name = "revoke",
    description = {
      "Revokes an API key for good: it never verifies again and cannot be enabled. Its record"
          + " stays, with status revoked, for the audit trail."
    },
    footerHeading = "%nExample:%n",
    footer = "  keygate keys revoke api_key_0196f1c2d5e87a4b9c0d1e2f3a4b5c6d")
public final class KeysRevokeCommand implements Callable<Integer> {

  private final RevokeApiKeyUseCase revokeApiKey;
  private final Principal principal;

  @Spec CommandSpec spec;

  @Mixin HelpOption help;

  @Mixin OutputOptions output;

  @Parameters(paramLabel = "ID", description = "the key's id, as 'keys list' shows it")
  String keyId;

  public KeysRevokeCommand(RevokeApiKeyUseCase revokeApiKey, Principal principal) {
    this.revokeApiKey = revokeApiKey;
    this.principal = principal;
  }

  @Override
  public Integer call() {
    ApiKey key = revokeApiKey.revoke(principal, new ApiKeyId(keyId));
    output.print(
        spec,
        SuccessResponse.OK,
        out -> out.println("Revoked API key " + key.id() + ": it never verifies again."));
    return ExitCodes.OK;
  }
}
