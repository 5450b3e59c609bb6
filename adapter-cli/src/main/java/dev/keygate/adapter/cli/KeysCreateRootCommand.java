package dev.keygate.adapter.cli;

import dev.keygate.application.port.in.CreateRootKeyUseCase;
import dev.keygate.application.port.in.IssuedApiKey;
import dev.keygate.application.port.in.Principal;
import dev.keygate.domain.key.ApiKey;
import dev.keygate.wire.ApiKeyResponses;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code keygate keys create-root}: another root management key, printed this once. */
@Command(
    name = "create-root",
    description = {
      "Issues another root management key: a key of the operator organization with every"
          + " management scope, as the one 'init' printed, and prints it: this is the only time it"
          + " is shown. For an initialised deployment whose first root key is lost or that wants"
          + " one key per person or tool; revoke the ones no longer used with 'keys revoke'."
    },
    footerHeading = "%nExample:%n",
    footer = "  keygate keys create-root --name \"Alice's root key\"")
public final class KeysCreateRootCommand implements Callable<Integer> {

  private final CreateRootKeyUseCase createRootKey;
  private final Principal principal;

  @Spec CommandSpec spec;

  @Mixin HelpOption help;

  @Mixin OutputOptions output;

  @Option(
      names = "--name",
      paramLabel = "NAME",
      description = "what the key is for, 1-128 characters (default: Root management key)")
  String name = CreateRootKeyUseCase.DEFAULT_NAME;

  public KeysCreateRootCommand(CreateRootKeyUseCase createRootKey, Principal principal) {
    this.createRootKey = createRootKey;
    this.principal = principal;
  }

  @Override
  public Integer call() {
    IssuedApiKey issued = createRootKey.create(principal, name);
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
                        "Created root management key "
                            + key.id()
                            + " ("
                            + key.name()
                            + ") with every management scope.");
                    about.println(
                        "Send it as \"Authorization: Bearer <key>\"; revoke it with 'keygate keys"
                            + " revoke "
                            + key.id()
                            + "'.");
                  },
                  issued));
    } finally {
      issued.token().wipe();
    }
    return ExitCodes.OK;
  }
}
