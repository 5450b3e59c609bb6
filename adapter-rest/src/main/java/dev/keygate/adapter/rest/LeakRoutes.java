package dev.keygate.adapter.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keygate.application.port.in.ReportLeakedTokensUseCase;
import dev.keygate.application.port.in.RevokeLeakedTokensUseCase;
import dev.keygate.application.port.in.ScanningAnswer;
import dev.keygate.application.port.in.ScanningReport;
import dev.keygate.domain.NotFoundException;
import dev.keygate.domain.ValidationException;
import dev.keygate.wire.SuccessResponse;
import dev.keygate.wire.WireJson;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.UnsupportedMediaTypeResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The two ways a leaked token reaches Keygate, both open to callers without a management key: a
 * secret scanner's report, signed by the scanner (GitHub's secret scanning partner program), and
 * the public revocation of tokens by whoever found them, limited per client network.
 */
public final class LeakRoutes implements RouteGroup {

  static final String SECRET_SCANNING = "/api/v1/secret_scanning";
  static final String REVOKE_LEAKED = "/api/v1/api_keys/revoke_leaked";

  /** The largest body either route takes: 1 MiB, a thousand tokens with room to spare. */
  static final int MAX_BODY_BYTES = 1024 * 1024;

  /** The most entries one scanner's report may carry. */
  static final int MAX_FINDINGS = 1000;

  static final String KEY_IDENTIFIER = "Github-Public-Key-Identifier";
  static final String SIGNATURE = "Github-Public-Key-Signature";

  private static final SuccessResponse ACCEPTED =
      new SuccessResponse("ACCEPTED", "Tokens received");

  private final ReportLeakedTokensUseCase report;
  private final RevokeLeakedTokensUseCase revoke;

  public LeakRoutes(ReportLeakedTokensUseCase report, RevokeLeakedTokensUseCase revoke) {
    this.report = report;
    this.revoke = revoke;
  }

  @Override
  public List<Route> routes() {
    return List.of(
        Route.of(
                HandlerType.POST,
                SECRET_SCANNING,
                "Receive a secret scanner's report of tokens found in public, signed as GitHub's"
                    + " secret scanning partner program signs it (headers "
                    + KEY_IDENTIFIER
                    + " and "
                    + SIGNATURE
                    + "); a key of this deployment is handled by its leak policy")
            .open()
            .bodyList(ScanningFinding.class)
            .fails(
                400,
                "The body is not a JSON array of 1-"
                    + MAX_FINDINGS
                    + " findings each with a token and a type; the message says what is wrong.")
            .fails(401, "The signature is missing, names an unknown key, or does not verify.")
            .fails(404, "No scanner's public key is configured: reports are not received.")
            .fails(413, "The body is over " + MAX_BODY_BYTES / 1024 + " KiB.")
            .fails(415, "The body is not application/json.")
            .answersList(ScanningLabelResponse.class, this::scan),
        Route.of(
                HandlerType.POST,
                REVOKE_LEAKED,
                "Revoke leaked tokens: anyone holding a token may; every token that is a current"
                    + " secret of a key revokes it, and the answer is the same whatever the tokens"
                    + " were")
            .open()
            .body(RevokeLeakedRequest.class)
            .status(202)
            .fails(
                400,
                "Bad JSON, or not 1-"
                    + RevokeLeakedTokensUseCase.MAX_TOKENS
                    + " tokens; the message says what is wrong.")
            .fails(413, "The body is over " + MAX_BODY_BYTES / 1024 + " KiB.")
            .fails(415, "The body is not application/json.")
            .fails(
                429,
                "Too many revocations from this client's network lately; the Retry-After header"
                    + " says how many seconds to wait.")
            .answers(SuccessResponse.class, this::revokeLeaked));
  }

  private void scan(Context ctx) {
    byte[] body = jsonBody(ctx);
    List<ScanningReport.Finding> findings = List.of();
    ValidationException malformed = null;
    try {
      findings = findings(body);
    } catch (ValidationException e) {
      malformed = e;
    }
    // The signature is judged first, on the bytes as they came: an unsigned or unconfigured
    // report is told so whatever its body, and a malformed one acts on nothing.
    ScanningAnswer answer =
        report.report(
            new ScanningReport(
                body, oneHeader(ctx, KEY_IDENTIFIER), oneHeader(ctx, SIGNATURE), findings));
    if (answer instanceof ScanningAnswer.NotConfigured) {
      throw new NotFoundException("secret scanning is not configured");
    }
    if (answer instanceof ScanningAnswer.Unverified) {
      throw new UnauthorizedException(
          "the report's signature is missing, names an unknown key, or does not verify");
    }
    if (malformed != null) {
      throw malformed;
    }
    List<ScanningLabelResponse> labels = new ArrayList<>();
    for (ScanningAnswer.Label label : ((ScanningAnswer.Labelled) answer).labels()) {
      labels.add(
          new ScanningLabelResponse(
              label.tokenHash(),
              label.tokenType(),
              label.truePositive() ? "true_positive" : "false_positive"));
    }
    ctx.json(labels);
  }

  /**
   * The report's findings. GitHub's fields are read strictly ({@code token} and {@code type}
   * strings, {@code url} and {@code source} strings or absent); a field it may add later is
   * ignored, so that a new field never leaves a leak unhandled.
   */
  static List<ScanningReport.Finding> findings(byte[] body) {
    JsonNode tree;
    try {
      tree = WireJson.mapper().readTree(body);
    } catch (IOException e) {
      throw new ValidationException("request body is not valid JSON");
    }
    if (tree == null || !tree.isArray()) {
      throw new ValidationException("request body must be a JSON array of findings");
    }
    if (tree.isEmpty() || tree.size() > MAX_FINDINGS) {
      throw new ValidationException(
          "request body must hold 1-" + MAX_FINDINGS + " findings, was " + tree.size());
    }
    List<ScanningReport.Finding> findings = new ArrayList<>(tree.size());
    for (int i = 0; i < tree.size(); i++) {
      JsonNode entry = tree.get(i);
      String at = "[" + i + "]";
      if (!entry.isObject()) {
        throw new ValidationException(at + " must be an object");
      }
      findings.add(
          new ScanningReport.Finding(
              requiredText(entry, at, "token"),
              requiredText(entry, at, "type"),
              optionalText(entry, at, "url"),
              optionalText(entry, at, "source")));
    }
    return findings;
  }

  private static String requiredText(JsonNode entry, String at, String field) {
    return optionalText(entry, at, field)
        .orElseThrow(() -> new ValidationException(at + "." + field + " is required"));
  }

  private static Optional<String> optionalText(JsonNode entry, String at, String field) {
    JsonNode value = entry.get(field);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isTextual()) {
      throw new ValidationException(at + "." + field + " must be a string");
    }
    return Optional.of(value.textValue());
  }

  private void revokeLeaked(Context ctx) {
    RevokeLeakedRequest request = JsonBodies.read(jsonBody(ctx), RevokeLeakedRequest.class);
    List<String> tokens = request.tokens();
    if (tokens.isEmpty() || tokens.size() > RevokeLeakedTokensUseCase.MAX_TOKENS) {
      throw new ValidationException(
          "tokens must hold 1-"
              + RevokeLeakedTokensUseCase.MAX_TOKENS
              + " tokens, was "
              + tokens.size());
    }
    for (int i = 0; i < tokens.size(); i++) {
      if (tokens.get(i) == null) {
        throw new ValidationException("tokens[" + i + "] must not be null");
      }
    }
    // The client's address as every route reads it, the connection's: a forwarding header anyone
    // may write would let a caller pick the network it is limited as.
    revoke.revoke(tokens, ctx.ip());
    ctx.status(202);
    ctx.json(ACCEPTED);
  }

  /**
   * The body as it came, in JSON: these routes are outside the guard that refuses other media types
   * for the management API, so they refuse them here (415).
   */
  private static byte[] jsonBody(Context ctx) {
    boolean hasBody = ctx.contentLength() > 0 || ctx.header("Transfer-Encoding") != null;
    if (hasBody && !RestServer.isJson(ctx.contentType())) {
      throw new UnsupportedMediaTypeResponse();
    }
    return Requests.bytes(ctx, MAX_BODY_BYTES);
  }

  /** The header's one value; empty when it is absent or given more than once. */
  private static String oneHeader(Context ctx, String name) {
    List<String> values = Collections.list(ctx.req().getHeaders(name));
    return values.size() == 1 ? values.get(0).strip() : "";
  }
}
