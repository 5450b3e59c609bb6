package dev.keygate.adapter.webhook;

import dev.keygate.application.port.out.WebhookSender;
import dev.keygate.domain.event.DeliveryId;
import dev.keygate.domain.event.KeyEvent;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodySubscribers;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@link WebhookSender} on the JDK's {@link HttpClient}: the event as JSON, signed the Standard
 * Webhooks v1 way, POSTed once with no redirect followed; the receiver's answer is its status code
 * alone. An attempt ends within the timeout, whatever the receiver does. Nothing here logs, and no
 * answer or exception carries the secret or the body.
 */
public final class HttpWebhookSender implements WebhookSender {

  /** The {@code user-agent} receivers see. */
  public static final String USER_AGENT = "Keygate-Webhooks/1";

  /**
   * The length of a key-encryption key: 256 bits, the one the access tokens' keys are sealed by.
   */
  public static final int KEY_ENCRYPTION_KEY_BYTES = SigningSecrets.KEY_ENCRYPTION_KEY_BYTES;

  private static final int MAX_ERROR_LENGTH = 300;

  private final Duration timeout;
  private final SigningSecrets secrets;
  // Made at the first send: a JDK client loads the trust store when built, which a command that
  // only lists or creates keys would wait for in vain.
  private HttpClient client;

  /**
   * Secrets stored as {@code plain:} and base64.
   *
   * @param timeout how long one attempt may take, from connecting to the receiver's status line
   */
  public HttpWebhookSender(Duration timeout) {
    this(timeout, new SigningSecrets());
  }

  /**
   * Secrets stored sealed under {@code keyEncryptionKey}.
   *
   * @param timeout how long one attempt may take, from connecting to the receiver's status line
   * @param keyEncryptionKey {@value #KEY_ENCRYPTION_KEY_BYTES} bytes: the deployment's
   *     key-encryption key, {@code KEYGATE_SIGNING_KEY_ENCRYPTION_KEY}
   */
  public HttpWebhookSender(Duration timeout, byte[] keyEncryptionKey) {
    this(timeout, new SigningSecrets(keyEncryptionKey));
  }

  private HttpWebhookSender(Duration timeout, SigningSecrets secrets) {
    if (timeout == null || timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("a webhook timeout must be positive, was " + timeout);
    }
    this.timeout = timeout;
    this.secrets = secrets;
  }

  private synchronized HttpClient client() {
    if (client == null) {
      client =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .followRedirects(HttpClient.Redirect.NEVER)
              .connectTimeout(timeout)
              .build();
    }
    return client;
  }

  @Override
  public NewSecret newSecret() {
    return secrets.generate();
  }

  @Override
  public Sent send(
      URI endpoint, String storedSecret, DeliveryId messageId, KeyEvent event, Instant timestamp) {
    byte[] body = WebhookPayload.render(event);
    long unixSeconds = timestamp.getEpochSecond();
    String signature;
    byte[] key;
    try {
      key = secrets.open(storedSecret);
    } catch (IllegalStateException unopenable) {
      // Not the receiver's fault, but an attempt that failed all the same: the operator reads why
      // in the delivery's last error, and the delivery loop carries on with the others.
      return new Sent(Optional.empty(), Optional.of(unopenable.getMessage()));
    }
    try {
      signature = StandardWebhooksSignature.sign(key, messageId.value(), unixSeconds, body);
    } finally {
      Arrays.fill(key, (byte) 0);
    }
    HttpRequest request;
    try {
      request =
          HttpRequest.newBuilder(endpoint)
              .timeout(timeout)
              .header("content-type", "application/json")
              .header("user-agent", USER_AGENT)
              .header("webhook-id", messageId.value())
              .header("webhook-timestamp", Long.toString(unixSeconds))
              .header("webhook-signature", signature)
              .POST(HttpRequest.BodyPublishers.ofByteArray(body))
              .build();
    } catch (IllegalArgumentException badEndpoint) {
      return Sent.unreachable("the endpoint cannot be requested: " + badEndpoint.getMessage());
    }
    return post(request);
  }

  /**
   * The receiver's status code, read as soon as its status line arrives; the body it sends is
   * drained and dropped. The whole exchange is bounded by the timeout, since the client's own
   * timeout stops at the response's headers.
   */
  private Sent post(HttpRequest request) {
    long deadline = System.nanoTime() + timeout.toNanos();
    CompletableFuture<Integer> status = new CompletableFuture<>();
    CompletableFuture<HttpResponse<Void>> exchange;
    try {
      exchange =
          client()
              .sendAsync(
                  request,
                  info -> {
                    status.complete(info.statusCode());
                    return BodySubscribers.discarding();
                  });
    } catch (IllegalArgumentException badEndpoint) {
      return Sent.unreachable("the endpoint cannot be requested: " + badEndpoint.getMessage());
    }
    exchange.whenComplete(
        (response, failure) -> {
          if (failure != null) {
            status.completeExceptionally(failure);
          }
        });
    try {
      int code = status.get(remaining(deadline), TimeUnit.NANOSECONDS);
      drain(exchange, deadline);
      return Sent.answered(code);
    } catch (TimeoutException e) {
      exchange.cancel(true);
      return Sent.unreachable("timed out after " + describe(timeout));
    } catch (ExecutionException e) {
      return Sent.unreachable(describe(e.getCause()));
    } catch (InterruptedException e) {
      exchange.cancel(true);
      Thread.currentThread().interrupt();
      return Sent.unreachable("interrupted while sending");
    }
  }

  /** Lets the receiver finish its answer within the deadline, else drops the connection. */
  private static void drain(CompletableFuture<HttpResponse<Void>> exchange, long deadline)
      throws InterruptedException {
    try {
      exchange.get(remaining(deadline), TimeUnit.NANOSECONDS);
    } catch (TimeoutException | ExecutionException | CancellationException e) {
      exchange.cancel(true);
    }
  }

  private static long remaining(long deadline) {
    return Math.max(0, deadline - System.nanoTime());
  }

  private String describe(Throwable failure) {
    Throwable cause = failure;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    String why;
    if (cause instanceof HttpConnectTimeoutException) {
      why = "connecting timed out after " + describe(timeout);
    } else if (cause instanceof HttpTimeoutException) {
      why = "timed out after " + describe(timeout);
    } else if (cause instanceof ConnectException) {
      why = "could not connect" + detail(cause.getCause() != null ? cause.getCause() : cause);
    } else if (cause instanceof IOException) {
      why = "network error" + detail(cause);
    } else {
      why = "sending failed" + detail(cause);
    }
    return why.length() <= MAX_ERROR_LENGTH ? why : why.substring(0, MAX_ERROR_LENGTH);
  }

  /** The JDK's own words for a network failure, which name neither the secret nor the body. */
  private static String detail(Throwable cause) {
    String message = cause.getMessage();
    return ": "
        + (message == null || message.isBlank() ? cause.getClass().getSimpleName() : message);
  }

  private static String describe(Duration duration) {
    return duration.toMillis() % 1000 == 0
        ? duration.toSeconds() + " s"
        : duration.toMillis() + " ms";
  }
}
