package dev.keygate.adapter.cli;

import dev.keygate.application.port.query.PageRequest;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code --limit N} and {@code --after ID}: one page of a list, in id order. */
final class PageOptions {

  @Option(
      names = "--limit",
      paramLabel = "N",
      defaultValue = "" + PageRequest.DEFAULT_SIZE,
      description = "at most N items, 1-" + PageRequest.MAX_SIZE + " (default: ${DEFAULT-VALUE})")
  int limit = PageRequest.DEFAULT_SIZE;

  @Option(
      names = "--after",
      paramLabel = "ID",
      description = "only items after this id: the last one of the previous page")
  String after;

  PageRequest page(CommandSpec spec) {
    if (limit < 1 || limit > PageRequest.MAX_SIZE) {
      throw new ParameterException(
          spec.commandLine(),
          "Invalid value for option '--limit': must be 1-"
              + PageRequest.MAX_SIZE
              + ", was "
              + limit);
    }
    return new PageRequest(limit, Optional.ofNullable(after));
  }

  /** The line that tells how to get the next page, when there is one. */
  static String more(String what, String lastId) {
    return "More " + what + " follow: add --after " + lastId;
  }
}
