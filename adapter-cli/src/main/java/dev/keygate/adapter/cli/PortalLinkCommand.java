package dev.keygate.adapter.cli;

import dev.keygate.application.port.in.CreatePortalLinkCommand;
import dev.keygate.application.port.in.CreatePortalLinkUseCase;
import dev.keygate.application.port.in.PortalLink;
import dev.keygate.application.port.in.Principal;
import dev.keygate.wire.PortalLinkCreated;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code keygate portal-link}: a link that opens the self-service portal for one owner. */
@Command(
    name = "portal-link",
    description = {
      "Makes a link that opens the self-service portal (/portal) for one organization (--org) or"
          + " user (--user): whoever opens it sees and manages that owner's API keys, and nothing"
          + " else, until the link expires (15 minutes unless KEYGATE_PORTAL_LINK_TTL or --ttl says"
          + " otherwise). Send it to that customer only."
    },
    footerHeading = "%nExample:%n",
    footer = "  keygate portal-link --org org_acme --base-url https://keys.example.com")
public final class PortalLinkCommand implements Callable<Integer> {

  private final CreatePortalLinkUseCase createPortalLink;
  private final Principal principal;
  private final Supplier<Duration> configuredTtl;
  private final Supplier<String> configuredBaseUrl;

  @Spec CommandSpec spec;

  @Mixin HelpOption help;

  @Mixin OutputOptions output;

  @ArgGroup(exclusive = true, multiplicity = "1")
  OwnerOptions owner;

  @Option(
      names = "--base-url",
      paramLabel = "URL",
      description =
          "where the server is reached, as the customer's browser sees it (default:"
              + " KEYGATE_PUBLIC_URL, else http://KEYGATE_HOST:KEYGATE_PORT, 127.0.0.1 for 0.0.0.0)")
  String baseUrl;

  @Option(
      names = "--ttl",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description =
          "how long the link works: 15m, 1h (default: KEYGATE_PORTAL_LINK_TTL, or 15m; at most 1d)")
  Duration ttl;

  /**
   * @param configuredTtl how long a link works unless {@code --ttl} says otherwise
   * @param configuredBaseUrl where the server is reached unless {@code --base-url} says otherwise,
   *     as {@code keygate serve} makes its links
   */
  public PortalLinkCommand(
      CreatePortalLinkUseCase createPortalLink,
      Principal principal,
      Supplier<Duration> configuredTtl,
      Supplier<String> configuredBaseUrl) {
    this.createPortalLink = createPortalLink;
    this.principal = principal;
    this.configuredTtl = configuredTtl;
    this.configuredBaseUrl = configuredBaseUrl;
  }

  @Override
  public Integer call() {
    String base = Optional.ofNullable(baseUrl).orElseGet(configuredBaseUrl).strip();
    if (!base.startsWith("http://") && !base.startsWith("https://")) {
      throw new UsageException("--base-url must start with http:// or https://, was " + base);
    }
    PortalLink link =
        createPortalLink.create(
            principal,
            new CreatePortalLinkCommand(
                owner.owner(), Optional.ofNullable(ttl).orElseGet(configuredTtl)));
    try {
      String url = url(base, link.token().reveal());
      output.print(spec, PortalLinkCreated.of(url, link.expiresOn()), out -> print(out, link, url));
    } finally {
      link.token().wipe();
    }
    return ExitCodes.OK;
  }

  private static void print(PrintWriter out, PortalLink link, String url) {
    out.println(
        "Portal link for "
            + Text.owner(link.key().owner())
            + ", valid until "
            + Text.time(Optional.of(link.expiresOn()), "never")
            + ":");
    out.println();
    out.println("    " + url);
    out.println();
    out.println("Send it to that customer only: it opens their API keys to whoever holds it.");
  }

  /** The portal on {@code base}, carrying the token in the fragment, which browsers never send. */
  static String url(String base, String token) {
    String trimmed = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    return trimmed + "/portal#" + token;
  }
}
