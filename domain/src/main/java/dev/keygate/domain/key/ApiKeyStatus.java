package dev.keygate.domain.key;

/** The stored state of an API key. Expiry is a fact of time and not a status. */
public enum ApiKeyStatus {
  ACTIVE,
  INACTIVE,
  /** Terminal: a revoked key never verifies again. */
  REVOKED
}
