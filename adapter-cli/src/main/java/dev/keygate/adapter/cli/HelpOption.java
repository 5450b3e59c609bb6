package dev.keygate.adapter.cli;

import picocli.CommandLine.Option;

/** {@code -h, --help} of every command; {@code --version} is the top command's alone. */
final class HelpOption {

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help message and exit.")
  boolean help;
}
