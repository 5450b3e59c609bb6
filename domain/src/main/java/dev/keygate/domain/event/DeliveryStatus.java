package dev.keygate.domain.event;

/** Where one event's delivery to one webhook stands. */
public enum DeliveryStatus {
  /** Not yet accepted by the receiver: due now, or after a failed attempt at its next attempt. */
  PENDING,
  /** The receiver answered 2xx. */
  DELIVERED,
  /** Every attempt of the retry schedule failed; only a manual redelivery tries again. */
  FAILED
}
