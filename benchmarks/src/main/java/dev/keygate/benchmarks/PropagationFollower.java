package dev.keygate.benchmarks;

import dev.keygate.adapter.crypto.Argon2Parameters;
import dev.keygate.application.port.in.VerifyOutcome;
import dev.keygate.bootstrap.Keygate;
import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.locks.LockSupport;

/**
 * Node B of {@link PropagationBenchmark}, a process of its own on the same database: for each token
 * read from stdin it verifies until the key is remembered, says {@code ready}, then verifies every
 * 0.2 ms until the key is refused and prints {@code refused <System.nanoTime()> <outcome>}.
 */
public final class PropagationFollower {

  private static final long BETWEEN_VERIFICATIONS_NANOS = 200_000;

  private PropagationFollower() {}

  public static void main(String[] args) throws Exception {
    // stdout carries the answers to node A alone; anything logged goes to stderr.
    PrintStream toA = new PrintStream(new FileOutputStream(FileDescriptor.out), true, "US-ASCII");
    System.setOut(System.err);
    try (Keygate b =
            Keygate.builder()
                .jdbcUrl(args[0])
                .credentials(args[1], args[2])
                .argon2(new Argon2Parameters(256, 1, 1))
                .build();
        BufferedReader fromA =
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.US_ASCII))) {
      for (String token = fromA.readLine();
          token != null && !token.equals("stop");
          token = fromA.readLine()) {
        while (!b.verify(token).isValid()) {
          // A's commit of the key is visible at once; this only waits out a slow first read.
          LockSupport.parkNanos(BETWEEN_VERIFICATIONS_NANOS);
        }
        b.verify(token);
        toA.println("ready");
        VerifyOutcome outcome = b.verify(token).outcome();
        while (outcome == VerifyOutcome.API_KEY_VERIFIED) {
          LockSupport.parkNanos(BETWEEN_VERIFICATIONS_NANOS);
          outcome = b.verify(token).outcome();
        }
        toA.println("refused " + System.nanoTime() + " " + outcome);
      }
    }
  }
}
