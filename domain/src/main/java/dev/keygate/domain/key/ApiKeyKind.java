package dev.keygate.domain.key;

/**
 * What a key is for, beyond what its API and scopes say: most keys are made to be handed out; a
 * portal link's key is made for one short portal session, is listed with no one's keys and is swept
 * away once it has expired.
 */
public enum ApiKeyKind {
  /** A key made to be used: listed, kept until deleted with its owner. */
  STANDARD,
  /** The management key a portal link carries: never listed, removed once expired. */
  PORTAL_LINK
}
