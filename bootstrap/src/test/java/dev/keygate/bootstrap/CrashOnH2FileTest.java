package dev.keygate.bootstrap;

import java.util.Optional;

/**
 * {@link CrashCases} on the embedded H2 file, opened by both JVMs as the CLI and server open it.
 */
class CrashOnH2FileTest extends CrashCases {

  @Override
  Database database() {
    return new Database(Cli.h2Url(directory), Optional.empty(), Optional.empty());
  }
}
