package dev.keygate.adapter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keygate.domain.ConflictException;
import dev.keygate.domain.ForbiddenException;
import dev.keygate.domain.KeygateException;
import dev.keygate.domain.LimitReachedException;
import dev.keygate.domain.NotFoundException;
import dev.keygate.domain.ValidationException;
import dev.keygate.domain.key.IllegalKeyTransitionException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

class ExitCodesTest {

  @Test
  void eachKindOfFailure_hasItsExitCode() {
    assertThat(ExitCodes.of(new ValidationException("bad name"))).isEqualTo(1);
    assertThat(ExitCodes.of(new UsageException("bad setting"))).isEqualTo(2);
    assertThat(ExitCodes.of(new NotFoundException("no such key"))).isEqualTo(3);
    assertThat(ExitCodes.of(new ConflictException("duplicate"))).isEqualTo(4);
    assertThat(ExitCodes.of(new IllegalKeyTransitionException("revoked"))).isEqualTo(4);
    assertThat(ExitCodes.of(new ForbiddenException("not yours"))).isEqualTo(5);
    assertThat(ExitCodes.of(new IllegalStateException("bug"))).isEqualTo(5);
    assertThat(ExitCodes.of(new LimitReachedException("busy", Duration.ofSeconds(1)))).isEqualTo(6);
  }

  @Test
  void eachKindOfBusinessFailure_hasItsExitCode() {
    Map<KeygateException.Kind, Integer> expected =
        Map.of(
            KeygateException.Kind.INVALID, 1,
            KeygateException.Kind.NOT_FOUND, 3,
            KeygateException.Kind.CONFLICT, 4,
            KeygateException.Kind.FORBIDDEN, 5,
            KeygateException.Kind.LIMIT_REACHED, 6);

    assertThat(expected).containsOnlyKeys(KeygateException.Kind.values());
    expected.forEach(
        (kind, code) -> assertThat(ExitCodes.of(kind)).as(kind.name()).isEqualTo(code));
  }

  @Test
  void aFailureInACommand_isOneLineOnStderr_namingTheCommand() {
    StringWriter err = new StringWriter();

    int code = run(err, new Failing(new NotFoundException("api key api_key_1 not found")));

    assertThat(code).isEqualTo(3);
    assertThat(err.toString()).isEqualTo("failing: api key api_key_1 not found\n");
  }

  @Test
  void anUnexpectedFailure_saysFailed_withTheRootCause_onOneLine() {
    StringWriter err = new StringWriter();
    Exception failure =
        new IllegalStateException("cannot open the database", new IOException("disk\nfull"));

    int code = run(err, new Failing(failure));

    assertThat(code).isEqualTo(5);
    assertThat(err.toString()).isEqualTo("failing: failed: cannot open the database: disk full\n");
  }

  @Test
  void verbose_addsTheStackTrace() {
    StringWriter err = new StringWriter();

    int code = run(err, new Failing(new IllegalStateException("bug")), "--verbose");

    assertThat(code).isEqualTo(5);
    assertThat(err.toString())
        .startsWith("failing: failed: bug\njava.lang.IllegalStateException: bug\n")
        .contains("\tat ");
  }

  @Test
  void aParseError_isAUsageError_pointingToHelp() {
    StringWriter err = new StringWriter();

    int code = run(err, new Failing(new IllegalStateException("never run")), "--nope");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString())
        .isEqualTo("failing: unknown option '--nope' (see 'failing --help')\n");
  }

  private static int run(StringWriter err, Object command, String... args) {
    CommandLine commandLine = new CommandLine(command);
    commandLine.setErr(new PrintWriter(err, true));
    commandLine.setOut(new PrintWriter(new StringWriter(), true));
    return ExitCodes.install(commandLine).execute(args);
  }

  @Command(name = "failing")
  static final class Failing implements Callable<Integer> {
    private final Exception failure;

    @Option(names = "--verbose")
    boolean verbose;

    Failing(Exception failure) {
      this.failure = failure;
    }

    @Override
    public Integer call() throws Exception {
      throw failure;
    }
  }
}
