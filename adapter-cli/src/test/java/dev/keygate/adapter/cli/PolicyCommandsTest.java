package dev.keygate.adapter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keygate.application.fake.TestKeygate;
import dev.keygate.application.port.in.IssuedApiKey;
import dev.keygate.domain.api.Api;
import dev.keygate.domain.key.ApiKey;
import dev.keygate.domain.key.ApiKeyId;
import dev.keygate.domain.owner.OrgCode;
import dev.keygate.domain.owner.Owner;
import dev.keygate.domain.owner.UserId;
import dev.keygate.domain.policy.RateLimit;
import dev.keygate.domain.policy.Refill;
import dev.keygate.domain.policy.RefillMode;
import dev.keygate.wire.WireJson;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The usage policy on the command line, run as {@code keygate} runs its local commands but on the
 * application's in-memory fakes (clock at 2026-01-01T00:00:00Z): {@code keys create} and {@code
 * keys update} with their policy options, {@code keys show}, {@code keys list}, {@code keys usage},
 * {@code keys verify} with a cost and an address, and the owners' {@code rate-limits}.
 */
class PolicyCommandsTest {

  private static final Pattern KEY_ID = Pattern.compile("api_key_[0-9a-f]{32}");
  private static final Pattern TOKEN = Pattern.compile("k_live_[0-9A-Za-z]+");

  private final TestKeygate keygate = new TestKeygate();
  private final Api api = keygate.registerApi("https://users.example.com");

  {
    keygate.addScope(api, "read:users");
    keygate.createOrganization("org_acme");
    keygate.createUser("kp_alice");
  }

  /** What a command printed and how it ended. */
  record Result(int code, String out, String err) {
    JsonNode json() {
      try {
        return WireJson.mapper().readTree(out);
      } catch (IOException e) {
        throw new UncheckedIOException("not JSON: " + out, e);
      }
    }
  }

  @Command(name = "keygate")
  static final class Root implements Runnable {
    @Override
    public void run() {}
  }

  private Result keygate(String... args) {
    return keygateReading("", args);
  }

  private Result keygateReading(String in, String... args) {
    CommandLine root = new CommandLine(new Root());
    LocalCommands.addTo(
        root,
        keygate.services,
        new LocalCommands.Settings(
            TestKeygate.OPERATOR,
            new ByteArrayInputStream(in.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
            keygate.clock,
            () -> Duration.ofMinutes(15),
            () -> "http://127.0.0.1:8080"),
        command -> {});
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    root.setOut(new PrintWriter(out, true));
    root.setErr(new PrintWriter(err, true));
    ExitCodes.install(root);
    int code = root.execute(args);
    return new Result(code, out.toString(), err.toString());
  }

  private static Result ok(Result result) {
    assertThat(result.code()).as(result.err()).isZero();
    assertThat(result.err()).isEmpty();
    return result;
  }

  private static void failsWith(Result result, int code, String line) {
    assertThat(result.code()).as(result.out()).isEqualTo(code);
    assertThat(result.err()).isEqualTo(line + "\n");
    assertThat(result.out()).isEmpty();
  }

  private ApiKey stored(String keyId) {
    return keygate.apiKeys.findById(new ApiKeyId(keyId)).orElseThrow();
  }

  private static String keyId(String out) {
    Matcher matcher = KEY_ID.matcher(out);
    assertThat(matcher.find()).as(out).isTrue();
    return matcher.group();
  }

  private String createMetered(String... policy) {
    List<String> args =
        new java.util.ArrayList<>(
            List.of("keys", "create", "--name", "Metered", "--api", api.id().value(), "--org"));
    args.add("org_acme");
    args.addAll(List.of(policy));
    return keyId(ok(keygate(args.toArray(String[]::new))).out());
  }

  @Test
  void keysCreate_withEveryPolicyOption_issuesAKeyUnderThatPolicy() {
    Result created =
        ok(
            keygate(
                "keys",
                "create",
                "--name",
                "Metered",
                "--api",
                api.id().value(),
                "--org",
                "org_acme",
                "--rate-limit",
                "burst=100/1s",
                "--rate-limit",
                "daily=10000/1d",
                "--credits",
                "1000",
                "--refill",
                "500/monthly@15",
                "--refill-mode",
                "add",
                "--ip",
                "203.0.113.7/24",
                "--ip",
                "2001:DB8::/32"));

    ApiKey key = stored(keyId(created.out()));
    assertThat(key.policy().rateLimits())
        .containsExactly(RateLimit.of("burst", 100, 1), RateLimit.of("daily", 10_000, 86_400));
    assertThat(key.policy().credits().orElseThrow().remaining()).isEqualTo(1000);
    assertThat(key.policy().credits().orElseThrow().refill())
        .contains(Refill.monthly(500, 15, RefillMode.ADD));
    assertThat(key.policy().ipAllowlist().texts())
        .containsExactly("203.0.113.0/24", "2001:db8::/32");
    assertThat(created.out())
        .contains("Rate limits:   burst 100/1s, daily 10000/1d\n")
        .contains("Credits:       1000 left; 500 added monthly on day 15\n")
        .contains("Allowed from:  203.0.113.0/24, 2001:db8::/32\n");
  }

  @Test
  void keysCreate_readsEachRefillInterval() {
    assertThat(stored(createMetered("--credits", "5", "--refill", "5/daily")).policy().credits())
        .map(credits -> credits.refill().orElseThrow())
        .contains(Refill.daily(5, RefillMode.SET));
    assertThat(stored(createMetered("--credits", "5", "--refill", "5/monthly")).policy().credits())
        .map(credits -> credits.refill().orElseThrow())
        .contains(Refill.monthly(5, 1, RefillMode.SET));
    assertThat(stored(createMetered("--credits", "5", "--refill", "5/P7D")).policy().credits())
        .map(credits -> credits.refill().orElseThrow())
        .contains(Refill.every(Duration.ofDays(7), 5, RefillMode.SET));
    assertThat(stored(createMetered("--rate-limit", "slow=3/90s")).policy().rateLimits())
        .containsExactly(RateLimit.of("slow", 3, 90));
  }

  @Test
  void badPolicyOptions_areUsageErrorsOfOneLine_andMakeNoKey() {
    String create = "keygate keys create: ";
    String help = " (see 'keygate keys create --help')";
    String[][] cases = {
      {
        "--rate-limit=burst-100/1s",
        "Invalid value for option '--rate-limit' (NAME=LIMIT/DURATION): 'burst-100/1s' is not a rate limit such as"
            + " burst=100/1s or daily=10000/1d"
      },
      {
        "--rate-limit=burst=100/1w",
        "Invalid value for option '--rate-limit' (NAME=LIMIT/DURATION): '1w' is not a duration such as 30s, 15m, 1h or"
            + " 90d"
      },
      {
        "--rate-limit=burst=0/1s",
        "Invalid value for option '--rate-limit' (NAME=LIMIT/DURATION): rate limit burst: limit must be 1-1000000000,"
            + " was 0"
      },
      {"--credits=-1", "--credits must be 0-1000000000000, was -1"},
      {"--refill=100/daily", "--refill needs --credits"},
      {
        "--refill=100/weekly",
        "Invalid value for option '--refill': '100/weekly': the interval must be daily, monthly or"
            + " an ISO-8601 duration such as P7D or PT12H"
      },
      {
        "--refill=100/daily@3",
        "Invalid value for option '--refill': '100/daily@3': @DAY applies to monthly refills only"
      },
      {
        "--refill=100/monthly@32",
        "Invalid value for option '--refill': '100/monthly@32': @DAY must be 1-31, was 32"
      },
      {
        "--refill-mode=replace",
        "Invalid value for option '--refill-mode': 'replace' is not one of set, add"
      },
      {
        "--ip=300.1.1.1",
        "Invalid value for option '--ip' (CIDR): \"300.1.1.1\" is no IPv4 or IPv6 address or CIDR range"
      },
    };
    int keys = keygate.apiKeys.all().size();
    for (String[] bad : cases) {
      Result refused =
          keygate(
              "keys",
              "create",
              "--name",
              "k",
              "--api",
              api.id().value(),
              "--org",
              "org_acme",
              bad[0]);

      failsWith(refused, ExitCodes.USAGE, create + bad[1] + help);
    }
    failsWith(
        keygate(
            "keys",
            "create",
            "--name",
            "k",
            "--api",
            api.id().value(),
            "--org",
            "org_acme",
            "--rate-limit",
            "a=1/1s",
            "--rate-limit",
            "a=2/1s"),
        ExitCodes.USAGE,
        create + "--rate-limit: rate limit a is named twice" + help);
    assertThat(keygate.apiKeys.all()).hasSize(keys);
  }

  @Test
  void keysUpdate_replacesTheGivenParts_andRemovesWhatItIsToldTo() {
    String keyId =
        createMetered("--rate-limit", "burst=100/1s", "--credits", "10", "--ip", "203.0.113.0/24");

    Result tightened =
        ok(
            keygate(
                "keys",
                "update",
                keyId,
                "--rate-limit",
                "burst=50/1s",
                "--credits",
                "5",
                "--refill",
                "5/P7D"));
    ApiKey afterTightening = stored(keyId);
    Optional<Long> creditsAfterTightening = keygate.credits.remaining(new ApiKeyId(keyId));
    Result loosened =
        ok(
            keygate(
                "keys", "update", keyId, "--no-rate-limits", "--no-credits", "--no-ip-allowlist"));
    ApiKey afterLoosening = stored(keyId);

    assertThat(tightened.out())
        .startsWith("Updated API key " + keyId + " (Metered).\n")
        .contains(
            "Rate limits:   burst 50/1s\n", "Credits:       5 left; refilled to 5 every P7D\n")
        .contains("Allowed from:  203.0.113.0/24\n");
    assertThat(afterTightening.policy().rateLimits()).containsExactly(RateLimit.of("burst", 50, 1));
    assertThat(afterTightening.policy().ipAllowlist().texts()).containsExactly("203.0.113.0/24");
    assertThat(creditsAfterTightening).contains(5L);
    assertThat(afterLoosening.policy().isNone()).isTrue();
    assertThat(keygate.credits.remaining(new ApiKeyId(keyId))).isEmpty();
    assertThat(loosened.out()).contains("Credits:       unmetered\n", "Allowed from:  anywhere\n");
  }

  @Test
  void keysUpdate_refusesNothingToDoAndContradictions() {
    String keyId = createMetered();
    String update = "keygate keys update: ";
    String help = " (see 'keygate keys update --help')";

    failsWith(
        keygate("keys", "update", keyId),
        ExitCodes.USAGE,
        update
            + "give at least one of --name, --rate-limit, --credits, --ip, --no-rate-limits,"
            + " --no-credits and --no-ip-allowlist"
            + help);
    failsWith(
        keygate("keys", "update", keyId, "--credits", "5", "--no-credits"),
        ExitCodes.USAGE,
        update + "give --credits or --no-credits, not both" + help);
    failsWith(
        keygate("keys", "update", keyId, "--ip", "10.0.0.0/8", "--no-ip-allowlist"),
        ExitCodes.USAGE,
        update + "give --ip or --no-ip-allowlist, not both" + help);
    failsWith(
        keygate("keys", "update", keyId, "--rate-limit", "a=1/1s", "--no-rate-limits"),
        ExitCodes.USAGE,
        update + "give --rate-limit or --no-rate-limits, not both" + help);
    failsWith(
        keygate("keys", "update", "api_key_" + "0".repeat(32), "--name", "x"),
        ExitCodes.NOT_FOUND,
        "keygate keys update: api key api_key_" + "0".repeat(32) + " not found");
    assertThat(stored(keyId).policy().isNone()).isTrue();
  }

  @Test
  void keysShowAndList_showThePolicy_inTheTableAndTheJson() {
    String keyId =
        createMetered(
            "--rate-limit",
            "burst=100/1s",
            "--credits",
            "250",
            "--refill",
            "100/daily",
            "--ip",
            "203.0.113.0/24");
    keygate
        .services
        .ownerRateLimits()
        .set(
            TestKeygate.OPERATOR,
            new Owner.Org(new OrgCode("org_acme")),
            List.of(RateLimit.of("shared", 1000, 3600)));

    Result table = ok(keygate("keys", "show", keyId));
    JsonNode shown = ok(keygate("keys", "show", keyId, "--output", "json")).json();
    JsonNode listed = ok(keygate("keys", "list", "--output", "json")).json();

    assertThat(table.out())
        .contains("Rate limits:     burst 100/1s\n")
        .contains("Owner's limits:  shared 1000/1h\n")
        .contains("Credits:         250 left; refilled to 100 daily\n")
        .contains("Allowed from:    203.0.113.0/24\n");
    assertThat(shown.at("/api_key/rate_limits").toString())
        .isEqualTo("[{\"name\":\"burst\",\"limit\":100,\"duration_seconds\":1}]");
    assertThat(shown.at("/api_key/credits").toString())
        .isEqualTo(
            "{\"remaining\":250,\"refill\":{\"amount\":100,\"interval\":\"daily\",\"mode\":\"set\"}}");
    assertThat(shown.at("/api_key/ip_allowlist/0").asText()).isEqualTo("203.0.113.0/24");
    assertThat(shown.at("/api_key/owner_rate_limits/0/name").asText()).isEqualTo("shared");
    JsonNode mine = null;
    for (JsonNode key : listed.get("api_keys")) {
      if (key.get("id").asText().equals(keyId)) {
        mine = key;
      }
    }
    assertThat(mine).isNotNull();
    assertThat(mine.get("rate_limits")).isEqualTo(shown.at("/api_key/rate_limits"));
    assertThat(mine.get("credits")).isEqualTo(shown.at("/api_key/credits"));
  }

  @Test
  void keysVerify_spendsTheCost_checksTheAddress_andExitsOneWhenRefused() {
    IssuedApiKey issued =
        keygate
            .services
            .createApiKey()
            .create(
                TestKeygate.OPERATOR,
                new dev.keygate.application.port.in.CreateApiKeyCommand(
                    "metered",
                    api.id(),
                    List.of(),
                    new Owner.Org(new OrgCode("org_acme")),
                    Optional.empty(),
                    dev.keygate.domain.policy.UsagePolicy.NONE
                        .withRateLimits(List.of(RateLimit.of("burst", 10, 60)))
                        .withCredits(
                            Optional.of(new dev.keygate.domain.policy.Credits(5, Optional.empty())))
                        .withIpAllowlist(
                            dev.keygate.domain.policy.IpAllowlist.parse(
                                List.of("203.0.113.0/24")))));
    String token = issued.token().reveal() + "\n";

    Result spent =
        keygateReading(token, "keys", "verify", "--client-ip", "203.0.113.9", "--cost", "3");
    Result json =
        keygateReading(
            token,
            "keys",
            "verify",
            "--client-ip",
            "203.0.113.9",
            "--cost",
            "3",
            "--output",
            "json");
    Result elsewhere = keygateReading(token, "keys", "verify", "--client-ip", "198.51.100.1");
    Result nowhere = keygateReading(token, "keys", "verify");

    assertThat(spent.code()).isZero();
    assertThat(spent.out())
        .startsWith("API_KEY_VERIFIED: API key verified\n")
        .contains("Rate limit:    burst: 9 of 10 left until 2026-01-01T00:01:00Z\n")
        .contains("Credits left:  2\n");
    assertThat(json.code()).isEqualTo(ExitCodes.INVALID);
    assertThat(json.json().get("code").asText()).isEqualTo("API_KEY_USAGE_EXCEEDED");
    assertThat(json.json().get("credits_remaining").asLong()).isEqualTo(2);
    assertThat(elsewhere.code()).isEqualTo(ExitCodes.INVALID);
    assertThat(elsewhere.out())
        .startsWith("API_KEY_IP_NOT_ALLOWED: API key is not allowed from this address\n");
    assertThat(nowhere.out()).startsWith("API_KEY_IP_NOT_ALLOWED");
    failsWith(
        keygateReading(token, "keys", "verify", "--client-ip", "db.example.com"),
        ExitCodes.USAGE,
        "keygate keys verify: --client-ip must be an IPv4 or IPv6 address, was 'db.example.com'"
            + " (see 'keygate keys verify --help')");
    failsWith(
        keygateReading(token, "keys", "verify", "--cost", "-1"),
        ExitCodes.USAGE,
        "keygate keys verify: --cost must be 0-1000000000, was -1"
            + " (see 'keygate keys verify --help')");
  }

  @Test
  void keysUsage_printsOneLineAnHour_orADay_countingEachCode() {
    IssuedApiKey issued = keygate.issueKey(new Owner.Org(new OrgCode("org_acme")), api);
    keygate.clock.advance(Duration.ofMinutes(30));
    keygate.verify(issued);
    keygate.verify(issued, "write:users");
    String keyId = issued.key().id().value();

    Result hours = ok(keygate("keys", "usage", keyId));
    JsonNode days =
        ok(keygate("keys", "usage", keyId, "--period", "30d", "--output", "json")).json();

    List<String> lines = hours.out().lines().toList();
    assertThat(lines).hasSize(25);
    assertThat(lines.get(0)).isEqualTo("START                 TOTAL  BY CODE");
    assertThat(lines.get(1)).isEqualTo("2025-12-31T01:00:00Z  0      -");
    assertThat(lines.get(24))
        .isEqualTo("2026-01-01T00:00:00Z  2      API_KEY_INSUFFICIENT_SCOPE 1, API_KEY_VERIFIED 1");
    assertThat(days.get("period").asText()).isEqualTo("30d");
    assertThat(days.get("buckets")).hasSize(30);
    assertThat(days.at("/buckets/29/counts/API_KEY_VERIFIED").asLong()).isEqualTo(1);
    failsWith(
        keygate("keys", "usage", keyId, "--period", "7d"),
        ExitCodes.USAGE,
        "keygate keys usage: Invalid value for option '--period': '7d' is not one of 24h, 30d"
            + " (see 'keygate keys usage --help')");
  }

  @Test
  void ownerRateLimits_areShownSetAndCleared() {
    Result none = ok(keygate("orgs", "rate-limits", "org_acme"));
    Result set =
        ok(
            keygate(
                "orgs",
                "rate-limits",
                "org_acme",
                "--set",
                "burst=1000/1s",
                "--set",
                "daily=1000000/1d"));
    Result shown = ok(keygate("orgs", "rate-limits", "org_acme", "--output", "json"));
    Result user = ok(keygate("users", "rate-limits", "kp_alice", "--set", "daily=10/1d"));
    Result cleared = ok(keygate("orgs", "rate-limits", "org_acme", "--clear"));

    assertThat(none.out()).isEqualTo("The keys of organization org_acme share no rate limits.\n");
    assertThat(set.out())
        .isEqualTo(
            "Set: the keys of organization org_acme share:\n\n"
                + "NAME   LIMIT    PER\n"
                + "burst  1000     1s\n"
                + "daily  1000000  1d\n");
    assertThat(shown.json().toString())
        .isEqualTo(
            "{\"code\":\"OK\",\"message\":\"Success\",\"rate_limits\":["
                + "{\"name\":\"burst\",\"limit\":1000,\"duration_seconds\":1},"
                + "{\"name\":\"daily\",\"limit\":1000000,\"duration_seconds\":86400}]}");
    assertThat(user.out()).contains("daily  10     1d");
    assertThat(keygate.owners.rateLimits(new Owner.User(new UserId("kp_alice"))))
        .containsExactly(RateLimit.of("daily", 10, 86_400));
    assertThat(cleared.out())
        .isEqualTo("Cleared: the keys of organization org_acme share no rate limits.\n");
    assertThat(keygate.owners.rateLimits(new Owner.Org(new OrgCode("org_acme")))).isEmpty();
    failsWith(
        keygate("orgs", "rate-limits", "org_acme", "--set", "a=1/1s", "--clear"),
        ExitCodes.USAGE,
        "keygate orgs rate-limits: give --set or --clear, not both"
            + " (see 'keygate orgs rate-limits --help')");
    failsWith(
        keygate("orgs", "rate-limits", "org_nobody"),
        ExitCodes.NOT_FOUND,
        "keygate orgs rate-limits: organization org_nobody not found");
  }

  @Test
  void theNewCommands_haveHelpWithExamples() {
    for (String[] command :
        new String[][] {
          {"keys", "update"}, {"keys", "usage"}, {"orgs", "rate-limits"}, {"users", "rate-limits"}
        }) {
      Result help = ok(keygate(command[0], command[1], "--help"));

      assertThat(help.out())
          .startsWith("Usage: keygate " + command[0] + " " + command[1] + " ")
          .contains("\nExamples:\n  keygate " + command[0] + " " + command[1] + " ");
    }
  }
}
