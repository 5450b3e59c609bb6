import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

/**
 * The load of scripts/soak.sh: workers that each own their keys and run a mix of management and
 * verification calls against a running {@code keygate serve} for a while, checking every answer. An
 * error is a final answer other than the one the call must get (status and, for verify, code) or no
 * answer at all. A 429 is Keygate shedding load: it is waited out as {@code Retry-After} says and
 * the call sent again (up to 10 times), and counted; a wrong secret answered 429 is a
 * failed-attempt limit at work, expected and not sent again. Runs from source with the JDK alone:
 * {@code java scripts/SoakLoad.java ...}.
 *
 * <p>Arguments: base URL, API id, organization code, user id, seconds, workers; the management key
 * comes in the environment variable {@code SOAK_KEY}, out of sight of {@code ps}.
 */
public final class SoakLoad {

  private static final Pattern KEY_ID =
      Pattern.compile("\"id\"\\s*:\\s*\"(api_key_[0-9a-f]{32})\"");
  private static final Pattern KEY = Pattern.compile("\"key\"\\s*:\\s*\"([^\"]+)\"");
  private static final Pattern CODE = Pattern.compile("\"code\"\\s*:\\s*\"([A-Z_]+)\"");
  private static final String BASE62 =
      "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  private static final int SECRET = 43;
  private static final int CHECKSUM = 6;
  private static final int ERROR_SAMPLES = 10;
  private static final int MAX_RETRIES = 10;
  private static final long MAX_RETRY_AFTER_SECONDS = 5;

  /**
   * What a worker does, with how often it does it (weights out of 100): mostly verifications, as in
   * production, and about one call in five that costs an Argon2 hash (a wrong secret, a new or
   * rotated key, the first verification after a rotation).
   */
  enum Kind {
    VERIFY_VALID(60),
    VERIFY_WRONG_SECRET(10),
    GET(7),
    LIST(6),
    CREATE(4),
    REVOKE(3),
    ROTATE(3),
    DISABLE_ENABLE(4),
    VERIFY_CHURNED(3);

    final int weight;

    Kind(int weight) {
      this.weight = weight;
    }
  }

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final String base;
  private final String bearer;
  private final String apiId;
  private final String orgCode;
  private final String userId;

  private final Map<Kind, AtomicLong> counts = new ConcurrentHashMap<>();
  private final Map<Kind, AtomicLong> errors = new ConcurrentHashMap<>();
  private final Map<Kind, AtomicLong> throttled = new ConcurrentHashMap<>();
  private final Map<Kind, List<Long>> latencies = new ConcurrentHashMap<>();
  private final AtomicLong setupRequests = new AtomicLong();
  private final AtomicLong throttledWrongSecrets = new AtomicLong();
  private final ConcurrentLinkedQueue<String> samples = new ConcurrentLinkedQueue<>();

  private SoakLoad(String base, String bearer, String apiId, String orgCode, String userId) {
    this.base = base;
    this.bearer = bearer;
    this.apiId = apiId;
    this.orgCode = orgCode;
    this.userId = userId;
    for (Kind kind : Kind.values()) {
      counts.put(kind, new AtomicLong());
      errors.put(kind, new AtomicLong());
      throttled.put(kind, new AtomicLong());
      latencies.put(kind, Collections.synchronizedList(new ArrayList<>()));
    }
  }

  public static void main(String[] args) throws Exception {
    String key = System.getenv("SOAK_KEY");
    if (args.length != 6 || key == null || key.isBlank()) {
      System.err.println(
          "usage: SOAK_KEY=<management key> java SoakLoad.java BASE_URL API_ID ORG_CODE USER_ID"
              + " SECONDS WORKERS");
      System.exit(2);
    }
    SoakLoad load = new SoakLoad(args[0], key, args[1], args[2], args[3]);
    int seconds = Integer.parseInt(args[4]);
    int workers = Integer.parseInt(args[5]);
    System.exit(load.run(seconds, workers));
  }

  private int run(int seconds, int workerCount) throws InterruptedException {
    List<Worker> workers = new ArrayList<>();
    for (int i = 0; i < workerCount; i++) {
      workers.add(new Worker(i));
    }
    for (Worker worker : workers) {
      worker.setUp();
    }
    long start = System.nanoTime();
    long deadline = start + Duration.ofSeconds(seconds).toNanos();
    List<Thread> threads = new ArrayList<>();
    for (Worker worker : workers) {
      Thread thread = new Thread(() -> worker.runUntil(deadline), "soak-" + worker.number);
      thread.start();
      threads.add(thread);
    }
    for (Thread thread : threads) {
      thread.join();
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    return report(elapsed, workerCount);
  }

  private int report(double elapsed, int workerCount) {
    long total = counts.values().stream().mapToLong(AtomicLong::get).sum();
    long failed = errors.values().stream().mapToLong(AtomicLong::get).sum();
    System.out.printf(
        Locale.ROOT,
        "load: %d workers for %.1f s, %d setup requests before%n",
        workerCount,
        elapsed,
        setupRequests.get());
    System.out.printf(
        Locale.ROOT,
        "%-22s %9s %7s %12s %9s %9s%n",
        "call",
        "calls",
        "errors",
        "429 retried",
        "p50 ms",
        "p99 ms");
    for (Kind kind : Kind.values()) {
      List<Long> sorted = new ArrayList<>(latencies.get(kind));
      Collections.sort(sorted);
      System.out.printf(
          Locale.ROOT,
          "%-22s %9d %7d %12d %9.1f %9.1f%n",
          kind.name().toLowerCase(Locale.ROOT),
          counts.get(kind).get(),
          errors.get(kind).get(),
          throttled.get(kind).get(),
          percentile(sorted, 0.50),
          percentile(sorted, 0.99));
    }
    long retried = throttled.values().stream().mapToLong(AtomicLong::get).sum();
    System.out.printf(
        Locale.ROOT,
        "total requests: %d (%.1f/s): %d calls, %d of them sent again after a 429%n",
        total + retried,
        (total + retried) / Math.max(elapsed, 1e-9),
        total,
        retried);
    System.out.printf(
        Locale.ROOT,
        "wrong secrets answered 429 (expected under failed-attempt limits): %d%n",
        throttledWrongSecrets.get());
    System.out.printf(Locale.ROOT, "errors: %d%n", failed);
    for (String sample : samples) {
      System.err.println("error: " + sample);
    }
    return failed == 0 && total > 0 ? 0 : 1;
  }

  private static double percentile(List<Long> sorted, double p) {
    if (sorted.isEmpty()) {
      return 0;
    }
    int index = (int) Math.ceil(p * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1))) / 1e6;
  }

  /** One worker: its own keys, so that its transitions never race another worker's. */
  private final class Worker {

    final int number;
    private String verifyToken;
    private String victimToken;
    private String churnId;
    private String churnToken;
    private boolean churnActive = true;
    private final List<String> created = new ArrayList<>();

    Worker(int number) {
      this.number = number;
    }

    void setUp() {
      verifyToken = createKey("soak verify " + number).token;
      victimToken = createKey("soak wrong secrets " + number).token;
      Issued churn = createKey("soak churn " + number);
      churnId = churn.id;
      churnToken = churn.token;
    }

    void runUntil(long deadline) {
      while (System.nanoTime() < deadline) {
        Kind kind = pick();
        if (kind == Kind.REVOKE && created.isEmpty()) {
          kind = Kind.CREATE;
        }
        long began = System.nanoTime();
        boolean ok;
        try {
          ok = perform(kind);
        } catch (IOException | RuntimeException e) {
          ok = fail(kind, "no answer: " + e);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
        latencies.get(kind).add(System.nanoTime() - began);
        counts.get(kind).incrementAndGet();
        if (!ok) {
          errors.get(kind).incrementAndGet();
        }
      }
    }

    private Kind pick() {
      int roll = ThreadLocalRandom.current().nextInt(100);
      for (Kind kind : Kind.values()) {
        roll -= kind.weight;
        if (roll < 0) {
          return kind;
        }
      }
      return Kind.VERIFY_VALID;
    }

    private boolean perform(Kind kind) throws IOException, InterruptedException {
      switch (kind) {
        case VERIFY_VALID:
          return verify(kind, verifyToken, "API_KEY_VERIFIED");
        case VERIFY_WRONG_SECRET:
          {
            Answer answer = send("POST", "/api/v1/api_keys/verify", verifyBody(wrongSecret()));
            if (answer.status == 429) {
              throttledWrongSecrets.incrementAndGet();
              return true;
            }
            return expect(kind, answer, 200, "API_KEY_INVALID");
          }
        case GET:
          return expect(
              kind, sendRetrying(kind, "GET", "/api/v1/api_keys/" + churnId, null), 200, null);
        case LIST:
          return expect(
              kind,
              sendRetrying(
                  kind, "GET", "/api/v1/api_keys?org_code=" + orgCode + "&page_size=20", null),
              200,
              null);
        case CREATE:
          {
            Answer answer =
                sendRetrying(
                    kind, "POST", "/api/v1/api_keys", createBody("soak created " + number));
            if (!expect(kind, answer, 201, "API_KEY_CREATED")) {
              return false;
            }
            created.add(group(KEY_ID, answer.body));
            return true;
          }
        case REVOKE:
          {
            String id = created.remove(created.size() - 1);
            return expect(
                kind, sendRetrying(kind, "DELETE", "/api/v1/api_keys/" + id, null), 200, "OK");
          }
        case ROTATE:
          {
            Answer answer = sendRetrying(kind, "PUT", "/api/v1/api_keys/" + churnId, null);
            if (!expect(kind, answer, 201, "API_KEY_ROTATED")) {
              return false;
            }
            churnToken = group(KEY, answer.body);
            return true;
          }
        case DISABLE_ENABLE:
          {
            String status = churnActive ? "inactive" : "active";
            Answer answer =
                sendRetrying(
                    kind,
                    "PATCH",
                    "/api/v1/api_keys/" + churnId,
                    "{\"status\":\"" + status + "\"}");
            if (!expect(kind, answer, 200, null)) {
              return false;
            }
            churnActive = !churnActive;
            return true;
          }
        case VERIFY_CHURNED:
          return verify(kind, churnToken, churnActive ? "API_KEY_VERIFIED" : "API_KEY_INACTIVE");
        default:
          throw new IllegalStateException("unknown call " + kind);
      }
    }

    private boolean verify(Kind kind, String token, String code)
        throws IOException, InterruptedException {
      return expect(
          kind,
          sendRetrying(kind, "POST", "/api/v1/api_keys/verify", verifyBody(token)),
          200,
          code);
    }

    private boolean expect(Kind kind, Answer answer, int status, String code) {
      if (answer.status != status) {
        return fail(kind, "status " + answer.status + " (wanted " + status + "): " + answer.body);
      }
      if (code != null) {
        Matcher matcher = CODE.matcher(answer.body);
        String actual = matcher.find() ? matcher.group(1) : "none";
        if (!actual.equals(code)) {
          return fail(kind, "code " + actual + " (wanted " + code + "): " + answer.body);
        }
      }
      return true;
    }

    private boolean fail(Kind kind, String what) {
      if (samples.size() < ERROR_SAMPLES) {
        samples.add(kind.name().toLowerCase(Locale.ROOT) + ": " + what);
      }
      return false;
    }

    /** The victim key's token with one secret character changed and a sound checksum. */
    private String wrongSecret() {
      ThreadLocalRandom random = ThreadLocalRandom.current();
      char[] token = victimToken.toCharArray();
      int secretStart = token.length - CHECKSUM - SECRET;
      int at = secretStart + random.nextInt(SECRET);
      char replacement;
      do {
        replacement = BASE62.charAt(random.nextInt(BASE62.length()));
      } while (replacement == token[at]);
      token[at] = replacement;
      int checksumStart = token.length - CHECKSUM;
      CRC32 crc = new CRC32();
      crc.update(new String(token, 0, checksumStart).getBytes(StandardCharsets.US_ASCII));
      long value = crc.getValue();
      for (int i = token.length - 1; i >= checksumStart; i--) {
        token[i] = BASE62.charAt((int) (value % 62));
        value /= 62;
      }
      return new String(token);
    }

    private Issued createKey(String name) {
      try {
        setupRequests.incrementAndGet();
        Answer answer = sendRetrying(null, "POST", "/api/v1/api_keys", createBody(name));
        if (answer.status != 201) {
          throw new IllegalStateException(
              "setup: creating a key answered " + answer.status + ": " + answer.body);
        }
        return new Issued(group(KEY_ID, answer.body), group(KEY, answer.body));
      } catch (IOException e) {
        throw new IllegalStateException("setup: creating a key failed: " + e, e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }

    private String createBody(String name) {
      // Half the keys belong to the organization, half to the user.
      String owner =
          ThreadLocalRandom.current().nextBoolean()
              ? "\"org_code\":\"" + orgCode + "\""
              : "\"user_id\":\"" + userId + "\"";
      return "{\"name\":\""
          + name
          + "\",\"api_id\":\""
          + apiId
          + "\",\"scope_ids\":[\"read:users\"],"
          + owner
          + "}";
    }
  }

  private static String verifyBody(String token) {
    return "{\"api_key\":\"" + token + "\",\"required_scopes\":[\"read:users\"]}";
  }

  private static String group(Pattern pattern, String body) {
    Matcher matcher = pattern.matcher(body);
    if (!matcher.find()) {
      throw new IllegalStateException("no " + pattern + " in " + body);
    }
    return matcher.group(1);
  }

  /**
   * Sends a call until it is answered other than 429, waiting as {@code Retry-After} says, as a
   * client should when Keygate sheds load; each 429 is counted for {@code kind} (null: setup).
   */
  private Answer sendRetrying(Kind kind, String method, String path, String json)
      throws IOException, InterruptedException {
    Answer answer = send(method, path, json);
    for (int attempt = 1; answer.status == 429 && attempt <= MAX_RETRIES; attempt++) {
      if (kind != null) {
        throttled.get(kind).incrementAndGet();
      }
      Thread.sleep(Math.min(answer.retryAfterSeconds, MAX_RETRY_AFTER_SECONDS) * 1000L);
      answer = send(method, path, json);
    }
    return answer;
  }

  private Answer send(String method, String path, String json)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + bearer);
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    request.method(
        method,
        json == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(json));
    HttpResponse<String> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    long retryAfter =
        response.headers().firstValue("Retry-After").map(SoakLoad::seconds).orElse(1L);
    return new Answer(response.statusCode(), response.body(), retryAfter);
  }

  private static long seconds(String retryAfter) {
    try {
      return Math.max(1, Long.parseLong(retryAfter.strip()));
    } catch (NumberFormatException e) {
      return 1;
    }
  }

  private record Answer(int status, String body, long retryAfterSeconds) {}

  private record Issued(String id, String token) {}
}
