package dev.keygate.adapter.cli;

import dev.keygate.application.port.in.DisableApiKeyUseCase;
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

/** {@code keygate keys disable}. */
@Command(
    name = "disable",
    description = {
      "Stops an active API key from verifying until 'keys enable' lets it again. A key that is not"
          + " active is refused with exit code 4."
    },
    footerHeading = "%nExample:%n",
    footer = "  keygate keys disable api_key_0196f1c2d5e87a4b9c0d1e2f3a4b5c6d")
public final class KeysDisableCommand implements Callable<Integer> {

  private final DisableApiKeyUseCase disableApiKey;
  private final Principal principal;

  @Spec CommandSpec spec;

  @Mixin HelpOption help;

  @Mixin OutputOptions output;

  @Parameters(paramLabel = "ID", description = "the key's id, as 'keys list' shows it")
  String keyId;

  public KeysDisableCommand(DisableApiKeyUseCase disableApiKey, Principal principal) {
    this.disableApiKey = disableApiKey;
    this.principal = principal;
  }

  @Override
  public Integer call() {
    ApiKey key = disableApiKey.disable(principal, new ApiKeyId(keyId));
    output.print(
        spec,
        ApiKeyResponses.one("API key updated", key),
        out ->
            out.println(
                "Disabled API key " + key.id() + ": it does not verify until it is enabled."));
    return ExitCodes.OK;
  }
}
