package dev.keygate.adapter.webhook;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A webhook receiver on the JDK's HTTP server at 127.0.0.1, recording every request it gets. */
final class Receiver implements AutoCloseable {

  /** One request as received: lower-case header names, the raw body. */
  record Received(String method, String path, Map<String, List<String>> headers, byte[] body) {
    String header(String name) {
      List<String> values = headers.get(name);
      return values == null || values.size() != 1 ? null : values.get(0);
    }
  }

  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();

  /** Released when the receiver closes, for handlers that hang until then. */
  private final CountDownLatch closing = new CountDownLatch(1);

  Receiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(threads);
    server.start();
  }

  /** Answers {@code status} with no body at {@code path}. */
  Receiver answering(String path, int status) {
    return on(
        path,
        exchange -> {
          exchange.sendResponseHeaders(status, -1);
          exchange.close();
        });
  }

  /** Redirects {@code path} to {@code target} with {@code status}. */
  Receiver redirecting(String path, int status, String target) {
    return on(
        path,
        exchange -> {
          exchange.getResponseHeaders().add("Location", url(target).toString());
          exchange.sendResponseHeaders(status, -1);
          exchange.close();
        });
  }

  /** Never answers at {@code path} until the receiver closes. */
  Receiver hanging(String path) {
    return on(path, exchange -> awaitClosing());
  }

  /** Sends a 200 status line at {@code path}, then never finishes its body. */
  Receiver hangingInTheBody(String path) {
    return on(
        path,
        exchange -> {
          exchange.sendResponseHeaders(200, 0);
          exchange
              .getResponseBody()
              .write("{\"ok\":".getBytes(java.nio.charset.StandardCharsets.UTF_8));
          exchange.getResponseBody().flush();
          awaitClosing();
        });
  }

  private Receiver on(String path, HttpHandler answer) {
    server.createContext(
        path,
        exchange -> {
          record(exchange);
          answer.handle(exchange);
        });
    return this;
  }

  private void record(HttpExchange exchange) throws IOException {
    Map<String, List<String>> headers = new TreeMap<>();
    exchange
        .getRequestHeaders()
        .forEach((name, values) -> headers.put(name.toLowerCase(java.util.Locale.ROOT), values));
    byte[] body = exchange.getRequestBody().readAllBytes();
    received.add(
        new Received(
            exchange.getRequestMethod(), exchange.getRequestURI().getPath(), headers, body));
  }

  private void awaitClosing() {
    try {
      closing.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  URI url(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  /** The next request received, waiting a little for it. */
  Received next() throws InterruptedException {
    Received next = received.poll(5, TimeUnit.SECONDS);
    if (next == null) {
      throw new AssertionError("the receiver got no request");
    }
    return next;
  }

  /** The requests received so far that were not taken with {@link #next}. */
  List<Received> others() {
    return List.copyOf(received);
  }

  @Override
  public void close() {
    closing.countDown();
    server.stop(0);
    threads.shutdownNow();
  }
}
