package dev.keygate.application.service;

import dev.keygate.application.port.in.ReportLeakedTokensUseCase;
import dev.keygate.application.port.in.RevokeLeakedTokensUseCase;
import dev.keygate.application.port.in.ScanningAnswer;
import dev.keygate.application.port.in.ScanningReport;
import dev.keygate.application.port.out.ScanningSignatures;
import dev.keygate.domain.ValidationException;
import dev.keygate.domain.event.Leak;
import dev.keygate.domain.event.LeakPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Receives GitHub's secret scanning reports. Nothing is done for a report no configured key signed.
 * Each token is labelled a true positive when it is a secret of a key of this deployment, whatever
 * the key's state, and named back only by its hash; a live one is handled by the deployment's leak
 * policy, as {@code secret-scanning:github}.
 */
public final class ReportLeakedTokensService implements ReportLeakedTokensUseCase {

  /** Who reports, as the audit trail and the events name it. */
  static final String ACTOR = "secret-scanning:github";

  /** Whose failed attempts a report's tokens count as: the scanner is one client. */
  static final String CLIENT = "secret-scanning:github";

  private final ScanningSignatures signatures;
  private final LeakedTokens leaks;
  private final LeakPolicy policy;

  ReportLeakedTokensService(ScanningSignatures signatures, LeakedTokens leaks, LeakPolicy policy) {
    this.signatures = signatures;
    this.leaks = leaks;
    this.policy = policy;
  }

  @Override
  public ScanningAnswer report(ScanningReport report) {
    if (!signatures.configured()) {
      return new ScanningAnswer.NotConfigured();
    }
    if (!signatures.verifies(report.keyIdentifier(), report.signature(), report.body())) {
      return new ScanningAnswer.Unverified();
    }
    if (report.findings().size() > RevokeLeakedTokensUseCase.MAX_TOKENS) {
      throw new ValidationException(
          "a report may hold at most " + RevokeLeakedTokensUseCase.MAX_TOKENS + " tokens");
    }
    List<ScanningAnswer.Label> labels = new ArrayList<>();
    for (ScanningReport.Finding finding : report.findings()) {
      Optional<LeakedTokens.Match> match = leaks.match(finding.token(), CLIENT);
      if (match.isPresent() && match.get().live()) {
        leaks.leaked(
            match.get().key().id(),
            new Leak(Leak.Source.GITHUB_SECRET_SCANNING, finding.url()),
            policy,
            ACTOR);
      }
      labels.add(
          new ScanningAnswer.Label(
              LeakedTokens.hashOf(finding.token()), finding.type(), match.isPresent()));
    }
    return new ScanningAnswer.Labelled(labels);
  }
}
