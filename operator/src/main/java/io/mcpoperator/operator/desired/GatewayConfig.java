package io.mcpoperator.operator.desired;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import io.mcpoperator.operator.aggregate.Aggregation;
import io.mcpoperator.operator.aggregate.Entry;
import io.mcpoperator.operator.api.GatewayConfigSpec;
import io.mcpoperator.operator.api.McpServer;
import io.mcpoperator.operator.api.McpServerSpec;
import io.mcpoperator.operator.api.RedisSpec;
import io.mcpoperator.operator.desired.GatewayConfigDocument.HttpUpstream;
import io.mcpoperator.operator.desired.GatewayConfigDocument.Limits;
import io.mcpoperator.operator.desired.GatewayConfigDocument.Listen;
import io.mcpoperator.operator.desired.GatewayConfigDocument.NoUpstream;
import io.mcpoperator.operator.desired.GatewayConfigDocument.OpenRedis;
import io.mcpoperator.operator.desired.GatewayConfigDocument.RateLimit;
import io.mcpoperator.operator.desired.GatewayConfigDocument.Redis;
import io.mcpoperator.operator.desired.GatewayConfigDocument.SecuredRedis;
import io.mcpoperator.operator.desired.GatewayConfigDocument.Server;
import io.mcpoperator.operator.desired.GatewayConfigDocument.StdioUpstream;
import io.mcpoperator.operator.desired.GatewayConfigDocument.Upstream;
import java.util.List;

/**
 * The gateway configuration document (contract version 1: contracts/gateway-config.schema.json,
 * docs/architecture.md) of a server, as {@link GatewayConfigDocument} and as the JSON text Gson
 * writes from it.
 */
public final class GatewayConfig {
  /** ConfigMap key of the document. */
  public static final String KEY = "config.json";

  /** Environment variable of the gateway container that carries the Redis password. */
  public static final String REDIS_PASSWORD_ENV = "MCP_GATEWAY_REDIS_PASSWORD";

  private static final Gson PRETTY =
      new GsonBuilder().setPrettyPrinting().serializeNulls().disableHtmlEscaping().create();

  private GatewayConfig() {}

  /**
   * The document as JSON text, pretty-printed with a stable field order and a final newline; {@code
   * auth} is left out when no check is configured (the contract reads absent as mode none).
   */
  public static String text(McpServer server, Aggregation aggregation, ChildSettings settings) {
    JsonObject tree = PRETTY.toJsonTree(of(server, aggregation, settings)).getAsJsonObject();
    if (tree.get("auth").isJsonNull()) {
      tree.remove("auth");
    }
    return PRETTY.toJson(tree) + "\n";
  }

  /** The document, with the served tools, prompts and resources of {@code aggregation}. */
  public static GatewayConfigDocument of(
      McpServer server, Aggregation aggregation, ChildSettings settings) {
    McpServerSpec spec = server.spec();
    return new GatewayConfigDocument(
        GatewayConfigDocument.VERSION,
        new Server(server.meta().namespace(), server.meta().name()),
        new Listen(settings.gatewayPort()),
        upstream(spec),
        spec.redis().map(GatewayConfig::redis).orElse(null),
        limits(spec.config()),
        json(aggregation.tools()),
        json(aggregation.prompts()),
        json(aggregation.resources()),
        GatewayAuth.of(server).orElse(null));
  }

  private static List<JsonObject> json(List<? extends Entry> entries) {
    return entries.stream().map(Entry::toJson).toList();
  }

  private static Upstream upstream(McpServerSpec spec) {
    if (spec.image().isEmpty()) {
      return new NoUpstream();
    }
    if (spec.transport().http()) {
      return new HttpUpstream(
          spec.transport().value(), "http://127.0.0.1:" + spec.port() + spec.path());
    }
    return new StdioUpstream(spec.transport().value(), PodVolumes.STDIO_DIR);
  }

  private static Redis redis(RedisSpec redis) {
    return redis.passwordSecret().isPresent()
        ? new SecuredRedis(redis.serviceName(), redis.port(), REDIS_PASSWORD_ENV, redis.database())
        : new OpenRedis(redis.serviceName(), redis.port(), redis.database());
  }

  private static Limits limits(GatewayConfigSpec config) {
    return new Limits(
        config.requestTimeout().toMillis(),
        config.maxConcurrentRequests(),
        config.maxBodyBytes(),
        config.allowedOrigins(),
        config.sessionIdleTimeout().toSeconds(),
        config.rateLimit().map(r -> new RateLimit(r.requestsPerMinute(), r.burst())).orElse(null));
  }
}
