package dev.keygate.adapter.cli;

import dev.keygate.application.port.in.ListApiKeysUseCase;
import dev.keygate.application.port.in.Principal;
import dev.keygate.application.port.query.ApiKeyFilter;
import dev.keygate.application.port.query.Page;
import dev.keygate.domain.ValidationException;
import dev.keygate.domain.api.ApiId;
import dev.keygate.domain.key.ApiKey;
import dev.keygate.domain.key.ApiKeyStatus;
import dev.keygate.wire.ApiKeyResponses;
import dev.keygate.wire.WireNames;
import java.time.Clock;
import java.time.Instant;
import java.util.Iterator;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** {@code keygate keys list}. */
@Command(
    name = "list",
    description = {
      "Lists API keys in id order (oldest first), a page at a time; the filters combine. Keys"
          + " show as their prefix and last four characters, never in full; a key past its"
          + " expiry shows as expired, and GRACE ENDS tells until when the key a rotation"
          + " replaced still works. Portal links' keys are not listed."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  keygate keys list --org org_acme --status active",
      "  keygate keys list --search billing",
      "  keygate keys list --api api_0196f1c2a3b47d0e9f8a7b6c5d4e3f21 --limit 100 \\",
      "      --output json"
    })
public final class KeysListCommand implements Callable<Integer> {

  private final ListApiKeysUseCase listApiKeys;
  private final Principal principal;
  private final Clock clock;

  @Spec CommandSpec spec;

  @Mixin HelpOption help;

  @Mixin OutputOptions output;

  @ArgGroup(exclusive = true, multiplicity = "0..1")
  KeyOwnerOptions owner;

  @Option(
      names = "--api",
      paramLabel = "API_ID",
      description = "only keys for this API, as 'apis list' shows it")
  String apiId;

  @Option(
      names = "--status",
      paramLabel = "STATUS",
      converter = StatusConverter.class,
      completionCandidates = StatusNames.class,
      description = "only keys in this status: active, inactive or revoked")
  ApiKeyStatus status;

  @Option(
      names = "--search",
      paramLabel = "TEXT",
      description = "only keys whose name contains TEXT or whose id starts with it, either case")
  String search;

  @Mixin PageOptions paging;

  public KeysListCommand(ListApiKeysUseCase listApiKeys, Principal principal, Clock clock) {
    this.listApiKeys = listApiKeys;
    this.principal = principal;
    this.clock = clock;
  }

  @Override
  public Integer call() {
    ApiKeyFilter filter =
        new ApiKeyFilter(
            Optional.empty(),
            Optional.ofNullable(owner).map(KeyOwnerOptions::owner),
            Optional.ofNullable(status),
            Optional.ofNullable(apiId).map(ApiId::new),
            Optional.ofNullable(search),
            Optional.empty());
    Page<ApiKey> page = listApiKeys.list(principal, filter, paging.page(spec));
    Instant now = clock.instant();
    output.print(
        spec,
        // For programs, each key in full, its usage policy included.
        ApiKeyResponses.listedDetails(page, now),
        out -> {
          Table table =
              Table.of(
                  "ID",
                  "NAME",
                  "OWNER",
                  "STATUS",
                  "KEY",
                  "CREATED",
                  "EXPIRES",
                  "GRACE ENDS",
                  "SCOPES");
          for (ApiKey key : page.items()) {
            table.row(
                key.id().value(),
                key.name(),
                Text.owner(key.owner()),
                status(key, now),
                Text.key(key),
                Text.time(key.createdOn()),
                Text.time(key.expiresOn(), "never"),
                Text.time(key.previousSecretExpiresOn(now), Text.NONE),
                Text.shortList(key.scopeKeys(), "scopes"));
          }
          if (table.isEmpty()) {
            out.println("No API keys.");
            return;
          }
          table.print(out);
          if (page.hasMore()) {
            out.println(
                PageOptions.more("keys", page.items().get(page.items().size() - 1).id().value()));
          }
        });
    return ExitCodes.OK;
  }

  /** The key's status, or {@code expired} for a key not revoked that has expired. */
  static String status(ApiKey key, Instant now) {
    return key.status() != ApiKeyStatus.REVOKED && key.isExpiredAt(now)
        ? "expired"
        : WireNames.of(key.status());
  }

  /** Reads {@code active}, {@code inactive} or {@code revoked}. */
  static final class StatusConverter implements ITypeConverter<ApiKeyStatus> {
    @Override
    public ApiKeyStatus convert(String value) {
      try {
        return WireNames.status("--status", value);
      } catch (ValidationException e) {
        throw new TypeConversionException(
            "'" + value + "' is not one of active, inactive, revoked");
      }
    }
  }

  /** What shell completion offers. */
  static final class StatusNames implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return WireNames.statuses().iterator();
    }
  }
}
