package io.mcpoperator.mcp.transport;

import io.helidon.http.HeaderName;
import io.helidon.http.Status;
import io.mcpoperator.mcp.McpProtocol;
import io.mcpoperator.mcp.jsonrpc.DecodedBody;
import io.mcpoperator.mcp.jsonrpc.Json;
import io.mcpoperator.mcp.jsonrpc.JsonRpcError;
import io.mcpoperator.mcp.jsonrpc.JsonRpcMessage;
import io.mcpoperator.mcp.jsonrpc.JsonRpcMessage.Request;
import io.mcpoperator.mcp.jsonrpc.JsonRpcMessage.Result;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SequencedMap;
import java.util.Set;
import java.util.function.Function;

/**
 * The rules a 2026-07-28 (stateless) POST must follow before it is served: one message, no
 * responses, the {@code MCP-Protocol-Version}, {@code Mcp-Method} and {@code Mcp-Name} headers
 * present and equal to the body ({@code Mcp-Name} may use the {@code =?base64?...?=} form), the
 * required {@code _meta} fields present, a protocol version we serve. Also the shapes of the multi
 * round-trip (MRTR) rounds the gateway synthesizes for such clients ({@link InputRounds}).
 */
final class ModernRequests {
  static final HeaderName METHOD = ModernHeaders.METHOD;
  static final HeaderName NAME = ModernHeaders.NAME;
  static final String INPUT_REQUESTS = "inputRequests";
  static final String INPUT_RESPONSES = "inputResponses";
  static final String REQUEST_STATE = "requestState";
  private static final String SEND_AGAIN =
      "; send the request again without inputResponses and requestState";

  private ModernRequests() {}

  /** Why a request is refused: HTTP status and the JSON-RPC error of the body. */
  record Rejection(Status status, JsonRpcError error) {
    static Rejection badRequest(int code, String message) {
      return new Rejection(Status.BAD_REQUEST_400, JsonRpcError.of(code, message));
    }
  }

  /**
   * Checks a stateless POST; {@code headers} reads one request header (empty when absent).
   *
   * @return the rejection, or empty when the request may be served
   */
  static Optional<Rejection> check(
      DecodedBody body, Function<HeaderName, Optional<String>> headers) {
    if (body.batch()) {
      return Optional.of(
          Rejection.badRequest(
              JsonRpcError.INVALID_REQUEST,
              "Invalid request: protocol version 2026-07-28 has no batches"));
    }
    if (!(body.entries().getFirst() instanceof DecodedBody.Valid(JsonRpcMessage message))) {
      return Optional.empty();
    }
    return switch (message) {
      case JsonRpcMessage.Response r ->
          Optional.of(
              Rejection.badRequest(
                  JsonRpcError.INVALID_REQUEST,
                  "Invalid request: clients send no responses in 2026-07-28"));
      case JsonRpcMessage.Notification n -> Optional.empty();
      case Request r -> request(r, headers);
    };
  }

  private static Optional<Rejection> request(
      Request request, Function<HeaderName, Optional<String>> headers) {
    Optional<String> header = headers.apply(McpHeaders.PROTOCOL_VERSION);
    JsonObject meta = Json.object(request.params(), "_meta").orElse(JsonValue.EMPTY_JSON_OBJECT);
    Optional<String> declared = Json.string(meta, McpProtocol.META_PROTOCOL_VERSION);
    if (header.isEmpty()) {
      return mismatch("the MCP-Protocol-Version header is required");
    }
    if (declared.isEmpty() || Json.object(meta, McpProtocol.META_CLIENT_CAPABILITIES).isEmpty()) {
      return Optional.of(
          Rejection.badRequest(
              JsonRpcError.INVALID_PARAMS,
              "Invalid params: _meta needs \""
                  + McpProtocol.META_PROTOCOL_VERSION
                  + "\" and \""
                  + McpProtocol.META_CLIENT_CAPABILITIES
                  + "\""));
    }
    if (!header.get().equals(declared.get())) {
      return mismatch(
          "MCP-Protocol-Version header '"
              + header.get()
              + "' does not match _meta '"
              + declared.get()
              + "'");
    }
    if (!McpProtocol.supported(declared.get())) {
      return Optional.of(new Rejection(Status.BAD_REQUEST_400, unsupported(declared.get())));
    }
    Optional<String> method = headers.apply(METHOD);
    if (method.isEmpty() || !method.get().equals(request.method())) {
      return mismatch(
          method
              .map(
                  m ->
                      "Mcp-Method header '"
                          + m
                          + "' does not match body '"
                          + request.method()
                          + "'")
              .orElse("the Mcp-Method header is required"));
    }
    Optional<String> name = bodyName(request);
    if (name.isPresent()) {
      Optional<String> sent = headers.apply(NAME).map(ModernRequests::decode);
      if (sent.isEmpty() || !sent.get().equals(name.get())) {
        return mismatch(
            sent.map(v -> "Mcp-Name header '" + v + "' does not match body '" + name.get() + "'")
                .orElse("the Mcp-Name header is required for " + request.method()));
      }
    }
    if (REMOVED.containsKey(request.method())) {
      return Optional.of(
          new Rejection(
              Status.NOT_FOUND_404,
              JsonRpcError.of(
                  JsonRpcError.METHOD_NOT_FOUND,
                  "Method not found: "
                      + request.method()
                      + " is not part of protocol version "
                      + declared.get()
                      + " ("
                      + REMOVED.get(request.method())
                      + ")")));
    }
    return Optional.empty();
  }

  /** The methods 2026-07-28 removed, with what replaces each. */
  static final Map<String, String> REMOVED =
      Map.of(
          "initialize", "server/discover and per-request _meta replace it",
          "ping", "every request is its own health check",
          "logging/setLevel", "set _meta io.modelcontextprotocol/logLevel per request",
          "resources/subscribe", "use subscriptions/listen with resourceSubscriptions",
          "resources/unsubscribe", "end the subscriptions/listen stream instead");

  /** The results a 2026-07-28 client may cache, which must say for how long and for whom. */
  static final Set<String> CACHEABLE =
      Set.of(
          "tools/list",
          "prompts/list",
          "resources/list",
          "resources/templates/list",
          "resources/read");

  /**
   * The gateway's caching hint for the results it passes on. {@code private}: a list may depend on
   * the caller (its headers reach the upstream), so no cache may share it across authorization
   * contexts; {@code 0}: stale at once, a list can change at any time (list_changed tells
   * listeners). An upstream's own hints are kept.
   */
  static final String CACHE_SCOPE = "private";

  static final long TTL_MS = 0;

  /**
   * A final result of {@code method} as 2026-07-28 writes it: with {@code resultType} ("complete"
   * unless given), the caching hints {@code cacheScope} and {@code ttlMs} on {@link #CACHEABLE}
   * results (unless given), and a discover result's {@code serverInfo} also in its {@code _meta}.
   */
  static JsonRpcMessage complete(JsonRpcMessage message, String method) {
    if (!(message instanceof JsonRpcMessage.Result(JsonValue id, JsonObject result))) {
      return message;
    }
    boolean cacheable =
        CACHEABLE.contains(method)
            && (!result.containsKey("cacheScope") || !result.containsKey("ttlMs"));
    boolean discover = method.equals("server/discover") && needsServerInfoMeta(result);
    if (result.containsKey(McpProtocol.RESULT_TYPE) && !cacheable && !discover) {
      return message;
    }
    var copy = Json.object(result);
    if (!result.containsKey(McpProtocol.RESULT_TYPE)) {
      copy.add(McpProtocol.RESULT_TYPE, McpProtocol.RESULT_COMPLETE);
    }
    if (cacheable) {
      if (!result.containsKey("cacheScope")) {
        copy.add("cacheScope", CACHE_SCOPE);
      }
      if (!result.containsKey("ttlMs")) {
        copy.add("ttlMs", TTL_MS);
      }
    }
    if (discover) {
      JsonObject meta = Json.object(result, "_meta").orElse(JsonValue.EMPTY_JSON_OBJECT);
      copy.add(
          "_meta",
          Json.object(meta)
              .add(McpProtocol.META_SERVER_INFO, result.getJsonObject("serverInfo"))
              .build());
    }
    return new JsonRpcMessage.Result(id, copy.build());
  }

  private static boolean needsServerInfoMeta(JsonObject result) {
    return result.get("serverInfo") instanceof JsonObject
        && Json.object(result, "_meta")
            .flatMap(m -> Json.object(m, McpProtocol.META_SERVER_INFO))
            .isEmpty();
  }

  /** The HTTP status of a final response answered as plain JSON (2026-07-28 transport rules). */
  static Status status(JsonRpcMessage message) {
    if (message instanceof JsonRpcMessage.Failure(JsonValue id, JsonRpcError error)) {
      return switch (error.code()) {
        case JsonRpcError.METHOD_NOT_FOUND -> Status.NOT_FOUND_404;
        case JsonRpcError.HEADER_MISMATCH,
            JsonRpcError.MISSING_CLIENT_CAPABILITY,
            JsonRpcError.UNSUPPORTED_PROTOCOL_VERSION ->
            Status.BAD_REQUEST_400;
        default -> Status.OK_200;
      };
    }
    return Status.OK_200;
  }

  /** The error for a protocol version we do not serve, listing the ones we do. */
  static JsonRpcError unsupported(String requested) {
    var supported = Json.array();
    McpProtocol.ALL_VERSIONS.reversed().forEach(supported::add);
    return new JsonRpcError(
        JsonRpcError.UNSUPPORTED_PROTOCOL_VERSION,
        "Unsupported protocol version " + requested,
        Optional.of(Json.object().add("supported", supported).add("requested", requested).build()));
  }

  /** {@code params.name} or {@code params.uri}, for the methods whose Mcp-Name mirrors it. */
  static Optional<String> bodyName(Request request) {
    return ModernHeaders.bodyName(request);
  }

  /** A header value in the {@code =?base64?...?=} form decoded; any other value as is. */
  static String decode(String value) {
    return ModernHeaders.decode(value);
  }

  // ---- multi round-trip (MRTR) rounds ----

  /** The {@code requestState} a request carries (a retry echoes its input_required result's). */
  static Optional<String> requestState(JsonObject params) {
    return params.get(REQUEST_STATE) instanceof JsonString s
        ? Optional.of(s.getString())
        : Optional.empty();
  }

  /**
   * An MRTR result asking the client for input: {@code inputRequests} maps each key to a
   * server-to-client request ({@code method}, {@code params}); the client retries the request with
   * {@code inputResponses} under the same keys and {@code requestState} echoed.
   */
  static Result inputRequired(
      JsonValue id, SequencedMap<String, Request> inputs, String requestState) {
    var requests = Json.object();
    inputs.forEach(
        (key, request) ->
            requests.add(
                key,
                Json.object().add("method", request.method()).add("params", request.params())));
    return new Result(
        id,
        Json.object()
            .add(McpProtocol.RESULT_TYPE, McpProtocol.RESULT_INPUT_REQUIRED)
            .add(INPUT_REQUESTS, requests)
            .add(REQUEST_STATE, requestState)
            .build());
  }

  /**
   * True when {@code retry} repeats the request of {@code method} and {@code params}: the same
   * method and the same params apart from {@code _meta}, {@code inputResponses} and {@code
   * requestState}.
   */
  static boolean repeats(Request retry, String method, JsonObject params) {
    return retry.method().equals(method) && essence(retry.params()).equals(essence(params));
  }

  private static JsonObject essence(JsonObject params) {
    if (!params.containsKey("_meta")
        && !params.containsKey(INPUT_RESPONSES)
        && !params.containsKey(REQUEST_STATE)) {
      return params;
    }
    var copy = Json.object(params);
    copy.remove("_meta");
    copy.remove(INPUT_RESPONSES);
    copy.remove(REQUEST_STATE);
    return copy.build();
  }

  /**
   * Why a retry's {@code inputResponses} do not answer the {@code asked} keys (a key missing, or an
   * answer that is not an object); empty when they do. Keys beyond those asked are ignored.
   */
  static Optional<JsonRpcError> unanswered(JsonObject params, Set<String> asked) {
    JsonObject responses = Json.object(params, INPUT_RESPONSES).orElse(JsonValue.EMPTY_JSON_OBJECT);
    List<String> missing = asked.stream().filter(k -> !responses.containsKey(k)).sorted().toList();
    if (!missing.isEmpty()) {
      var expected = Json.array();
      asked.stream().sorted().forEach(expected::add);
      var absent = Json.array();
      missing.forEach(absent::add);
      return Optional.of(
          new JsonRpcError(
              JsonRpcError.INVALID_PARAMS,
              "Invalid params: inputResponses must answer every key of inputRequests "
                  + asked.stream().sorted().toList()
                  + "; missing "
                  + missing,
              Optional.of(Json.object().add("expected", expected).add("missing", absent).build())));
    }
    return asked.stream()
        .filter(k -> !(responses.get(k) instanceof JsonObject))
        .sorted()
        .findFirst()
        .map(
            k ->
                JsonRpcError.invalidParams(
                    "inputResponses \""
                        + k
                        + "\" must be an object (the client's result for that input request)"));
  }

  /**
   * The client's answer to input request {@code key}, as a session-based server expects the result
   * (without the 2026-07-28 {@code resultType}).
   */
  static JsonObject inputResponse(JsonObject params, String key) {
    JsonObject answer =
        Json.object(params, INPUT_RESPONSES)
            .flatMap(r -> Json.object(r, key))
            .orElse(JsonValue.EMPTY_JSON_OBJECT);
    if (!answer.containsKey(McpProtocol.RESULT_TYPE)) {
      return answer;
    }
    var copy = Json.object(answer);
    copy.remove(McpProtocol.RESULT_TYPE);
    return copy.build();
  }

  /**
   * The error for a retry whose {@code requestState} this replica does not hold: it expired (or was
   * used already), or another replica (or an earlier run of this one) issued it.
   */
  static JsonRpcError staleState(boolean issuedHere) {
    String why =
        issuedHere
            ? "requestState expired or was already used (a request waits for its input for at"
                + " most the gateway's request timeout)"
            : "requestState is held by another gateway replica, or by an earlier run of this one"
                + " (a request waiting for input stays on the replica that started it)";
    return new JsonRpcError(
        JsonRpcError.INVALID_PARAMS,
        "Invalid params: " + why + SEND_AGAIN,
        Optional.of(Json.object().add("reason", issuedHere ? "expired" : "otherReplica").build()));
  }

  /** The error for a retry that does not repeat the request its {@code requestState} belongs to. */
  static JsonRpcError otherRequest(String method, Optional<String> name) {
    return JsonRpcError.invalidParams(
        "requestState belongs to another request ("
            + method
            + name.map(n -> " \"" + n + "\"").orElse("")
            + "): a retry repeats the method and params of the request it answers"
            + SEND_AGAIN);
  }

  private static Optional<Rejection> mismatch(String detail) {
    return Optional.of(
        Rejection.badRequest(JsonRpcError.HEADER_MISMATCH, "Header mismatch: " + detail));
  }
}
