package dev.keygate.domain.audit;

/** Whether a recorded management call was carried out or refused. */
public enum AuditOutcome {
  SUCCEEDED,
  REFUSED
}
