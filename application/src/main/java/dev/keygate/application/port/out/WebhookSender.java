package dev.keygate.application.port.out;

import dev.keygate.domain.event.DeliveryId;
import dev.keygate.domain.event.KeyEvent;
import java.net.URI;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * Sends events to webhooks the Standard Webhooks way: a JSON body signed with HMAC-SHA256 under the
 * webhook's secret, in the {@code webhook-id}, {@code webhook-timestamp} and {@code
 * webhook-signature} headers.
 */
public interface WebhookSender {

  /** A new signing secret: shown once to whoever created the webhook, and kept as stored. */
  NewSecret newSecret();

  /**
   * Posts {@code event} to {@code endpoint} as message {@code messageId}, signed at {@code
   * timestamp}; never throws for the receiver's or the network's failure, which it answers.
   */
  Sent send(
      URI endpoint, String storedSecret, DeliveryId messageId, KeyEvent event, Instant timestamp);

  /**
   * A new signing secret.
   *
   * @param shown the secret as its receiver configures it, {@code whsec_} and base64; wipe it once
   *     shown
   * @param stored what the repository keeps, from which {@link #send} signs
   */
  record NewSecret(char[] shown, String stored) {
    public NewSecret {
      Objects.requireNonNull(shown, "shown secret");
      Objects.requireNonNull(stored, "stored secret");
    }

    /** Overwrites the shown secret's characters. */
    public void wipe() {
      Arrays.fill(shown, '\0');
    }

    @Override
    public String toString() {
      return "NewSecret[***]";
    }
  }

  /**
   * How an attempt went.
   *
   * @param statusCode the receiver's status code, when it answered
   * @param error why it failed, empty when it succeeded: a status line or the network's error
   */
  record Sent(Optional<Integer> statusCode, Optional<String> error) {
    public Sent {
      Objects.requireNonNull(statusCode, "status code");
      Objects.requireNonNull(error, "error");
    }

    public static Sent answered(int statusCode) {
      boolean ok = statusCode >= 200 && statusCode < 300;
      return new Sent(
          Optional.of(statusCode), ok ? Optional.empty() : Optional.of("HTTP " + statusCode));
    }

    public static Sent unreachable(String why) {
      return new Sent(Optional.empty(), Optional.of(why));
    }

    /** Whether the receiver accepted it, with a 2xx. */
    public boolean succeeded() {
      return error.isEmpty();
    }
  }
}
