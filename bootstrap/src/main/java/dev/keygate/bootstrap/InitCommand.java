package dev.keygate.bootstrap;

import dev.keygate.application.port.in.IssuedApiKey;
import dev.keygate.bootstrap.Configuration.Setting;
import java.io.PrintWriter;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code keygate init}: the management API, the operator organization and the root key, once. */
@Command(
    name = "init",
    mixinStandardHelpOptions = true,
    description = {
      "Initialises an empty deployment: the management API, the operator organization and a root"
          + " management key, printed this once. Does nothing on an initialised deployment."
    })
final class InitCommand implements Callable<Integer> {

  private final Launch launch;

  @Spec CommandSpec spec;

  @Mixin DatabaseOptions database;

  InitCommand(Launch launch) {
    this.launch = launch;
  }

  @Override
  public Integer call() {
    Map<Setting, String> flags = new EnumMap<>(Setting.class);
    database.addTo(flags);
    Configuration configuration =
        Configuration.resolve(flags, launch.environment(), launch.workingDirectory());
    PrintWriter out = spec.commandLine().getOut();
    try (KeygateNode node = KeygateNode.open(configuration.nodeSettings(Optional.empty()))) {
      Optional<IssuedApiKey> rootKey = initialize(node);
      if (rootKey.isPresent()) {
        printRootKey(out, rootKey.get());
      } else {
        out.println(
            "Keygate is already initialised: no root key is printed (it was shown once, when it"
                + " was created).");
      }
    }
    return 0;
  }

  /** Initialises the deployment if it is empty, audited as the command line's user. */
  static Optional<IssuedApiKey> initialize(KeygateNode node) {
    String actor = "cli:" + System.getProperty("user.name", "unknown");
    return node.useCases().initializeDeployment().initialize(actor);
  }

  /** The root key, plainly marked as shown this once, then wiped from memory. */
  static void printRootKey(PrintWriter out, IssuedApiKey rootKey) {
    out.println(
        "Keygate initialised: the management API, the operator organization and a root key.");
    out.println();
    out.println("Root management key, shown only this time (Keygate keeps only its hash):");
    out.println();
    out.println("    " + rootKey.token().reveal());
    rootKey.token().wipe();
    out.println();
    out.println(
        "Store it now, e.g. in your secret manager. Send it as \"Authorization: Bearer <key>\".");
    out.flush();
  }
}
