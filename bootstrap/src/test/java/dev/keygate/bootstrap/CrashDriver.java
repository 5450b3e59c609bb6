package dev.keygate.bootstrap;

import dev.keygate.application.port.in.CreateApiKeyCommand;
import dev.keygate.application.port.in.IssuedApiKey;
import dev.keygate.application.port.in.KeygateUseCases;
import dev.keygate.application.port.in.Principal;
import dev.keygate.domain.api.ApiId;
import dev.keygate.domain.key.ApiKeyId;
import dev.keygate.domain.owner.OrgCode;
import dev.keygate.domain.owner.Owner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The program the crash tests kill with SIGKILL: through the embedded facade, two writers create
 * keys and rotate their own keys (no grace) while a third thread verifies the latest token of any
 * key, until the process is killed. It keeps a journal, one synced line per event: a call that
 * changes state is announced before it is made ({@code creating}, {@code rotating}) and its result
 * written only after it returned ({@code created}, {@code rotated}, {@code verified} with the time
 * it returned). The journal holds tokens, so it belongs in a test's temporary directory; nothing
 * here prints one.
 *
 * <p>Arguments: JDBC URL, user and password ({@code -} for none), the API id and organization code
 * keys are created for, the journal file, the usage flush interval in milliseconds.
 */
public final class CrashDriver {

  static final int WRITERS = 2;

  private final Keygate keygate;
  private final ApiId apiId;
  private final Owner owner;
  private final Journal journal;
  private final Map<String, String> latestTokens = new ConcurrentHashMap<>();

  private CrashDriver(Keygate keygate, ApiId apiId, Owner owner, Journal journal) {
    this.keygate = keygate;
    this.apiId = apiId;
    this.owner = owner;
    this.journal = journal;
  }

  public static void main(String[] args) throws Exception {
    Keygate.Builder builder =
        Keygate.builder()
            .jdbcUrl(args[0])
            .argon2(Deployment.CHEAP)
            .usageFlushInterval(Duration.ofMillis(Long.parseLong(args[6])));
    if (!args[1].equals("-")) {
      builder.credentials(args[1], args[2].equals("-") ? null : args[2]);
    }
    // Never closed: the process ends by SIGKILL, with whatever is still in memory.
    Keygate keygate = builder.build();
    Journal journal = new Journal(Path.of(args[5]));
    CrashDriver driver =
        new CrashDriver(keygate, new ApiId(args[3]), new Owner.Org(new OrgCode(args[4])), journal);
    List<Thread> threads = new ArrayList<>();
    for (int writer = 0; writer < WRITERS; writer++) {
      int seed = writer;
      threads.add(new Thread(() -> driver.write(seed), "writer-" + writer));
    }
    threads.add(new Thread(driver::verify, "verifier"));
    for (Thread thread : threads) {
      thread.setUncaughtExceptionHandler(
          (failed, e) -> {
            // Messages carry no tokens: Keygate never puts one in an exception's message.
            System.err.println(failed.getName() + " failed: " + e);
            System.exit(1);
          });
    }
    journal.line("started " + System.currentTimeMillis());
    threads.forEach(Thread::start);
    for (Thread thread : threads) {
      thread.join();
    }
  }

  /** Creates a key, then rotates one of this writer's keys, and again, until killed. */
  private void write(int writer) {
    KeygateUseCases keys = keygate.useCases();
    Principal operator = keygate.operator();
    Random random = new Random(writer);
    List<ApiKeyId> own = new ArrayList<>();
    while (true) {
      journal.line("creating " + writer);
      IssuedApiKey created =
          keys.createApiKey()
              .create(
                  operator,
                  new CreateApiKeyCommand(
                      "crash " + writer, apiId, List.of("read:users"), owner, Optional.empty()));
      String id = created.key().id().value();
      journal.line("created " + writer + " " + id + " " + created.token().reveal());
      latestTokens.put(id, created.token().reveal());
      own.add(created.key().id());

      ApiKeyId rotating = own.get(random.nextInt(own.size()));
      journal.line("rotating " + rotating.value());
      IssuedApiKey rotated = keys.rotateApiKey().rotate(operator, rotating, Duration.ZERO);
      journal.line("rotated " + rotating.value() + " " + rotated.token().reveal());
      latestTokens.put(rotating.value(), rotated.token().reveal());
    }
  }

  /** Verifies the latest token of a random key; journals each verification that counted. */
  private void verify() {
    Random random = new Random(-1);
    while (true) {
      List<Map.Entry<String, String>> known = List.copyOf(latestTokens.entrySet());
      if (known.isEmpty()) {
        Thread.onSpinWait();
        continue;
      }
      Map.Entry<String, String> key = known.get(random.nextInt(known.size()));
      // A rotation may overtake the token just read; that verification fails and is not counted.
      if (keygate.verify(key.getValue(), "read:users").isValid()) {
        journal.line("verified " + key.getKey() + " " + System.currentTimeMillis());
      }
    }
  }

  /** An append-only file, each line written whole and synced before the call returns. */
  static final class Journal {

    private final FileChannel file;

    Journal(Path path) throws IOException {
      file =
          FileChannel.open(
              path, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    }

    synchronized void line(String line) {
      try {
        ByteBuffer bytes = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.US_ASCII));
        while (bytes.hasRemaining()) {
          file.write(bytes);
        }
        file.force(false);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
