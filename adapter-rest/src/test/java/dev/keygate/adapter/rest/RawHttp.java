package dev.keygate.adapter.rest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * HTTP/1.1 over a plain socket, one connection per request, for requests that {@link
 * java.net.http.HttpClient} will not send: a header given twice, bytes that are not ASCII in a
 * header, a path that is not percent-encoded, a body that is not UTF-8, a {@code Host} of another
 * server. The request is written as given, with {@code Connection: close}, the body's framing and
 * (unless it names one) {@code Host} added.
 */
final class RawHttp {

  private static final int TIMEOUT_MILLIS = 10_000;

  private final int port;

  RawHttp(int port) {
    this.port = port;
  }

  /**
   * A request as it goes on the wire.
   *
   * @param target the request target, written verbatim (already percent-encoded, or not)
   * @param headers name and value pairs in order; a name may repeat
   * @param body the body's bytes, or null for none
   * @param chunked whether the body is sent with {@code Transfer-Encoding: chunked} rather than a
   *     {@code Content-Length}
   */
  record Request(
      String method,
      String target,
      List<Map.Entry<String, byte[]>> headers,
      byte[] body,
      boolean chunked) {

    Request {
      headers = List.copyOf(headers);
    }

    Request withMethod(String other) {
      return new Request(other, target, headers, body, chunked);
    }

    Request withTarget(String other) {
      return new Request(method, other, headers, body, chunked);
    }

    Request withHeaders(List<Map.Entry<String, byte[]>> other) {
      return new Request(method, target, other, body, chunked);
    }

    Request withBody(byte[] other) {
      return new Request(method, target, headers, other, chunked);
    }

    Request chunked(boolean other) {
      return new Request(method, target, headers, body, other);
    }
  }

  /** An answer: its status, headers with lower-case names, and body as UTF-8 text. */
  record Response(int status, Map<String, List<String>> headers, String body) {

    Optional<String> header(String name) {
      List<String> values = headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
      return values.stream().findFirst();
    }
  }

  /** A header as sent: its value's bytes in UTF-8. */
  static Map.Entry<String, byte[]> header(String name, String value) {
    return Map.entry(name, value.getBytes(StandardCharsets.UTF_8));
  }

  Response send(Request request) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), TIMEOUT_MILLIS);
      socket.setSoTimeout(TIMEOUT_MILLIS);
      OutputStream out = socket.getOutputStream();
      ByteArrayOutputStream head = new ByteArrayOutputStream();
      ascii(head, request.method() + " ");
      head.writeBytes(request.target().getBytes(StandardCharsets.UTF_8));
      ascii(head, " HTTP/1.1\r\nConnection: close\r\n");
      if (request.headers().stream()
          .noneMatch(header -> header.getKey().equalsIgnoreCase("Host"))) {
        ascii(head, "Host: 127.0.0.1:" + port + "\r\n");
      }
      for (Map.Entry<String, byte[]> header : request.headers()) {
        ascii(head, header.getKey() + ": ");
        head.writeBytes(header.getValue());
        ascii(head, "\r\n");
      }
      if (request.body() != null) {
        ascii(
            head,
            request.chunked()
                ? "Transfer-Encoding: chunked\r\n"
                : "Content-Length: " + request.body().length + "\r\n");
      }
      ascii(head, "\r\n");
      try {
        out.write(head.toByteArray());
        if (request.body() != null) {
          out.write(request.chunked() ? chunked(request.body()) : request.body());
        }
        out.flush();
      } catch (IOException refusedEarly) {
        // The server may answer and close before it has read everything; the answer still counts.
      }
      return parse(socket.getInputStream());
    } catch (IOException e) {
      throw new UncheckedIOException(
          "no answer to " + request.method() + " " + abbreviated(request), e);
    }
  }

  private static String abbreviated(Request request) {
    String target = request.target();
    return target.length() <= 120 ? target : target.substring(0, 120) + "...";
  }

  private static void ascii(ByteArrayOutputStream out, String text) {
    out.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
  }

  private static byte[] chunked(byte[] body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int chunk = 4096;
    for (int at = 0; at < body.length; at += chunk) {
      int length = Math.min(chunk, body.length - at);
      ascii(out, Integer.toHexString(length) + "\r\n");
      out.write(body, at, length);
      ascii(out, "\r\n");
    }
    ascii(out, "0\r\n\r\n");
    return out.toByteArray();
  }

  private static Response parse(InputStream in) throws IOException {
    byte[] all = readAll(in);
    int headEnd = indexOf(all, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), 0);
    if (headEnd < 0) {
      throw new IOException("incomplete answer: " + new String(all, StandardCharsets.ISO_8859_1));
    }
    String[] lines = new String(all, 0, headEnd, StandardCharsets.ISO_8859_1).split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    Map<String, List<String>> headers = new java.util.TreeMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      headers
          .computeIfAbsent(
              lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
              name -> new ArrayList<>())
          .add(lines[i].substring(colon + 1).trim());
    }
    byte[] body = java.util.Arrays.copyOfRange(all, headEnd + 4, all.length);
    boolean isChunked =
        headers.getOrDefault("transfer-encoding", List.of()).stream()
            .anyMatch(value -> value.equalsIgnoreCase("chunked"));
    if (isChunked) {
      body = dechunk(body);
    }
    return new Response(status, headers, new String(body, StandardCharsets.UTF_8));
  }

  private static byte[] readAll(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    int read;
    try {
      while ((read = in.read(buffer)) >= 0) {
        out.write(buffer, 0, read);
      }
    } catch (java.net.SocketException resetAfterAnswer) {
      // A server that refused an unread body may reset the connection after its answer.
      if (out.size() == 0) {
        throw resetAfterAnswer;
      }
    }
    return out.toByteArray();
  }

  private static byte[] dechunk(byte[] chunked) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int at = 0;
    while (true) {
      int lineEnd = indexOf(chunked, new byte[] {'\r', '\n'}, at);
      if (lineEnd < 0) {
        throw new IOException("broken chunked answer");
      }
      String sizeLine = new String(chunked, at, lineEnd - at, StandardCharsets.ISO_8859_1);
      int size = Integer.parseInt(sizeLine.split(";")[0].trim(), 16);
      if (size == 0) {
        return out.toByteArray();
      }
      out.write(chunked, lineEnd + 2, size);
      at = lineEnd + 2 + size + 2;
    }
  }

  private static int indexOf(byte[] haystack, byte[] needle, int from) {
    outer:
    for (int i = from; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
