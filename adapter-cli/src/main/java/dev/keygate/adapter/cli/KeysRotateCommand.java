package dev.keygate.adapter.cli;

import dev.keygate.application.port.in.IssuedApiKey;
import dev.keygate.application.port.in.Principal;
import dev.keygate.application.port.in.RotateApiKeyUseCase;
import dev.keygate.domain.key.ApiKey;
import dev.keygate.domain.key.ApiKeyId;
import dev.keygate.domain.key.KeySecret;
import dev.keygate.wire.ApiKeyResponses;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code keygate keys rotate}: a new key for the same record, printed this once. */
@Command(
    name = "rotate",
    description = {
      "Gives an API key a new secret and prints the new key: this is the only time it is shown."
          + " Id, owner, API and scopes stay. The previous key stops working at once, or after"
          + " --grace (at most 7d) so that its users can switch over."
    },
    footerHeading = "%nExample:%n",
    footer = "  keygate keys rotate api_key_0196f1c2d5e87a4b9c0d1e2f3a4b5c6d --grace 1h")
public final class KeysRotateCommand implements Callable<Integer> {

  private final RotateApiKeyUseCase rotateApiKey;
  private final Principal principal;

  @Spec CommandSpec spec;

  @Mixin HelpOption help;

  @Mixin OutputOptions output;

  @Parameters(paramLabel = "ID", description = "the key's id, as 'keys list' shows it")
  String keyId;

  @Option(
      names = "--grace",
      paramLabel = "DURATION",
      defaultValue = "0s",
      converter = DurationConverter.class,
      description =
          "how long the previous key keeps working: 30s, 15m, 1h, up to 7d (default: 0s, it stops"
              + " at once)")
  Duration grace = Duration.ZERO;

  public KeysRotateCommand(RotateApiKeyUseCase rotateApiKey, Principal principal) {
    this.rotateApiKey = rotateApiKey;
    this.principal = principal;
  }

  @Override
  public Integer call() {
    IssuedApiKey issued = rotateApiKey.rotate(principal, new ApiKeyId(keyId), grace);
    try {
      ApiKey key = issued.key();
      output.print(
          spec,
          ApiKeyResponses.rotated(issued),
          out ->
              IssuedKeys.print(
                  out,
                  about -> about.println("Rotated API key " + key.id() + ": " + previous(key)),
                  issued));
    } finally {
      issued.token().wipe();
    }
    return ExitCodes.OK;
  }

  private String previous(ApiKey key) {
    List<KeySecret> secrets = key.secrets();
    if (grace.isZero() || secrets.size() < 2) {
      return "the previous key no longer works.";
    }
    KeySecret previous = secrets.get(secrets.size() - 2);
    return "the previous key keeps working until "
        + Text.time(previous.expiresOn(), "further notice")
        + ".";
  }
}
