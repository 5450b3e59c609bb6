package dev.keygate.application.fake;

import dev.keygate.application.port.out.WebhookSender;
import dev.keygate.domain.event.DeliveryId;
import dev.keygate.domain.event.KeyEvent;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.Objects;

/**
 * {@link WebhookSender} that sends nothing: it records each send and answers what the test
 * scripted, 200 unless told otherwise. Its secrets are made as the real sender makes them without a
 * key-encryption key: {@code whsec_} and base64 of 32 random bytes, stored as {@code plain:} and
 * the base64.
 */
public final class FakeWebhookSender implements WebhookSender {

  /** One send, as the sender was asked to make it. */
  public record Sending(
      URI endpoint, String storedSecret, DeliveryId messageId, KeyEvent event, Instant timestamp) {
    @Override
    public String toString() {
      return "Sending[" + messageId + " " + event.type().wireName() + " to " + endpoint + "]";
    }
  }

  private static final SecureRandom RANDOM = new SecureRandom();

  private final List<Sending> sent = new ArrayList<>();
  private final Deque<Sent> scripted = new ArrayDeque<>();
  private Sent otherwise = Sent.answered(200);
  private int throwing;

  private Runnable whileSending = () -> {};

  @Override
  public NewSecret newSecret() {
    byte[] key = new byte[32];
    RANDOM.nextBytes(key);
    String base64 = Base64.getEncoder().encodeToString(key);
    return new NewSecret(("whsec_" + base64).toCharArray(), "plain:" + base64);
  }

  @Override
  public synchronized Sent send(
      URI endpoint, String storedSecret, DeliveryId messageId, KeyEvent event, Instant timestamp) {
    sent.add(new Sending(endpoint, storedSecret, messageId, event, timestamp));
    whileSending.run();
    if (throwing > 0) {
      throwing--;
      throw new IllegalStateException("sender broke while sending to " + endpoint);
    }
    return scripted.isEmpty() ? otherwise : scripted.removeFirst();
  }

  /** Answers the next sends with {@code answers}, one each, then as before. */
  public synchronized void willAnswer(Sent... answers) {
    for (Sent answer : answers) {
      scripted.addLast(Objects.requireNonNull(answer));
    }
  }

  /** Runs {@code action} during every send, as a slow receiver's time passing. */
  public synchronized void whileSending(Runnable action) {
    whileSending = Objects.requireNonNull(action);
  }

  /** Throws at the next send, as a sender with a bug would. */
  public synchronized void willThrow() {
    throwing++;
  }

  /** Answers every send not scripted otherwise with {@code answer}. */
  public synchronized void alwaysAnswer(Sent answer) {
    otherwise = Objects.requireNonNull(answer);
  }

  /** Every send so far, in order. */
  public synchronized List<Sending> sent() {
    return List.copyOf(sent);
  }

  public synchronized void forget() {
    sent.clear();
  }
}
