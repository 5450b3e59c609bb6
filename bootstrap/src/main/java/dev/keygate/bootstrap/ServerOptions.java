package dev.keygate.bootstrap;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The flags that turn a command from the local database to a running server: {@code --server} and
 * where its credentials are. The credentials themselves never come from a flag, where {@code ps}
 * and the shell's history would show them.
 */
final class ServerOptions {

  @Option(
      names = "--server",
      paramLabel = "URL",
      description =
          "work on the Keygate server at URL instead of a database (env KEYGATE_SERVER), with"
              + " the management key in env KEYGATE_MANAGEMENT_KEY, or the M2M application in"
              + " KEYGATE_CLIENT_ID and KEYGATE_CLIENT_SECRET, or a credentials file")
  String server;

  @Option(
      names = "--credentials",
      paramLabel = "FILE",
      description =
          "with --server: a 0600 properties file holding management_key, or client_id and"
              + " client_secret (default ~/.config/keygate/credentials, if there)")
  Path credentials;
}
