package dev.keygate.adapter.cli;

import dev.keygate.application.port.in.Principal;
import dev.keygate.application.port.in.Verification;
import dev.keygate.application.port.in.VerifyApiKeyCommand;
import dev.keygate.application.port.in.VerifyApiKeyUseCase;
import dev.keygate.domain.api.ApiId;
import dev.keygate.domain.key.ApiKey;
import dev.keygate.domain.policy.IpRange;
import dev.keygate.wire.ApiKeyResponses;
import dev.keygate.wire.WireNames;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code keygate keys verify}: checks a key as an API would. Exit code 0 only for {@code
 * API_KEY_VERIFIED}, 1 for every other answer.
 */
@Command(
    name = "verify",
    description = {
      "Checks an API key as your API would and prints the answer: API_KEY_VERIFIED (exit code 0),"
          + " or API_KEY_INVALID, API_KEY_INACTIVE, API_KEY_REVOKED, API_KEY_EXPIRED,"
          + " API_KEY_INSUFFICIENT_SCOPE, API_KEY_IP_NOT_ALLOWED, API_KEY_RATE_LIMITED or"
          + " API_KEY_USAGE_EXCEEDED (exit code 1). A verification counts against the key's rate"
          + " limits, and a valid one spends its cost of a metered key's credits.",
      "Leave TOKEN out to read the key from standard input, so that it never lands in your shell"
          + " history."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  keygate keys verify --scope read:users < key.txt",
      "  printenv ACME_KEY | keygate keys verify --scope read:users --scope write:users",
      "  keygate keys verify --client-ip 203.0.113.7 --cost 5 < key.txt"
    })
public final class KeysVerifyCommand implements Callable<Integer> {

  private final VerifyApiKeyUseCase verifyApiKey;
  private final Principal principal;
  private final InputStream standardInput;

  @Spec CommandSpec spec;

  @Mixin HelpOption help;

  @Mixin OutputOptions output;

  @Option(
      names = "--scope",
      paramLabel = "SCOPE",
      description = "a scope the key must carry, such as read:users; repeatable")
  List<String> scopes = List.of();

  @Option(
      names = "--api",
      paramLabel = "API_ID",
      description = "the key must be one of this API's, as 'apis list' shows it")
  String apiId;

  @Option(
      names = "--client-ip",
      paramLabel = "IP",
      description =
          "the address the key is presented from, checked against the addresses it may be used"
              + " from (default: none, which a key with such addresses refuses)")
  String clientIp;

  @Option(
      names = "--cost",
      paramLabel = "N",
      defaultValue = "1",
      description = "the credits a valid verification spends of a metered key (default: 1)")
  long cost = 1;

  @Parameters(
      arity = "0..1",
      paramLabel = "TOKEN",
      description = "the key; read from standard input when left out")
  String token;

  /**
   * @param standardInput where the key is read from when it is not on the command line
   */
  public KeysVerifyCommand(
      VerifyApiKeyUseCase verifyApiKey, Principal principal, InputStream standardInput) {
    this.verifyApiKey = verifyApiKey;
    this.principal = principal;
    this.standardInput = standardInput;
  }

  @Override
  public Integer call() {
    if (clientIp != null && IpRange.address(clientIp).isEmpty()) {
      throw new ParameterException(
          spec.commandLine(),
          "--client-ip must be an IPv4 or IPv6 address, was '" + clientIp + "'");
    }
    if (cost < 0 || cost > VerifyApiKeyCommand.MAX_COST) {
      throw new ParameterException(
          spec.commandLine(), "--cost must be 0-" + VerifyApiKeyCommand.MAX_COST + ", was " + cost);
    }
    String presented = token != null ? token : readToken();
    Verification verification =
        verifyApiKey.verify(
            principal,
            new VerifyApiKeyCommand(
                presented,
                Set.copyOf(scopes),
                Optional.ofNullable(apiId).map(ApiId::new),
                Optional.ofNullable(clientIp).map(String::strip),
                cost));
    output.print(
        spec,
        ApiKeyResponses.verified(verification),
        out -> {
          out.println(verification.outcome().name() + ": " + verification.outcome().message());
          if (verification.key().isPresent()) {
            ApiKey key = verification.key().get();
            out.println();
            Fields fields =
                new Fields()
                    .add("Key", key.id().value() + " (" + key.name() + ")")
                    .add("Owner", Text.owner(key.owner()))
                    .add("Status", WireNames.of(key.status()))
                    .add("Scopes", Text.list(key.scopeKeys()));
            verification
                .rateLimit()
                .ifPresent(
                    limit ->
                        fields.add(
                            "Rate limit",
                            limit.name()
                                + ": "
                                + limit.remaining()
                                + " of "
                                + limit.limit()
                                + " left until "
                                + Text.time(limit.reset())));
            verification
                .creditsRemaining()
                .ifPresent(credits -> fields.add("Credits left", String.valueOf(credits)));
            fields.print(out);
          }
        });
    return verification.isValid() ? ExitCodes.OK : ExitCodes.INVALID;
  }

  /** The first line of standard input, without surrounding blanks. */
  private String readToken() {
    try {
      BufferedReader reader =
          new BufferedReader(new InputStreamReader(standardInput, StandardCharsets.UTF_8));
      String line = reader.readLine();
      if (line == null || line.isBlank()) {
        throw new ParameterException(
            spec.commandLine(), "No API key: give it as TOKEN or on standard input");
      }
      return line.strip();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the API key from standard input", e);
    }
  }
}
