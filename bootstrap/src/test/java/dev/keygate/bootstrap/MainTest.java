package dev.keygate.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line in-process: init, usage errors and failures, each as one line. */
class MainTest {

  @TempDir Path directory;

  @Test
  void init_printsTheRootKeyOnce_andNeverAgain() {
    Cli.Result first = Cli.run(Cli.environment(directory), directory, "init");
    Cli.Result second = Cli.run(Cli.environment(directory), directory, "init");

    assertThat(first.code()).isZero();
    assertThat(first.tokens()).hasSize(1);
    assertThat(first.out()).contains("shown only this time");
    assertThat(first.err()).isEmpty();
    assertThat(second.code()).isZero();
    assertThat(second.out()).contains("already initialised").doesNotContain("k_live_");
    assertThat(second.err()).isEmpty();
  }

  @Test
  void init_withAnotherKeyPrefix_printsARootKeyWithThatPrefix() {
    Cli.Result init =
        Cli.run(Cli.environment(directory), directory, "init", "--key-prefix", "acme_test");

    assertThat(init.code()).isZero();
    assertThat(init.out()).containsPattern("\n    acme_test_[0-9A-Za-z]{61}\n");
  }

  @Test
  void badPortFlag_isOneLineOnStderr_andExitCodeTwo() {
    Cli.Result serve = Cli.run(Cli.environment(directory), directory, "serve", "--port", "abc");

    assertThat(serve.code()).isEqualTo(2);
    assertThat(serve.errLines())
        .containsExactly("keygate serve: invalid port 'abc' from --port: must be a whole number");
    assertThat(serve.out()).isEmpty();
    assertThat(directory.resolve("keygate.mv.db")).doesNotExist();
  }

  @Test
  void badPortInTheEnvironment_namesTheVariable() {
    Map<String, String> environment = Cli.environment(directory);
    environment.put("KEYGATE_PORT", "70000");

    Cli.Result serve = Cli.run(environment, directory, "serve");

    assertThat(serve.code()).isEqualTo(2);
    assertThat(serve.errLines())
        .containsExactly(
            "keygate serve: invalid port '70000' from KEYGATE_PORT: must be a whole number from 0"
                + " to 65535");
  }

  @Test
  void badValueInThePropertiesFile_namesTheKeyAndTheFile() throws IOException {
    Files.writeString(directory.resolve("keygate.properties"), "keygate.verified.token.ttl=soon\n");

    Cli.Result init = Cli.run(Map.of(), directory, "init");

    assertThat(init.code()).isEqualTo(2);
    assertThat(init.errLines()).hasSize(1);
    assertThat(init.err())
        .startsWith(
            "keygate init: invalid verified token ttl 'soon' from keygate.verified.token.ttl in ")
        .contains(directory.resolve("keygate.properties").toString());
  }

  @Test
  void unknownOption_isOneLineOnStderr_andExitCodeTwo() {
    Cli.Result serve = Cli.run(Cli.environment(directory), directory, "serve", "--prot", "1");

    assertThat(serve.code()).isEqualTo(2);
    assertThat(serve.errLines()).hasSize(1);
    assertThat(serve.errLines())
        .containsExactly(
            "keygate serve: unknown option '--prot'; did you mean '--port'? (see 'keygate serve"
                + " --help')");
  }

  @Test
  void aMistypedCommand_namesTheWord_andTheCommandMeant() {
    Cli.Result group = Cli.run(Map.of(), directory, "kyes", "list");
    Cli.Result command = Cli.run(Map.of(), directory, "keys", "lst");
    Cli.Result nothingClose = Cli.run(Map.of(), directory, "xyzzy");

    assertThat(group.code()).isEqualTo(2);
    assertThat(group.errLines())
        .containsExactly(
            "keygate: unknown command 'kyes'; did you mean 'keys'? (see 'keygate --help')");
    assertThat(command.code()).isEqualTo(2);
    assertThat(command.errLines())
        .containsExactly(
            "keygate keys: unknown command 'lst'; did you mean 'list'? (see 'keygate keys --help')");
    assertThat(nothingClose.code()).isEqualTo(2);
    assertThat(nothingClose.errLines())
        .containsExactly("keygate: unknown command 'xyzzy' (see 'keygate --help')");
  }

  @Test
  void noCommand_isAUsageError() {
    Cli.Result keygate = Cli.run(Map.of(), directory);

    assertThat(keygate.code()).isEqualTo(2);
    assertThat(keygate.errLines())
        .containsExactly(
            "keygate: choose a command: serve, init, orgs, users, apis, scopes, keys, grants, audit,"
                + " applications, webhooks, signing-keys, portal-link, completion (see 'keygate --help')");
  }

  @Test
  void databaseThatDoesNotAnswer_isOneLineWithoutStackTrace_andExitCodeFive() {
    Cli.Result init =
        Cli.run(
            Map.of("KEYGATE_DB_URL", "jdbc:postgresql://127.0.0.1:1/keygate"), directory, "init");

    assertThat(init.code()).isEqualTo(5);
    assertThat(init.errLines()).hasSize(1);
    assertThat(init.err()).startsWith("keygate init: failed: ").doesNotContain("\tat ");
  }

  @Test
  void portAlreadyTaken_isOneLine_andExitCodeSeven() throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Cli.Result serve =
          Cli.run(
              Cli.environment(directory),
              directory,
              "serve",
              "--port",
              String.valueOf(taken.getLocalPort()));

      assertThat(serve.code()).isEqualTo(7);
      assertThat(serve.errLines()).hasSize(1);
      assertThat(serve.err())
          .startsWith("keygate serve: cannot listen for the API on ")
          .contains(String.valueOf(taken.getLocalPort()));
    }
  }

  @Test
  void verbose_addsTheStackTrace() {
    Cli.Result init =
        Cli.run(
            Map.of("KEYGATE_DB_URL", "jdbc:postgresql://127.0.0.1:1/keygate"),
            directory,
            "init",
            "--verbose");

    assertThat(init.code()).isEqualTo(5);
    assertThat(init.err()).startsWith("keygate init: failed: ").contains("\tat ");
  }

  @Test
  void help_andVersion_answerOnStandardOutput() {
    Cli.Result help = Cli.run(Map.of(), directory, "serve", "--help");
    Cli.Result version = Cli.run(Map.of(), directory, "--version");

    assertThat(help.code()).isZero();
    assertThat(help.out()).contains("--port", "--host", "--db-url", "KEYGATE_PORT");
    assertThat(version.code()).isZero();
    assertThat(version.out()).startsWith("keygate ");
  }
}
