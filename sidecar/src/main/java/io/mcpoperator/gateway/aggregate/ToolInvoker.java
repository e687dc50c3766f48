package io.mcpoperator.gateway.aggregate;

import io.mcpoperator.mcp.McpRequest;
import io.mcpoperator.mcp.jsonrpc.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.Optional;

/**
 * Runs {@code tools/call} for an aggregated tool: arguments against the input schema, the response
 * cache, the rate limit (per tool and client session; cache hits cost no token), then the HTTP
 * call. Every failure is a tool result with {@code isError}.
 */
final class ToolInvoker {
  private final Outbound outbound;

  ToolInvoker(Outbound outbound) {
    this.outbound = outbound;
  }

  JsonObject call(Catalog.Tool tool, JsonObject arguments, McpRequest request, Duration timeout) {
    String name = tool.spec().name();
    Optional<String> problems = tool.input().problems(arguments);
    if (problems.isPresent()) {
      return ToolResults.error("Invalid arguments for tool " + name + ": " + problems.get());
    }
    // the endpoint is part of the key: a reload that moves the tool never serves the old answers
    Optional<String> cacheKey =
        tool.spec()
            .cacheTtl()
            .map(
                ttl ->
                    "tool:"
                        + name
                        + ":"
                        + CanonicalJson.digest(
                            Json.array()
                                .add(tool.spec().method())
                                .add(tool.spec().url())
                                .add(arguments)
                                .build()));
    Optional<JsonObject> cached = cacheKey.flatMap(this::cached);
    if (cached.isPresent()) {
      return cached.get();
    }
    Optional<JsonObject> limited = rateLimit(tool.spec(), request);
    if (limited.isPresent()) {
      return limited.get();
    }
    JsonObject result =
        switch (ToolRequests.build(tool.spec(), arguments, outbound.env(), timeout)) {
          case ToolRequests.Refused r -> ToolResults.error(r.message());
          case ToolRequests.Ready r ->
              ToolResults.of(
                  name, outbound.sender().send(r.call(), request::onCancel), tool.output());
        };
    if (cacheKey.isPresent() && !result.containsKey("isError")) {
      outbound.cache().put(cacheKey.get(), Json.write(result), tool.spec().cacheTtl().get());
    }
    return result;
  }

  private Optional<JsonObject> cached(String key) {
    Optional<JsonObject> hit = outbound.cache().get(key).flatMap(ToolInvoker::parse);
    if (hit.isPresent()) {
      outbound.metrics().cacheHit();
    } else {
      outbound.metrics().cacheMiss();
    }
    return hit;
  }

  private static Optional<JsonObject> parse(String text) {
    try {
      return Json.parse(text) instanceof JsonObject o ? Optional.of(o) : Optional.empty();
    } catch (JsonException e) {
      return Optional.empty();
    }
  }

  private Optional<JsonObject> rateLimit(ToolSpec tool, McpRequest request) {
    if (tool.rateLimit().isEmpty()) {
      return Optional.empty();
    }
    var limit = tool.rateLimit().get();
    String client = request.session().id().orElse("stateless");
    Duration wait =
        outbound
            .rateLimiter()
            .acquire(tool.name() + ":" + client, limit.requestsPerMinute(), limit.burst());
    if (wait.isZero()) {
      return Optional.empty();
    }
    outbound.metrics().rateLimited();
    long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
    return Optional.of(
        ToolResults.error(
            "Rate limit reached for tool "
                + tool.name()
                + " ("
                + limit.requestsPerMinute()
                + " calls per minute, burst "
                + limit.burst()
                + "): retry in "
                + seconds
                + (seconds == 1 ? " second." : " seconds.")));
  }
}
