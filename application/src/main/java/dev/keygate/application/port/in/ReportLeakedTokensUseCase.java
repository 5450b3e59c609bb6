package dev.keygate.application.port.in;

/**
 * Receives a secret scanner's signed report: each token is checked offline by its checksum, then by
 * lookup and hash; a real key's leak is told to its owner and handled by the deployment's leak
 * policy.
 */
public interface ReportLeakedTokensUseCase {

  ScanningAnswer report(ScanningReport report);
}
