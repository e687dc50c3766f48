package io.mcpoperator.operator.desired;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.mcpoperator.operator.aggregate.Aggregation;
import io.mcpoperator.operator.aggregate.Entry;
import io.mcpoperator.operator.api.GatewayConfigSpec;
import io.mcpoperator.operator.api.McpServer;
import io.mcpoperator.operator.api.McpServerSpec;
import io.mcpoperator.operator.api.RedisSpec;

/** The gateway configuration document (contract version 1, see docs/architecture.md). */
public final class GatewayConfig {
  /** ConfigMap key of the document. */
  public static final String KEY = "config.json";

  /** Environment variable of the gateway container that carries the Redis password. */
  public static final String REDIS_PASSWORD_ENV = "MCP_GATEWAY_REDIS_PASSWORD";

  private static final Gson PRETTY =
      new GsonBuilder().setPrettyPrinting().serializeNulls().disableHtmlEscaping().create();

  private GatewayConfig() {}

  /** The document as JSON text, pretty-printed with a stable field order and a final newline. */
  public static String text(McpServer server, Aggregation aggregation, ChildSettings settings) {
    return PRETTY.toJson(of(server, aggregation, settings)) + "\n";
  }

  /** The document, with the served tools, prompts and resources of {@code aggregation}. */
  public static JsonObject of(McpServer server, Aggregation aggregation, ChildSettings settings) {
    McpServerSpec spec = server.spec();
    JsonObject config = new JsonObject();
    config.addProperty("version", 1);
    JsonObject identity = new JsonObject();
    identity.addProperty("namespace", server.meta().namespace());
    identity.addProperty("name", server.meta().name());
    config.add("server", identity);
    JsonObject listen = new JsonObject();
    listen.addProperty("port", settings.gatewayPort());
    config.add("listen", listen);
    config.add("upstream", upstream(spec));
    config.add("redis", spec.redis().map(GatewayConfig::redis).orElse(null));
    config.add("limits", limits(spec.config()));
    config.add("tools", array(aggregation.tools()));
    config.add("prompts", array(aggregation.prompts()));
    config.add("resources", array(aggregation.resources()));
    return config;
  }

  private static JsonArray array(java.util.List<? extends Entry> entries) {
    JsonArray array = new JsonArray();
    entries.forEach(e -> array.add(e.toJson()));
    return array;
  }

  private static JsonObject upstream(McpServerSpec spec) {
    JsonObject upstream = new JsonObject();
    if (spec.image().isEmpty()) {
      upstream.addProperty("transport", "none");
    } else if (spec.transport().http()) {
      upstream.addProperty("transport", spec.transport().value());
      upstream.addProperty("url", "http://127.0.0.1:" + spec.port() + spec.path());
    } else {
      upstream.addProperty("transport", spec.transport().value());
      upstream.addProperty("fifoDir", PodVolumes.STDIO_DIR);
    }
    return upstream;
  }

  private static JsonObject redis(RedisSpec redis) {
    JsonObject json = new JsonObject();
    json.addProperty("host", redis.serviceName());
    json.addProperty("port", redis.port());
    redis.passwordSecret().ifPresent(s -> json.addProperty("passwordEnv", REDIS_PASSWORD_ENV));
    json.addProperty("database", redis.database());
    return json;
  }

  private static JsonObject limits(GatewayConfigSpec config) {
    JsonObject limits = new JsonObject();
    limits.addProperty("requestTimeoutMs", config.requestTimeout().toMillis());
    limits.addProperty("maxConcurrentRequests", config.maxConcurrentRequests());
    limits.addProperty("maxBodyBytes", config.maxBodyBytes());
    JsonArray origins = new JsonArray();
    config.allowedOrigins().forEach(origins::add);
    limits.add("allowedOrigins", origins);
    limits.addProperty("sessionIdleTimeoutSeconds", config.sessionIdleTimeout().toSeconds());
    limits.add(
        "rateLimit",
        config
            .rateLimit()
            .map(
                r -> {
                  JsonObject rate = new JsonObject();
                  rate.addProperty("requestsPerMinute", r.requestsPerMinute());
                  rate.addProperty("burst", r.burst());
                  return rate;
                })
            .orElse(null));
    return limits;
  }
}
