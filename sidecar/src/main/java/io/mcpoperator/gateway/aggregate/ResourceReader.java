package io.mcpoperator.gateway.aggregate;

import io.mcpoperator.gateway.aggregate.HttpCall.Pair;
import io.mcpoperator.mcp.McpException;
import io.mcpoperator.mcp.McpRequest;
import io.mcpoperator.mcp.jsonrpc.Json;
import io.mcpoperator.mcp.jsonrpc.JsonRpcError;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code resources/read} of aggregated resources: inline content as is; HTTP operations by calling
 * the operation's URL with the URI's path, query and header parameters.
 *
 * <p>Errors: a missing required parameter is -32602; a backend 404 is -32002 (resource not found,
 * as MCP specifies); a timeout is -32001; other backend failures are -32603 with the HTTP status
 * and a trimmed body (resources have no error result, unlike tools).
 */
final class ResourceReader {
  static final int RESOURCE_NOT_FOUND = -32002;
  private final Outbound outbound;

  ResourceReader(Outbound outbound) {
    this.outbound = outbound;
  }

  static JsonObject inline(ResourceSpec.Inline r) {
    var content = Json.object().add("uri", r.uri()).add("mimeType", r.mimeType());
    r.text().ifPresent(t -> content.add("text", t));
    r.blob().ifPresent(b -> content.add("blob", b));
    return Json.object().add("contents", Json.array().add(content)).build();
  }

  JsonObject read(
      String uri,
      Catalog.Operation operation,
      Map<String, String> values,
      McpRequest request,
      Duration timeout)
      throws McpException {
    var ttl = operation.resource().cacheTtl();
    String key = "resource:" + uri;
    if (ttl.isPresent()) {
      var hit = outbound.cache().get(key).flatMap(ResourceReader::parse);
      if (hit.isPresent()) {
        outbound.metrics().cacheHit();
        return hit.get();
      }
      outbound.metrics().cacheMiss();
    }
    HttpCall call = call(operation, values, timeout);
    JsonObject result = result(uri, operation, outbound.sender().send(call, request::onCancel));
    ttl.ifPresent(t -> outbound.cache().put(key, Json.write(result), t));
    return result;
  }

  static HttpCall call(Catalog.Operation operation, Map<String, String> values, Duration timeout)
      throws McpException {
    String url = operation.spec().url();
    var query = new ArrayList<Pair>();
    var headers = new ArrayList<Pair>();
    for (ResourceSpec.Parameter p : operation.spec().parameters()) {
      Optional<String> value =
          Optional.ofNullable(values.get(p.variable())).filter(v -> !v.isEmpty());
      if (value.isEmpty()) {
        if (p.required()) {
          throw new McpException(
              JsonRpcError.invalidParams(
                  "resource "
                      + operation.resource().name()
                      + " needs the parameter '"
                      + p.name()
                      + "'"
                      + (p.in() == ResourceSpec.In.PATH
                          ? ""
                          : " (URI query parameter " + p.variable() + ")")));
        }
        continue;
      }
      switch (p.in()) {
        case PATH -> url = url.replace("{" + p.variable() + "}", encodePathSegment(value.get()));
        case QUERY -> query.add(new Pair(p.name(), value.get()));
        case HEADER -> headers.add(new Pair(p.name(), value.get()));
      }
    }
    return new HttpCall(
        operation.spec().method(), URI.create(url), query, headers, Optional.empty(), timeout);
  }

  static String encodePathSegment(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  static JsonObject result(String uri, Catalog.Operation operation, HttpOutcome outcome)
      throws McpException {
    return switch (outcome) {
      case HttpOutcome.Failed f when f.timedOut() ->
          throw new McpException(
              JsonRpcError.REQUEST_TIMEOUT, "Resource backend timed out: " + f.reason());
      case HttpOutcome.Failed f ->
          throw new McpException(
              JsonRpcError.INTERNAL_ERROR, "Resource backend unreachable: " + f.reason());
      case HttpOutcome.Answered a when a.status() == 404 ->
          throw new McpException(
              new JsonRpcError(
                  RESOURCE_NOT_FOUND,
                  "Resource not found: " + uri,
                  Optional.of(Json.object().add("uri", uri).build())));
      case HttpOutcome.Answered a when !a.ok() ->
          throw new McpException(
              JsonRpcError.INTERNAL_ERROR,
              "Resource backend answered HTTP "
                  + a.status()
                  + (a.body().length == 0 ? "" : ": " + a.trimmedText(ToolResults.MAX_ERROR_BODY)));
      case HttpOutcome.Answered a -> contents(uri, operation, a);
    };
  }

  private static JsonObject contents(
      String uri, Catalog.Operation operation, HttpOutcome.Answered answer) {
    String mimeType =
        answer
            .contentType()
            .map(t -> t.split(";", 2)[0].trim())
            .orElse(operation.spec().mimeType());
    var content = Json.object().add("uri", uri).add("mimeType", mimeType);
    if (textual(mimeType)) {
      content.add("text", answer.text());
    } else {
      content.add("blob", Base64.getEncoder().encodeToString(answer.body()));
    }
    return Json.object().add("contents", Json.array().add(content)).build();
  }

  static boolean textual(String mimeType) {
    String t = mimeType.toLowerCase(Locale.ROOT);
    return t.startsWith("text/")
        || t.endsWith("json")
        || t.endsWith("xml")
        || t.endsWith("yaml")
        || t.contains("javascript");
  }

  private static Optional<JsonObject> parse(String text) {
    try {
      return Json.parse(text) instanceof JsonObject o ? Optional.of(o) : Optional.empty();
    } catch (JsonException e) {
      return Optional.empty();
    }
  }
}
