package dev.keygate.adapter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** A mistyped word is named on one line, with the command or option meant when one is close. */
class DidYouMeanTest {

  @Test
  void aMistypedGroup_namesTheGroupMeant() {
    assertThat(usageError("kyes", "list"))
        .isEqualTo("keygate: unknown command 'kyes'; did you mean 'keys'? (see 'keygate --help')");
  }

  @Test
  void aMistypedCommand_namesTheCommandMeant() {
    assertThat(usageError("keys", "lst"))
        .isEqualTo(
            "keygate keys: unknown command 'lst'; did you mean 'list'? (see 'keygate keys"
                + " --help')");
  }

  @Test
  void aMistypedOption_namesTheOptionMeant_withOrWithoutItsValue() {
    String expected =
        "keygate keys list: unknown option '--lmit'; did you mean '--limit'? (see 'keygate keys"
            + " list --help')";

    assertThat(usageError("keys", "list", "--lmit", "3")).isEqualTo(expected);
    assertThat(usageError("keys", "list", "--lmit=3")).isEqualTo(expected);
  }

  @Test
  void severalCloseWords_areAllNamed() {
    assertThat(usageError("keys", "lit"))
        .isEqualTo(
            "keygate keys: unknown command 'lit'; did you mean 'lift' or 'list'? (see 'keygate"
                + " keys --help')");
  }

  @Test
  void nothingClose_namesOnlyTheWord() {
    assertThat(usageError("xyzzy"))
        .isEqualTo("keygate: unknown command 'xyzzy' (see 'keygate --help')");
    assertThat(usageError("keys", "list", "extra"))
        .isEqualTo(
            "keygate keys list: unexpected argument 'extra' (see 'keygate keys list --help')");
  }

  @Test
  void aHiddenOption_isNeverSuggested() {
    assertThat(usageError("keys", "list", "--secre"))
        .isEqualTo("keygate keys list: unknown option '--secre' (see 'keygate keys list --help')");
  }

  @Test
  void distance_countsASwapOfNeighboursAsOneTypo() {
    assertThat(DidYouMean.distance("kyes", "keys")).isEqualTo(1);
    assertThat(DidYouMean.distance("lst", "list")).isEqualTo(1);
    assertThat(DidYouMean.distance("keys", "keys")).isZero();
    assertThat(DidYouMean.distance("orgs", "apis")).isEqualTo(3);
  }

  private static String usageError(String... args) {
    CommandLine keygate =
        new CommandLine(new Root())
            .addSubcommand(
                new CommandLine(new Keys())
                    .addSubcommand(new List())
                    .addSubcommand(new Lift())
                    .addSubcommand(new Create()))
            .addSubcommand(new Orgs());
    StringWriter err = new StringWriter();
    keygate.setErr(new PrintWriter(err, true));
    keygate.setOut(new PrintWriter(new StringWriter(), true));

    int code = ExitCodes.install(keygate).execute(args);

    assertThat(code).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).endsWith("\n").hasLineCount(1);
    return err.toString().strip();
  }

  @Command(name = "keygate")
  static final class Root implements Runnable {
    @Override
    public void run() {}
  }

  @Command(name = "keys")
  static final class Keys implements Runnable {
    @Override
    public void run() {}
  }

  @Command(name = "orgs")
  static final class Orgs implements Runnable {
    @Override
    public void run() {}
  }

  @Command(name = "list")
  static final class List implements Runnable {
    @Option(names = "--limit")
    int limit;

    @Option(names = "--status")
    String status;

    @Option(names = "--secret", hidden = true)
    boolean secret;

    @Override
    public void run() {}
  }

  @Command(name = "lift")
  static final class Lift implements Runnable {
    @Override
    public void run() {}
  }

  @Command(name = "create")
  static final class Create implements Runnable {
    @Override
    public void run() {}
  }
}
