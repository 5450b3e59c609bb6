package dev.keygate.adapter.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** One object as labelled lines, the values aligned: {@code Status: active}. */
final class Fields {

  private final List<String[]> lines = new ArrayList<>();

  Fields add(String label, String value) {
    lines.add(new String[] {label + ":", value});
    return this;
  }

  void print(PrintWriter out) {
    int width = lines.stream().mapToInt(line -> line[0].length()).max().orElse(0);
    for (String[] line : lines) {
      out.println(line[0] + " ".repeat(width - line[0].length() + 2) + line[1]);
    }
  }
}
