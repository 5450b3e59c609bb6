package dev.keygate.adapter.cli;

import dev.keygate.application.port.in.IssuedApiKey;
import java.io.PrintWriter;
import java.util.function.Consumer;

/** How a new token is shown to people: once, plainly marked as such. */
final class IssuedKeys {

  private IssuedKeys() {}

  /** Prints what {@code about} says of the key, then the token as the only thing on its line. */
  static void print(PrintWriter out, Consumer<PrintWriter> about, IssuedApiKey issued) {
    about.accept(out);
    out.println();
    out.println("API key, shown only this time (Keygate keeps only its hash):");
    out.println();
    out.println("    " + issued.token().reveal());
    out.println();
    out.println("Store it now, e.g. in your secret manager: it cannot be shown again.");
  }
}
