package dev.keygate.domain.event;

/**
 * What the deployment does with a key a secret scanner reports found in public. Every policy sends
 * {@code api_key.leaked}; the stronger ones then change the key, which sends its own event. (The
 * public revocation endpoint always revokes: its caller proved it holds the secret.)
 */
public enum LeakPolicy {
  /** Only tell the owner. */
  NOTIFY,
  /** Disable the key, so that an operator may enable it again. */
  DISABLE,
  /** Revoke the key for good. */
  REVOKE
}
