package dev.keygate.benchmarks;

import dev.keygate.adapter.crypto.Argon2Parameters;
import dev.keygate.application.port.in.AddScopeCommand;
import dev.keygate.application.port.in.CreateApiKeyCommand;
import dev.keygate.application.port.in.CreateOrganizationCommand;
import dev.keygate.application.port.in.IssuedApiKey;
import dev.keygate.application.port.in.RegisterApiCommand;
import dev.keygate.bootstrap.Keygate;
import dev.keygate.domain.api.Api;
import dev.keygate.domain.owner.OrgCode;
import dev.keygate.domain.owner.Owner;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How long a revoke on node A takes to be refused by node B, two processes on one database, each
 * following the change feed with the default bound (250 ms) and poll (100 ms): on PostgreSQL, woken
 * by {@code LISTEN/NOTIFY}; on one H2 file (A serves it with {@code AUTO_SERVER}, B reaches it over
 * H2's TCP), by polling.
 *
 * <p>Each trial: A issues a key; B verifies it until it is remembered, then verifies it again and
 * again (every 0.2 ms); after a random pause of up to 120 ms, so that the revoke falls anywhere in
 * B's poll cycle, A revokes it; the time from A's revoke returning to B's first refusal is the
 * trial's figure. Both processes read one monotonic clock (Linux's {@code CLOCK_MONOTONIC} behind
 * {@link System#nanoTime()}). A refusal seen before A's call returned counts as 0.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.keygate.benchmarks.PropagationBenchmark [trials]
 * </pre>
 */
public final class PropagationBenchmark {

  private static final Argon2Parameters CHEAP = new Argon2Parameters(256, 1, 1);

  private PropagationBenchmark() {}

  public static void main(String[] args) throws Exception {
    int trials = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    List<String> rows = new ArrayList<>();
    try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
      String url = postgres.getJdbcUrl("postgres", "postgres");
      rows.add(row("PostgreSQL, woken by LISTEN/NOTIFY", trials, url, "postgres", "postgres"));
    }
    Path directory = Files.createTempDirectory("keygate-propagation");
    String h2 = "jdbc:h2:file:" + directory.resolve("keygate") + ";AUTO_SERVER=TRUE";
    rows.add(row("H2 file, two processes, polled every 100 ms", trials, h2, "sa", "sa"));
    System.out.println();
    System.out.println("| database | trials | p50 | p99 | max |");
    System.out.println("|---|---:|---:|---:|---:|");
    rows.forEach(System.out::println);
  }

  private static String row(String name, int trials, String url, String user, String password)
      throws Exception {
    long[] nanos = measure(trials, url, user, password);
    Arrays.sort(nanos);
    return String.format(
        "| %s | %d | %s | %s | %s |",
        name,
        trials,
        millis(percentile(nanos, 50)),
        millis(percentile(nanos, 99)),
        millis(nanos[nanos.length - 1]));
  }

  private static long[] measure(int trials, String url, String user, String password)
      throws Exception {
    long[] nanos = new long[trials];
    try (Keygate a =
        Keygate.builder().jdbcUrl(url).credentials(user, password).argon2(CHEAP).build()) {
      Api api = setUp(a);
      Process b =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-cp",
                  System.getProperty("java.class.path"),
                  PropagationFollower.class.getName(),
                  url,
                  user,
                  password)
              .redirectError(ProcessBuilder.Redirect.INHERIT)
              .start();
      try (PrintWriter toB = new PrintWriter(b.getOutputStream(), true, StandardCharsets.US_ASCII);
          BufferedReader fromB =
              new BufferedReader(
                  new InputStreamReader(b.getInputStream(), StandardCharsets.US_ASCII))) {
        for (int trial = 0; trial < trials; trial++) {
          IssuedApiKey issued = issue(a, api, trial);
          toB.println(issued.token().reveal());
          expect(fromB, "ready");
          // At a random point of B's poll cycle, not always just after the poll that read the key.
          Thread.sleep(ThreadLocalRandom.current().nextLong(120));
          a.useCases().revokeApiKey().revoke(a.operator(), issued.key().id());
          long revoked = System.nanoTime();
          String[] refused = expect(fromB, "refused").split(" ");
          nanos[trial] = Math.max(0, Long.parseLong(refused[1]) - revoked);
        }
        toB.println("stop");
      } finally {
        b.waitFor();
      }
    }
    return nanos;
  }

  private static String expect(BufferedReader fromB, String word) throws IOException {
    String line = fromB.readLine();
    if (line == null || !line.startsWith(word)) {
      throw new IllegalStateException("node B answered " + line + ", not " + word);
    }
    return line;
  }

  private static Api setUp(Keygate a) {
    Api api =
        a.useCases()
            .registerApi()
            .register(a.operator(), new RegisterApiCommand("Users", "users-propagation"));
    a.useCases()
        .addScope()
        .add(a.operator(), new AddScopeCommand(api.id(), "read:users", "Read users"));
    a.useCases()
        .createOrganization()
        .create(
            a.operator(),
            new CreateOrganizationCommand("Acme", Optional.of(new OrgCode("org_propagation"))));
    return api;
  }

  private static IssuedApiKey issue(Keygate a, Api api, int trial) {
    return a.useCases()
        .createApiKey()
        .create(
            a.operator(),
            new CreateApiKeyCommand(
                "trial " + trial,
                api.id(),
                List.of("read:users"),
                new Owner.Org(new OrgCode("org_propagation")),
                Optional.empty()));
  }

  private static long percentile(long[] sorted, int percent) {
    int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, index)];
  }

  private static String millis(long nanos) {
    return String.format("%.1f ms", nanos / 1e6);
  }
}
