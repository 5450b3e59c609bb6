package dev.keygate.adapter.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Rows under a header, in columns as wide as their widest cell, two spaces apart. */
final class Table {

  private final List<String[]> rows = new ArrayList<>();
  private final int columns;

  private Table(String... header) {
    columns = header.length;
    rows.add(header);
  }

  static Table of(String... header) {
    return new Table(header);
  }

  Table row(String... cells) {
    if (cells.length != columns) {
      throw new IllegalArgumentException(
          "a row of " + columns + " cells was expected: " + Arrays.toString(cells));
    }
    rows.add(cells);
    return this;
  }

  /** Whether there are rows below the header. */
  boolean isEmpty() {
    return rows.size() == 1;
  }

  void print(PrintWriter out) {
    int[] widths = new int[columns];
    for (String[] row : rows) {
      for (int i = 0; i < columns; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < columns; i++) {
        line.append(row[i]);
        if (i < columns - 1) {
          line.append(" ".repeat(widths[i] - row[i].length() + 2));
        }
      }
      out.println(line.toString().stripTrailing());
    }
  }
}
