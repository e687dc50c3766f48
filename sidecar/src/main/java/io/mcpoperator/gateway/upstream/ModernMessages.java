package io.mcpoperator.gateway.upstream;

import io.mcpoperator.mcp.McpProtocol;
import io.mcpoperator.mcp.jsonrpc.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The pure message rewrites between the gateway's session-based view and a 2026-07-28 upstream:
 * request {@code _meta}, the initialize result made from {@code server/discover}, final results
 * without {@code resultType}, and the parts of a multi round-trip (MRTR) exchange.
 */
final class ModernMessages {
  static final String INPUT_REQUESTS = "inputRequests";
  static final String INPUT_RESPONSES = "inputResponses";
  static final String REQUEST_STATE = "requestState";

  private ModernMessages() {}

  /**
   * What the gateway tells a 2026-07-28 upstream about itself on every request.
   *
   * @param capabilities the client capabilities of the gateway's initialize request
   * @param clientInfo the client info of the gateway's initialize request
   */
  record Identity(JsonObject capabilities, JsonObject clientInfo) {
    static Identity of(JsonObject initializeParams) {
      return new Identity(
          Json.object(initializeParams, "capabilities").orElse(JsonValue.EMPTY_JSON_OBJECT),
          Json.object(initializeParams, "clientInfo").orElse(JsonValue.EMPTY_JSON_OBJECT));
    }
  }

  /**
   * {@code params} with the request {@code _meta} a 2026-07-28 server requires (protocol version,
   * client capabilities and info) added to whatever {@code _meta} it had (a progress token, say).
   */
  static JsonObject withMeta(JsonObject params, String version, Identity identity) {
    JsonObject meta = Json.object(params, "_meta").orElse(JsonValue.EMPTY_JSON_OBJECT);
    JsonObject merged =
        Json.object(meta)
            .add(McpProtocol.META_PROTOCOL_VERSION, version)
            .add(McpProtocol.META_CLIENT_CAPABILITIES, identity.capabilities())
            .add(McpProtocol.META_CLIENT_INFO, identity.clientInfo())
            .build();
    return Json.object(params).add("_meta", merged).build();
  }

  /** The params of a {@code server/discover} request. */
  static JsonObject discoverParams(String version, Identity identity) {
    return withMeta(JsonValue.EMPTY_JSON_OBJECT, version, identity);
  }

  /** The stateless version to speak with a server whose discover result is {@code discover}. */
  static Optional<String> version(JsonObject discover) {
    List<String> offered =
        Json.array(discover, "supportedVersions").orElse(JsonValue.EMPTY_JSON_ARRAY).stream()
            .filter(v -> v instanceof JsonString)
            .map(v -> ((JsonString) v).getString())
            .toList();
    return McpProtocol.newestStateless(offered);
  }

  /** The versions a discover result offers, for messages. */
  static String offered(JsonObject discover) {
    return Json.array(discover, "supportedVersions").map(Object::toString).orElse("none");
  }

  /**
   * The initialize result the gateway's upstream session expects, from a discover result: {@code
   * serverInfo} is read at the top level (as this gateway writes it) or from the result's {@code
   * _meta} {@value McpProtocol#META_SERVER_INFO} (as the 2026-07-28 schema puts it).
   */
  static JsonObject initializeResult(JsonObject discover, String version, String fallbackName) {
    JsonObject serverInfo =
        Json.object(discover, "serverInfo")
            .or(
                () ->
                    Json.object(discover, "_meta")
                        .flatMap(m -> Json.object(m, McpProtocol.META_SERVER_INFO)))
            .orElse(Json.object().add("name", fallbackName).add("version", "unknown").build());
    var result =
        Json.object()
            .add("protocolVersion", version)
            .add(
                "capabilities",
                Json.object(discover, "capabilities").orElse(JsonValue.EMPTY_JSON_OBJECT))
            .add("serverInfo", serverInfo);
    Json.string(discover, "instructions").ifPresent(i -> result.add("instructions", i));
    return result.build();
  }

  /** The {@code resultType} of a result; absent means complete (earlier revisions). */
  static String resultType(JsonObject result) {
    return Json.string(result, McpProtocol.RESULT_TYPE).orElse(McpProtocol.RESULT_COMPLETE);
  }

  /** A final result as session-based clients know it: without {@code resultType: "complete"}. */
  static JsonObject withoutComplete(JsonObject result) {
    if (!result.containsKey(McpProtocol.RESULT_TYPE)
        || !resultType(result).equals(McpProtocol.RESULT_COMPLETE)) {
      return result;
    }
    var copy = Json.object(result);
    copy.remove(McpProtocol.RESULT_TYPE);
    return copy.build();
  }

  /**
   * The params of the retry of a request: its params without earlier input responses or state, plus
   * this round's {@code inputResponses} and, when the server sent one, its {@code requestState}
   * exactly as sent.
   */
  static JsonObject retryParams(
      JsonObject params, Map<String, JsonObject> responses, Optional<String> requestState) {
    var retry = Json.object(params);
    retry.remove(INPUT_RESPONSES);
    retry.remove(REQUEST_STATE);
    if (!responses.isEmpty()) {
      var answers = Json.object();
      responses.forEach(answers::add);
      retry.add(INPUT_RESPONSES, answers);
    }
    requestState.ifPresent(s -> retry.add(REQUEST_STATE, s));
    return retry.build();
  }
}
