package dev.keygate.adapter.cli;

import dev.keygate.wire.WireJson;
import java.io.PrintWriter;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** {@code --output table|json}, shared by every command that prints a result. */
final class OutputOptions {

  /** How a result is printed. */
  enum Format {
    /** For people: aligned columns or labelled lines, timestamps in ISO-8601 UTC. */
    TABLE,
    /** For programs: one JSON document with the REST API's field names. */
    JSON
  }

  @Option(
      names = "--output",
      paramLabel = "FORMAT",
      defaultValue = "table",
      converter = FormatConverter.class,
      completionCandidates = FormatNames.class,
      description =
          "table (default) for people, or json: one JSON document with the same field names as"
              + " the REST API")
  Format format = Format.TABLE;

  /**
   * Prints the result to the command's standard output: {@code json} as one document, or the table
   * as {@code table} writes it.
   */
  void print(CommandSpec spec, Object json, Consumer<PrintWriter> table) {
    PrintWriter out = spec.commandLine().getOut();
    if (format == Format.JSON) {
      out.println(WireJson.writeIndented(json));
    } else {
      table.accept(out);
    }
    out.flush();
  }

  /** Reads {@code table} or {@code json}. */
  static final class FormatConverter implements ITypeConverter<Format> {
    @Override
    public Format convert(String value) {
      switch (value) {
        case "table":
          return Format.TABLE;
        case "json":
          return Format.JSON;
        default:
          throw new TypeConversionException("'" + value + "' is not one of table, json");
      }
    }
  }

  /** What shell completion offers. */
  static final class FormatNames implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return List.of("table", "json").iterator();
    }
  }
}
