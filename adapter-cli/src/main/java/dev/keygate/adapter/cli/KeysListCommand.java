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
          + " show as their prefix and last four characters, never in full."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  keygate keys list --org org_acme --status active",
      "  keygate keys list --api api_0196f1c2a3b47d0e9f8a7b6c5d4e3f21 --limit 100 \\",
      "      --output json"
    })
public final class KeysListCommand implements Callable<Integer> {

  private final ListApiKeysUseCase listApiKeys;
  private final Principal principal;

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

  @Mixin PageOptions paging;

  public KeysListCommand(ListApiKeysUseCase listApiKeys, Principal principal) {
    this.listApiKeys = listApiKeys;
    this.principal = principal;
  }

  @Override
  public Integer call() {
    ApiKeyFilter filter =
        new ApiKeyFilter(
            Optional.empty(),
            Optional.ofNullable(owner).map(KeyOwnerOptions::owner),
            Optional.ofNullable(status),
            Optional.ofNullable(apiId).map(ApiId::new));
    Page<ApiKey> page = listApiKeys.list(principal, filter, paging.page(spec));
    output.print(
        spec,
        // For programs, each key in full, its usage policy included.
        ApiKeyResponses.listedDetails(page),
        out -> {
          Table table = Table.of("ID", "NAME", "OWNER", "STATUS", "KEY", "CREATED", "SCOPES");
          for (ApiKey key : page.items()) {
            table.row(
                key.id().value(),
                key.name(),
                Text.owner(key.owner()),
                WireNames.of(key.status()),
                Text.key(key),
                Text.time(key.createdOn()),
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
