package dev.keygate.adapter.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keygate.application.port.query.ListOrder;
import dev.keygate.application.port.query.PageRequest;
import dev.keygate.domain.NotFoundException;
import dev.keygate.domain.ValidationException;
import dev.keygate.domain.api.ApiId;
import dev.keygate.domain.api.ScopeId;
import dev.keygate.domain.application.ApplicationId;
import dev.keygate.domain.key.ApiKeyId;
import dev.keygate.domain.owner.OrgCode;
import dev.keygate.domain.owner.UserId;
import dev.keygate.wire.PageTokens;
import dev.keygate.wire.WireJson;
import io.javalin.http.ContentTooLargeResponse;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URLDecoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/** Reads paths, query strings and bodies, naming the parameter when it is wrong. */
final class Requests {

  private static final Pattern IPV4 =
      Pattern.compile(
          "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
  private static final Pattern IPV6_CHARACTERS = Pattern.compile("[0-9A-Fa-f:.]+");

  /** How much of an oversized body is read and dropped so that the 413 reaches the client. */
  private static final long DRAIN_LIMIT = 1024 * 1024;

  /** The attribute a request's body is kept in once it was read. */
  private static final String BODY = "keygate.body";

  private Requests() {}

  static <T> T body(Context ctx, Class<T> type) {
    return JsonBodies.read(bytes(ctx), type);
  }

  /** The body, or empty when none was sent. */
  static <T> Optional<T> optionalBody(Context ctx, Class<T> type) {
    byte[] bytes = bytes(ctx);
    if (bytes.length == 0) {
      return Optional.empty();
    }
    return Optional.of(JsonBodies.read(bytes, type));
  }

  /**
   * Whether the JSON body, already read as a request, gives {@code field} as {@code null}: a record
   * reads that as left out, where some fields tell the two apart.
   */
  static boolean givesNull(Context ctx, String field) {
    try {
      JsonNode tree = WireJson.mapper().readTree(bytes(ctx));
      return tree != null && tree.has(field) && tree.get(field).isNull();
    } catch (IOException unreadable) {
      throw new ValidationException("request body is not valid JSON");
    }
  }

  /**
   * The body's bytes, refusing more than {@link RestServer#MAX_REQUEST_BYTES} (413). The server
   * refuses a longer declared length up front; a chunked body declares none, so the limit is kept
   * here while reading.
   */
  private static byte[] bytes(Context ctx) {
    return bytes(ctx, RestServer.MAX_REQUEST_BYTES);
  }

  /**
   * The body's bytes exactly as sent, refusing more than {@code limit} (413), read once: for a
   * route whose limit is its own, and for a body whose bytes are signed.
   */
  static byte[] bytes(Context ctx, int limit) {
    // Read once: the guard may read a verify request's body before its handler does.
    byte[] read = ctx.attribute(BODY);
    if (read == null) {
      read = readBytes(ctx, limit);
      ctx.attribute(BODY, read);
    }
    return read;
  }

  private static byte[] readBytes(Context ctx, int max) {
    long declared = ctx.req().getContentLengthLong();
    try (InputStream in = ctx.bodyInputStream()) {
      if (declared > max) {
        throw tooLarge(in, max);
      }
      // A declared length is read exactly; without one, reading stops one byte past the limit.
      int limit = declared >= 0 ? (int) declared : max + 1;
      byte[] bytes = in.readNBytes(limit);
      if (bytes.length > max) {
        throw tooLarge(in, max);
      }
      return bytes;
    } catch (IOException e) {
      throw new ValidationException("request body could not be read");
    }
  }

  /** A 413 for a body over {@code limit}, after dropping a bounded rest of it. */
  private static RuntimeException tooLarge(InputStream body, int limit) {
    RuntimeException tooLarge = tooLarge(body);
    return limit == RestServer.MAX_REQUEST_BYTES ? tooLarge : new BodyTooLargeException(limit);
  }

  /**
   * A 413 for a body that is too large, after reading and dropping a bounded rest of it: a server
   * that closes a connection with unread data resets it, and the client never sees the answer.
   */
  static ContentTooLargeResponse tooLarge(InputStream body) {
    try {
      long dropped = 0;
      byte[] buffer = new byte[8192];
      int read;
      while (dropped < DRAIN_LIMIT && (read = body.read(buffer)) > 0) {
        dropped += read;
      }
    } catch (IOException unreadable) {
      // the connection is closed either way; the answer is still a 413
    }
    return new ContentTooLargeResponse();
  }

  /** A path id that is not even shaped like one names nothing: not found, like unknown ids. */
  static ApiKeyId keyId(Context ctx) {
    return pathId(ctx, "key_id", ApiKeyId::isWellFormed, ApiKeyId::new, "api key");
  }

  static ApiId apiId(Context ctx) {
    return pathId(ctx, "api_id", ApiId::isWellFormed, ApiId::new, "api");
  }

  static ApplicationId applicationId(Context ctx) {
    return pathId(
        ctx, "application_id", ApplicationId::isWellFormed, ApplicationId::new, "application");
  }

  /** The organization of the path: one whose code cannot be is not found (404), like any other. */
  static OrgCode orgCode(Context ctx) {
    try {
      return new OrgCode(ctx.pathParam("org_code"));
    } catch (ValidationException malformed) {
      throw new NotFoundException("organization not found");
    }
  }

  /** The user of the path: one whose id cannot be is not found (404), like any other. */
  static UserId userId(Context ctx) {
    try {
      return new UserId(ctx.pathParam("user_id"));
    } catch (ValidationException malformed) {
      throw new NotFoundException("user not found");
    }
  }

  static ScopeId scopeId(Context ctx) {
    return pathId(ctx, "scope_id", ScopeId::isWellFormed, ScopeId::new, "scope");
  }

  private static <T> T pathId(
      Context ctx,
      String name,
      java.util.function.Predicate<String> wellFormed,
      Function<String, T> parse,
      String what) {
    String value = ctx.pathParam(name);
    if (!wellFormed.test(value)) {
      throw new NotFoundException(what + " not found");
    }
    return parse.apply(value);
  }

  /**
   * A query parameter, empty when absent or blank; refused when not validly percent-encoded, or
   * when given more than once (which value was meant would be a guess).
   */
  static Optional<String> query(Context ctx, String name) {
    int given = 0;
    boolean undecodable = false;
    String queryString = ctx.queryString();
    for (String pair : queryString == null ? new String[0] : queryString.split("&")) {
      int equals = pair.indexOf('=');
      String key = equals < 0 ? pair : pair.substring(0, equals);
      if (decodes(key) && URLDecoder.decode(key, StandardCharsets.UTF_8).equals(name)) {
        given++;
        // Javalin drops a pair it cannot decode: read as absent, a filter would silently widen.
        undecodable |= !decodes(equals < 0 ? "" : pair.substring(equals + 1));
      }
    }
    if (given > 1) {
      throw new ValidationException(name + " is given more than once");
    }
    if (undecodable) {
      throw new ValidationException(name + " is not validly percent-encoded");
    }
    return Optional.ofNullable(ctx.queryParam(name)).filter(text -> !text.isBlank());
  }

  /**
   * Refuses a query parameter that is not one of {@code declared}, naming it when that is safe (the
   * caller chose the name, so it could be a pasted secret).
   */
  static void refuseUndeclaredQuery(Context ctx, Set<String> declared) {
    for (String name : ctx.queryParamMap().keySet()) {
      if (!declared.contains(name)) {
        throw new ValidationException(
            JsonBodies.mayRepeat(name)
                ? "unknown query parameter " + name
                : "unknown query parameter of " + name.length() + " characters, not repeated here");
      }
    }
  }

  /**
   * Refuses these parameters, which Kinde's specification declares for the route but Keygate cannot
   * honour: a filter left unapplied would answer more than was asked for.
   *
   * @param why what Keygate lacks, such as {@code Keygate keeps no phone numbers}
   */
  static void refuseUnsupported(Context ctx, String why, String... names) {
    for (String name : names) {
      if (ctx.queryParamMap().containsKey(name)) {
        throw new ValidationException(name + " is not supported: " + why);
      }
    }
  }

  /** The most values one list parameter such as {@code user_id=a,b,c} may hold. */
  static final int MAX_LISTED = 100;

  /** A parameter of values separated by commas, such as Kinde's {@code email=a@x.io,b@x.io}. */
  static List<String> list(Context ctx, String name) {
    List<String> values =
        query(ctx, name).stream()
            .flatMap(value -> Arrays.stream(value.split(",")))
            .map(String::strip)
            .filter(value -> !value.isEmpty())
            .toList();
    if (values.size() > MAX_LISTED) {
      throw new ValidationException(name + " may list at most " + MAX_LISTED + " values");
    }
    return values;
  }

  /** A boolean parameter: {@code true} or {@code false}, refused naming it otherwise. */
  static Optional<Boolean> bool(Context ctx, String name) {
    return query(ctx, name)
        .map(
            value ->
                switch (value) {
                  case "true" -> true;
                  case "false" -> false;
                  default -> throw new ValidationException(name + " must be true or false");
                });
  }

  /**
   * Kinde's {@code sort} of a list: {@code name_asc} or {@code name_desc}; id order when absent.
   */
  static ListOrder sort(Context ctx) {
    return query(ctx, "sort")
        .map(
            value ->
                switch (value) {
                  case "name_asc" -> ListOrder.NAME_ASCENDING;
                  case "name_desc" -> ListOrder.NAME_DESCENDING;
                  default -> throw new ValidationException("sort must be name_asc or name_desc");
                })
        .orElse(ListOrder.ID);
  }

  /** A query parameter that must be given, refused naming it when it is absent or blank. */
  static String requiredQuery(Context ctx, String name) {
    return query(ctx, name).orElseThrow(() -> new ValidationException(name + " is required"));
  }

  private static boolean decodes(String encoded) {
    try {
      URLDecoder.decode(encoded, StandardCharsets.UTF_8);
      return true;
    } catch (IllegalArgumentException malformed) {
      return false;
    }
  }

  /**
   * An IPv4 or IPv6 address as written, refused naming {@code field} otherwise. Only a literal is
   * parsed: a host name is refused, never looked up.
   */
  static String ipAddress(String field, String value) {
    String text = value.strip();
    boolean shaped =
        text.length() <= 45
            && (IPV4.matcher(text).matches()
                || (text.indexOf(':') >= 0 && IPV6_CHARACTERS.matcher(text).matches()));
    if (shaped) {
      try {
        InetAddress.getByName(text);
        return text;
      } catch (UnknownHostException notAnAddress) {
        // answered below
      }
    }
    throw new ValidationException(field + " must be an IPv4 or IPv6 address");
  }

  /** {@code page_size} (1-500, default 50) and {@code starting_after}. */
  static PageRequest page(Context ctx) {
    int size = query(ctx, "page_size").map(Requests::pageSize).orElse(PageRequest.DEFAULT_SIZE);
    return new PageRequest(size, query(ctx, "starting_after"));
  }

  /**
   * {@code page_size}, and where to start: Kinde's {@code next_token} or Keygate's {@code
   * starting_after}, not both.
   */
  static PageRequest pageWithToken(Context ctx) {
    Optional<String> token = query(ctx, "next_token");
    if (token.isEmpty()) {
      return page(ctx);
    }
    if (query(ctx, "starting_after").isPresent()) {
      throw new ValidationException("give only one of next_token and starting_after");
    }
    int size = query(ctx, "page_size").map(Requests::pageSize).orElse(PageRequest.DEFAULT_SIZE);
    return new PageRequest(size, Optional.of(PageTokens.startingAfter(token.get())));
  }

  private static int pageSize(String value) {
    // Integer.parseInt alone would also take a sign, and digits of any script such as a full-width
    // 1.
    if (value.chars().allMatch(c -> c >= '0' && c <= '9')) {
      try {
        int size = Integer.parseInt(value);
        if (size >= 1 && size <= PageRequest.MAX_SIZE) {
          return size;
        }
      } catch (NumberFormatException tooLong) {
        // answered below
      }
    }
    throw new ValidationException("page_size must be a whole number from 1 to 500");
  }
}
