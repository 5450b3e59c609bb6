package dev.keygate.domain.audit;

/** What a management call set out to do; refused calls are recorded with the same action. */
public enum AuditAction {
  API_KEY_CREATE,
  API_KEY_READ,
  API_KEY_ROTATE,
  API_KEY_UPDATE,
  API_KEY_DISABLE,
  API_KEY_ENABLE,
  API_KEY_REVOKE,
  API_KEY_VERIFY,
  API_REGISTER,
  API_READ,
  API_DELETE,
  SCOPE_ADD,
  SCOPE_READ,
  SCOPE_UPDATE,
  SCOPE_DELETE,
  ORGANIZATION_CREATE,
  ORGANIZATION_READ,
  USER_CREATE,
  USER_READ,
  AUDIT_READ,
  PORTAL_LINK_CREATE,
  GRANT_READ,
  GRANT_SET,
  GRANT_REMOVE
}
