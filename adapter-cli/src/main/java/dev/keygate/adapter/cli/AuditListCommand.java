package dev.keygate.adapter.cli;

import dev.keygate.application.port.in.ListAuditEventsUseCase;
import dev.keygate.application.port.in.Principal;
import dev.keygate.application.port.query.AuditQuery;
import dev.keygate.application.port.query.Page;
import dev.keygate.domain.audit.AuditEvent;
import dev.keygate.domain.key.ApiKeyId;
import dev.keygate.wire.AuditResponses;
import dev.keygate.wire.WireNames;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code keygate audit list}. */
@Command(
    name = "list",
    description = {
      "Lists the audit trail, oldest first: every management action with who did it (cli:<user>"
          + " for this command line, a key id for the REST API), its target and whether it was"
          + " done or refused. Verifications are counted on the key instead (keys show)."
    },
    footerHeading = "%nExample:%n",
    footer = "  keygate audit list --key api_key_0196f1c2d5e87a4b9c0d1e2f3a4b5c6d")
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

  @Mixin PageOptions paging;

  public AuditListCommand(ListAuditEventsUseCase listAuditEvents, Principal principal) {
    this.listAuditEvents = listAuditEvents;
    this.principal = principal;
  }

  @Override
  public Integer call() {
    Optional<String> target = Optional.ofNullable(keyId).map(id -> new ApiKeyId(id).value());
    Page<AuditEvent> page =
        listAuditEvents.list(
            principal, new AuditQuery(target, Optional.empty(), paging.page(spec)));
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
}
