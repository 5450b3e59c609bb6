package dev.keygate.domain.owner;

/** What kind of owner holds an API key. */
public enum OwnerType {
  ORGANIZATION,
  USER,
  /** The deployment itself: Kinde's environment-level keys. */
  ENVIRONMENT
}
