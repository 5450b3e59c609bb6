package dev.keygate.adapter.cli;

import dev.keygate.application.port.in.ListAuditEventsUseCase;
import dev.keygate.application.port.in.Principal;
import dev.keygate.application.port.query.AuditQuery;
import dev.keygate.application.port.query.Page;
import dev.keygate.domain.ValidationException;
import dev.keygate.domain.audit.AuditAction;
import dev.keygate.domain.audit.AuditEvent;
import dev.keygate.domain.key.ApiKeyId;
import dev.keygate.wire.AuditResponses;
import dev.keygate.wire.WireNames;
import java.time.Instant;
import java.time.format.DateTimeParseException;
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

/** {@code keygate audit list}. */
@Command(
    name = "list",
    description = {
      "Lists the audit trail, oldest first: every management action with who did it (cli:<user>"
          + " for this command line, a key id for the REST API), its target and whether it was"
          + " done or refused. Verifications are counted on the key instead (keys show). The"
          + " filters combine."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  keygate audit list --key api_key_0196f1c2d5e87a4b9c0d1e2f3a4b5c6d",
      "  keygate audit list --org org_acme --action api_key_revoke --newest",
      "  keygate audit list --since 2026-01-31T00:00:00Z --until 2026-02-01T00:00:00Z"
    })
public final class AuditListCommand implements Callable<Integer> {

  private final ListAuditEventsUseCase listAuditEvents;
  private final Principal principal;

  @Spec CommandSpec spec;

  @Mixin HelpOption help;

  @Mixin OutputOptions output;

  @Option(
      names = "--key",
      paramLabel = "ID",
      description = "only the events of this API key, as 'keys list' shows it")
  String keyId;

  @Option(
      names = "--action",
      paramLabel = "ACTION",
      converter = ActionConverter.class,
      completionCandidates = ActionNames.class,
      description = "only events of this action, as the list shows it, such as api_key_create")
  AuditAction action;

  @Option(
      names = "--actor",
      paramLabel = "ACTOR",
      description = "only events by this actor, as the list shows it, such as cli:alice")
  String actor;

  @ArgGroup(exclusive = true, multiplicity = "0..1")
  OwnerOptions owner;

  @Option(
      names = "--since",
      paramLabel = "INSTANT",
      converter = InstantConverter.class,
      description = "only events at or after this time, such as 2026-01-31T09:30:00Z")
  Instant since;

  @Option(
      names = "--until",
      paramLabel = "INSTANT",
      converter = InstantConverter.class,
      description = "only events before this time")
  Instant until;

  @Option(names = "--newest", description = "newest first; --after pages on in this order too")
  boolean newest;

  @Mixin PageOptions paging;

  public AuditListCommand(ListAuditEventsUseCase listAuditEvents, Principal principal) {
    this.listAuditEvents = listAuditEvents;
    this.principal = principal;
  }

  @Override
  public Integer call() {
    Optional<String> target = Optional.ofNullable(keyId).map(id -> new ApiKeyId(id).value());
    AuditQuery query =
        new AuditQuery(
            target,
            Optional.ofNullable(owner).map(OwnerOptions::owner),
            Optional.ofNullable(action),
            Optional.ofNullable(actor),
            Optional.ofNullable(since),
            Optional.ofNullable(until),
            newest ? AuditQuery.Order.NEWEST_FIRST : AuditQuery.Order.OLDEST_FIRST,
            paging.page(spec));
    Page<AuditEvent> page = listAuditEvents.list(principal, query);
    output.print(
        spec,
        AuditResponses.listed(page),
        out -> {
          Table table = Table.of("TIME", "ACTOR", "ACTION", "TARGET", "OUTCOME", "DETAIL");
          for (AuditEvent event : page.items()) {
            table.row(
                Text.time(event.occurredOn()),
                event.actor(),
                WireNames.of(event.action()),
                event.target(),
                WireNames.of(event.outcome()),
                event.detail().isEmpty() ? Text.NONE : event.detail());
          }
          if (table.isEmpty()) {
            out.println("No audit events.");
            return;
          }
          table.print(out);
          if (page.hasMore()) {
            out.println(PageOptions.more("events", page.items().get(page.items().size() - 1).id()));
          }
        });
    return ExitCodes.OK;
  }

  /** Reads an ISO-8601 instant, such as {@code 2026-01-31T09:30:00Z}. */
  static final class InstantConverter implements ITypeConverter<Instant> {
    @Override
    public Instant convert(String value) {
      try {
        return Instant.parse(value);
      } catch (DateTimeParseException e) {
        throw new TypeConversionException(
            "'" + value + "' is not an ISO-8601 instant such as 2026-01-31T09:30:00Z");
      }
    }
  }

  /** Reads an audit action as the list shows it. */
  static final class ActionConverter implements ITypeConverter<AuditAction> {
    @Override
    public AuditAction convert(String value) {
      try {
        return WireNames.auditAction("--action", value);
      } catch (ValidationException e) {
        throw new TypeConversionException(
            "'" + value + "' is not an action as audit events name it, such as api_key_create");
      }
    }
  }

  /** What shell completion offers for {@code --action}. */
  static final class ActionNames implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return WireNames.auditActions().iterator();
    }
  }
}
