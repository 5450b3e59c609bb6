package dev.keygate.domain.policy;

/** What a refill does to the credits left. */
public enum RefillMode {
  /** The credits left become the refill's amount. */
  SET,
  /** The refill's amount is added to the credits left. */
  ADD
}
