package dev.keygate.application.service;

/** How a node knows that the state of a key it remembers is still the stored one. */
public enum VerifyMode {

  /**
   * A remembered key is used as it is while this node has followed the change feed within the
   * bound, which evicts each changed key; a node behind on the feed verifies as {@link #STRICT}
   * does until it has caught up. The default.
   */
  FOLLOW,

  /** A remembered key is used only once its stored version, read by primary key, confirms it. */
  STRICT,

  /** A remembered key is used as it is until the state cache lets it go, after its time to live. */
  TTL
}
