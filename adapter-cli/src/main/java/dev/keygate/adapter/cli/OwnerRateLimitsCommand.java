package dev.keygate.adapter.cli;

import dev.keygate.application.port.in.OwnerRateLimitsUseCase;
import dev.keygate.application.port.in.Principal;
import dev.keygate.domain.ValidationException;
import dev.keygate.domain.owner.Owner;
import dev.keygate.domain.policy.RateLimit;
import dev.keygate.domain.policy.UsagePolicy;
import dev.keygate.wire.PolicyResponses;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code keygate orgs rate-limits} and {@code keygate users rate-limits}: the limits all keys of
 * one owner share, shown, replaced with {@code --set} or removed with {@code --clear}.
 */
abstract class OwnerRateLimitsCommand implements Callable<Integer> {

  private final OwnerRateLimitsUseCase rateLimits;
  private final Principal principal;

  @Spec CommandSpec spec;

  @Mixin HelpOption help;

  @Mixin OutputOptions output;

  @Option(
      names = "--set",
      paramLabel = "NAME=LIMIT/DURATION",
      converter = PolicyConverters.RateLimitConverter.class,
      description =
          "a limit all the owner's keys share, such as daily=100000/1d; repeatable, and replaces"
              + " every limit they shared before")
  List<RateLimit> set = List.of();

  @Option(names = "--clear", description = "remove every limit the owner's keys share")
  boolean clear;

  OwnerRateLimitsCommand(OwnerRateLimitsUseCase rateLimits, Principal principal) {
    this.rateLimits = rateLimits;
    this.principal = principal;
  }

  /** The owner named on the command line. */
  abstract Owner owner();

  @Override
  public Integer call() {
    if (clear && !set.isEmpty()) {
      throw new ParameterException(spec.commandLine(), "give --set or --clear, not both");
    }
    Owner owner = owner();
    boolean changing = clear || !set.isEmpty();
    List<RateLimit> limits;
    if (changing) {
      List<RateLimit> checked;
      try {
        checked = UsagePolicy.checkedLimits(set);
      } catch (ValidationException wrong) {
        throw new ParameterException(spec.commandLine(), "--set: " + wrong.getMessage());
      }
      limits = rateLimits.set(principal, owner, checked);
    } else {
      limits = rateLimits.get(principal, owner);
    }
    output.print(
        spec,
        PolicyResponses.rateLimitsAnswer(limits),
        out -> {
          String whose = Text.owner(owner);
          if (limits.isEmpty()) {
            out.println(
                (changing ? "Cleared: the keys of " : "The keys of ")
                    + whose
                    + " share no rate limits.");
            return;
          }
          out.println((changing ? "Set: the keys of " : "The keys of ") + whose + " share:");
          out.println();
          Table table = Table.of("NAME", "LIMIT", "PER");
          for (RateLimit limit : limits) {
            table.row(limit.name(), String.valueOf(limit.limit()), Text.per(limit.duration()));
          }
          table.print(out);
        });
    return ExitCodes.OK;
  }
}
