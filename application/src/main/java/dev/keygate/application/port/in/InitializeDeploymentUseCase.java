package dev.keygate.application.port.in;

import java.util.Optional;

/**
 * Prepares an empty deployment: the management API with every management scope, the operator
 * organization and one root key holding every scope.
 */
public interface InitializeDeploymentUseCase {

  /**
   * @param actor who initializes, for the audit trail (such as {@code cli:alice})
   * @return the root key, shown this once; empty when the deployment was already initialized
   */
  Optional<IssuedApiKey> initialize(String actor);
}
