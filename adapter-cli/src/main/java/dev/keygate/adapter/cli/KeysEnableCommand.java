package dev.keygate.adapter.cli;

import dev.keygate.application.port.in.EnableApiKeyUseCase;
import dev.keygate.application.port.in.Principal;
import dev.keygate.domain.key.ApiKey;
import dev.keygate.domain.key.ApiKeyId;
import dev.keygate.wire.ApiKeyResponses;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code keygate keys enable}. */
@Command(
    name = "enable",
    description = {
      "Lets a disabled API key verify again. A key that is not disabled is refused with exit code"
          + " 4; a revoked key stays revoked for good."
    },
    footerHeading = "%nExample:%n",
    footer = "  keygate keys enable api_key_0196f1c2d5e87a4b9c0d1e2f3a4b5c6d")
public final class KeysEnableCommand implements Callable<Integer> {

  private final EnableApiKeyUseCase enableApiKey;
  private final Principal principal;

  @Spec CommandSpec spec;

  @Mixin HelpOption help;

  @Mixin OutputOptions output;

  @Parameters(paramLabel = "ID", description = "the key's id, as 'keys list' shows it")
  String keyId;

  public KeysEnableCommand(EnableApiKeyUseCase enableApiKey, Principal principal) {
    this.enableApiKey = enableApiKey;
    this.principal = principal;
  }

  @Override
  public Integer call() {
    ApiKey key = enableApiKey.enable(principal, new ApiKeyId(keyId));
    output.print(
        spec,
        ApiKeyResponses.one("API key updated", key),
        out -> out.println("Enabled API key " + key.id() + ": it verifies again."));
    return ExitCodes.OK;
  }
}
