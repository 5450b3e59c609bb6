package dev.keygate.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's walkthroughs run as written, with bash, against the runnable jar: every {@code sh}
 * block and every {@code $ } line of a {@code console} block of "Use it over HTTP" (with its
 * subsections), "M2M applications and access tokens" and "Use it from the command line", in that
 * order, in one shell, after a first {@code ./keygate serve} has initialised the data (the state
 * that made the walkthrough fail silently). The HTTP walkthrough's last block stops the server, so
 * it runs after the M2M section, which uses the server too. The README's own first line, {@code set
 * -euo pipefail}, makes any failing step end the run, so a pass means every step worked; the run
 * must also leave nothing behind but the data.
 *
 * <p>It runs after {@code package} (failsafe), because it runs {@code target/keygate.jar} itself,
 * through a {@code ./keygate} that runs the jar as the launcher does once it is built.
 */
class ReadmeWalkthroughIT {

  private static final Path JAR = Path.of("target/keygate.jar").toAbsolutePath();

  /** Sections that other parts of the README own and that need a setting of their own. */
  private static final Set<String> NOT_RUN_HERE = Set.of("### Against a running server");

  @TempDir Path clone;

  @TempDir Path logs;

  @Test
  void theWalkthroughs_runAsWritten_afterServeInitialisedTheData_andLeaveNoStrayFiles()
      throws Exception {
    assertThat(JAR).as("the runnable jar, made by package").exists();
    String readme = Files.readString(Path.of("../README.md"));
    List<String> http = blocks(section(readme, "## Use it over HTTP"));
    String stop = http.remove(http.size() - 1);
    assertThat(stop).as("the HTTP walkthrough's last block stops the server").contains("kill");
    List<String> m2m = blocks(section(readme, "## M2M applications and access tokens"));
    List<String> cli = blocks(section(readme, "## Use it from the command line"));
    assertThat(http).hasSizeGreaterThan(10);
    assertThat(m2m).isNotEmpty();
    assertThat(cli).hasSizeGreaterThan(5);

    StringBuilder script = new StringBuilder();
    // The starting point the issue found failing: serve ran first, so the data is initialised
    // and its root key was printed then.
    script.append(
        "./keygate serve > \"$LOGS/first-serve.out\" 2> \"$LOGS/first-serve.err\" &\n"
            + "first=$!\n"
            + "until curl -sf \"$KG_URL/health\" > /dev/null; do kill -0 $first || exit 90;"
            + " sleep 0.5; done\n"
            + "kill $first; wait $first || true\n");
    append(script, "HTTP", http);
    append(script, "M2M", m2m);
    // kg does not hide a refusal: it says what was answered and fails.
    script.append(
        "(AUTH=\"Authorization: Bearer k_live_not_a_key\"; kg GET /api_keys) 2> \"$LOGS/401.err\""
            + " && exit 91\n");
    append(script, "HTTP (stop)", List.of(stop));
    append(script, "CLI", cli);
    Path scriptFile = logs.resolve("walkthrough.sh");
    Files.writeString(scriptFile, script);
    Path keygate = clone.resolve("keygate");
    // As the launcher starts it, less the build: from the class-data sharing archive when the
    // build made one (the walkthrough runs some forty commands).
    Path archive = JAR.resolveSibling("keygate.jsa");
    String sharing =
        Files.exists(archive) ? " -XX:SharedArchiveFile=" + archive + " -Xshare:auto" : "";
    Files.writeString(
        keygate,
        "#!/bin/sh\nexec java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC"
            + sharing
            + " -jar "
            + JAR
            + " \"$@\"\n");
    Files.setPosixFilePermissions(keygate, PosixFilePermissions.fromString("rwx------"));

    int port = freePort();
    ProcessBuilder bash =
        new ProcessBuilder("bash", scriptFile.toString())
            .directory(clone.toFile())
            .redirectOutput(logs.resolve("out.txt").toFile())
            .redirectError(logs.resolve("err.txt").toFile());
    bash.environment().keySet().removeIf(name -> name.startsWith("KEYGATE_"));
    bash.environment().putAll(KeygateProcess.cheapEnvironment());
    bash.environment().put("KEYGATE_PORT", String.valueOf(port));
    bash.environment().put("KG_URL", "http://127.0.0.1:" + port);
    bash.environment().put("HOOK_PORT", String.valueOf(freePort()));
    bash.environment().put("LOGS", logs.toString());
    Process run = bash.start();
    boolean ended = run.waitFor(20, TimeUnit.MINUTES);
    if (!ended) {
      run.descendants().forEach(ProcessHandle::destroyForcibly);
      run.destroyForcibly();
    }

    String err = Files.readString(logs.resolve("err.txt"));
    assertThat(ended).as("the walkthrough ended; its standard error:\n%s", err).isTrue();
    assertThat(run.exitValue())
        .as(
            "the walkthrough's exit code; the last step it began and what it said:\n%s",
            tail(err, 15))
        .isZero();
    assertThat(Files.readString(logs.resolve("401.err")))
        .startsWith("GET /api_keys answered HTTP 401: {\"errors\":");
    try (Stream<Path> left = Files.list(clone)) {
      assertThat(left.map(path -> path.getFileName().toString()))
          .as("what the walkthroughs left behind")
          .containsExactlyInAnyOrder("keygate", "keygate-data");
    }
    // Start-up says where it listens in one short line, not Javalin's configuration dumps.
    List<String> startUp = Files.readAllLines(logs.resolve("first-serve.err"));
    assertThat(startUp).allSatisfy(line -> assertThat(line).hasSizeLessThan(160));
    assertThat(startUp)
        .filteredOn(line -> line.contains("listening on"))
        .singleElement()
        .asString()
        .endsWith("listening on http://127.0.0.1:" + port);
  }

  private static void append(StringBuilder script, String section, List<String> blocks) {
    for (int i = 0; i < blocks.size(); i++) {
      script
          .append("echo '### README ")
          .append(section)
          .append(", block ")
          .append(i + 1)
          .append("' >&2\n")
          .append(blocks.get(i));
    }
  }

  /**
   * The lines of a {@code ##} section, its subsections included but for those {@link
   * #NOT_RUN_HERE}; headings inside code blocks (bash comments) are not headings.
   */
  static List<String> section(String readme, String heading) {
    List<String> lines = new ArrayList<>();
    boolean inside = false;
    boolean skipping = false;
    boolean fenced = false;
    for (String line : readme.split("\n", -1)) {
      if (line.startsWith("```")) {
        fenced = !fenced;
      }
      if (!fenced && line.startsWith("#")) {
        if (line.equals(heading)) {
          inside = true;
          continue;
        }
        if (inside && line.startsWith("## ")) {
          break;
        }
        if (line.startsWith("## ") || line.startsWith("### ")) {
          skipping = NOT_RUN_HERE.contains(line);
        }
      }
      if (inside && !skipping) {
        lines.add(line);
      }
    }
    assertThat(inside).as("README heading %s", heading).isTrue();
    return lines;
  }

  /**
   * What bash runs of each block: an {@code sh} block whole; of a {@code console} block, the
   * commands after {@code $ } with their continuation lines, not what they print.
   */
  static List<String> blocks(List<String> section) {
    List<String> blocks = new ArrayList<>();
    StringBuilder block = null;
    boolean console = false;
    boolean continued = false;
    for (String line : section) {
      if (block == null) {
        if (line.equals("```sh") || line.equals("```console")) {
          block = new StringBuilder();
          console = line.equals("```console");
          continued = false;
        }
        continue;
      }
      if (line.equals("```")) {
        blocks.add(block.toString());
        block = null;
      } else if (!console) {
        block.append(line).append('\n');
      } else if (line.startsWith("$ ") || continued) {
        String command = line.startsWith("$ ") && !continued ? line.substring(2) : line;
        block.append(command).append('\n');
        continued = line.endsWith("\\");
      }
    }
    return blocks;
  }

  private static String tail(String text, int lines) {
    List<String> all = text.lines().toList();
    return all.subList(Math.max(0, all.size() - lines), all.size()).stream()
        .collect(Collectors.joining("\n"));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      return socket.getLocalPort();
    }
  }
}
