package dev.keygate.adapter.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * What a command line that picocli could not match says instead of "Unmatched arguments from index
 * 0": the word it did not know and, when one is close, the command or option meant ({@code keygate
 * kyes list}: unknown command 'kyes'; did you mean 'keys'?).
 */
final class DidYouMean {

  private static final int MAX_SUGGESTIONS = 3;

  private DidYouMean() {}

  /** The message for {@code e}, naming its first unmatched word and what it may have meant. */
  static String message(UnmatchedArgumentException e) {
    List<String> unmatched = e.getUnmatched();
    if (unmatched.isEmpty()) {
      return e.getMessage();
    }
    CommandLine command = e.getCommandLine();
    String word = unmatched.get(0);
    if (word.startsWith("-")) {
      String option = word.contains("=") ? word.substring(0, word.indexOf('=')) : word;
      return "unknown option '" + option + "'" + suggest(option, optionNames(command));
    }
    if (!command.getSubcommands().isEmpty()) {
      return "unknown command '" + word + "'" + suggest(word, commandNames(command));
    }
    return "unexpected argument '" + word + "'";
  }

  private static List<String> optionNames(CommandLine command) {
    List<String> names = new ArrayList<>();
    for (OptionSpec option : command.getCommandSpec().options()) {
      if (!option.hidden()) {
        names.addAll(List.of(option.names()));
      }
    }
    return names;
  }

  private static List<String> commandNames(CommandLine command) {
    List<String> names = new ArrayList<>();
    for (Map.Entry<String, CommandLine> sub : command.getSubcommands().entrySet()) {
      CommandSpec spec = sub.getValue().getCommandSpec();
      if (!spec.usageMessage().hidden()) {
        names.add(sub.getKey());
      }
    }
    return names;
  }

  /** "; did you mean 'a' or 'b'?" for the candidates close to {@code word}, or nothing. */
  private static String suggest(String word, List<String> candidates) {
    Map<String, Integer> close = new TreeMap<>();
    for (String candidate : candidates) {
      int distance = distance(word, candidate);
      boolean prefix = word.replace("-", "").length() >= 3 && candidate.startsWith(word);
      if (distance <= allowed(word) || prefix) {
        close.put(candidate, distance);
      }
    }
    List<String> best =
        close.entrySet().stream()
            .sorted(
                Map.Entry.<String, Integer>comparingByValue()
                    .thenComparing(Map.Entry.comparingByKey()))
            .limit(MAX_SUGGESTIONS)
            .map(entry -> "'" + entry.getKey() + "'")
            .toList();
    if (best.isEmpty()) {
      return "";
    }
    return "; did you mean " + String.join(" or ", best) + "?";
  }

  /** Typos allowed: one in a short word, two in a longer one. */
  private static int allowed(String word) {
    return word.replace("-", "").length() <= 4 ? 1 : 2;
  }

  /**
   * The optimal string alignment distance: insertions, deletions, substitutions and swaps of two
   * neighbouring letters, each one typo ("kyes" is one from "keys").
   */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
