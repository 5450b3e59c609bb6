package dev.keygate.adapter.cli;

import dev.keygate.application.port.in.GetUsageUseCase;
import dev.keygate.application.port.in.Principal;
import dev.keygate.application.port.in.UsagePeriod;
import dev.keygate.application.port.in.UsageReport;
import dev.keygate.domain.key.ApiKeyId;
import dev.keygate.wire.PolicyResponses;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code keygate keys usage}: how a key was verified, hour by hour or day by day. */
@Command(
    name = "usage",
    description = {
      "Shows how an API key was verified, by answer code: the last 24 hours an hour a line, or"
          + " the last 30 days a day a line, oldest first, in UTC. Counts are written behind, so"
          + " the last second or so may not be in them yet."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  keygate keys usage api_key_0196f1c2d5e87a4b9c0d1e2f3a4b5c6d",
      "  keygate keys usage api_key_0196f1c2d5e87a4b9c0d1e2f3a4b5c6d --period 30d \\",
      "      --output json"
    })
public final class KeysUsageCommand implements Callable<Integer> {

  private final GetUsageUseCase getUsage;
  private final Principal principal;

  @Spec CommandSpec spec;

  @Mixin HelpOption help;

  @Mixin OutputOptions output;

  @Parameters(paramLabel = "ID", description = "the key's id, as 'keys list' shows it")
  String keyId;

  @Option(
      names = "--period",
      paramLabel = "PERIOD",
      defaultValue = "24h",
      converter = PolicyConverters.UsagePeriodConverter.class,
      completionCandidates = PolicyConverters.UsagePeriodNames.class,
      description = "24h (default: 24 hourly lines) or 30d (30 daily lines)")
  UsagePeriod period = UsagePeriod.LAST_24_HOURS;

  public KeysUsageCommand(GetUsageUseCase getUsage, Principal principal) {
    this.getUsage = getUsage;
    this.principal = principal;
  }

  @Override
  public Integer call() {
    UsageReport report = getUsage.ofKey(principal, new ApiKeyId(keyId), period);
    output.print(
        spec,
        PolicyResponses.usage(report),
        out -> {
          Table table = Table.of("START", "TOTAL", "BY CODE");
          for (UsageReport.Bucket bucket : report.buckets()) {
            Map<String, Long> counts = new TreeMap<>(bucket.counts());
            long total = counts.values().stream().mapToLong(Long::longValue).sum();
            table.row(
                Text.time(bucket.start()),
                String.valueOf(total),
                counts.isEmpty()
                    ? Text.NONE
                    : counts.entrySet().stream()
                        .map(count -> count.getKey() + " " + count.getValue())
                        .collect(Collectors.joining(", ")));
          }
          table.print(out);
        });
    return ExitCodes.OK;
  }
}
