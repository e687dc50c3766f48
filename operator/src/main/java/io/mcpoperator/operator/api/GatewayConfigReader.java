package io.mcpoperator.operator.api;

import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.custom.QuantityFormatException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;

/**
 * Reads {@code spec.config}; every field is optional and defaults to {@link
 * GatewayConfigSpec#defaults()}.
 */
final class GatewayConfigReader {
  private static final long MIN_BODY = 1024;
  private static final long MAX_BODY = 1L << 30;

  private GatewayConfigReader() {}

  static GatewayConfigSpec read(JsonFields config) {
    GatewayConfigSpec defaults = GatewayConfigSpec.defaults();
    return new GatewayConfigSpec(
        duration(config, "requestTimeout", defaults.requestTimeout()),
        (int) config.integer("maxConcurrentRequests", defaults.maxConcurrentRequests(), 1, 100_000),
        bodySize(config, defaults.maxBodyBytes()),
        config.strings("allowedOrigins"),
        duration(config, "sessionIdleTimeout", defaults.sessionIdleTimeout()),
        rateLimit(config));
  }

  private static Optional<GatewayConfigSpec.RateLimit> rateLimit(JsonFields config) {
    if (!config.has("rateLimit")) {
      return Optional.empty();
    }
    JsonFields limit = config.nested("rateLimit");
    if (!limit.has("requestsPerMinute")) {
      throw limit.invalid("requestsPerMinute", "is required when spec.config.rateLimit is set");
    }
    int perMinute = (int) limit.integer("requestsPerMinute", 0, 1, 1_000_000);
    int burst = (int) limit.integer("burst", perMinute, 1, 1_000_000);
    return Optional.of(new GatewayConfigSpec.RateLimit(perMinute, burst));
  }

  private static long bodySize(JsonFields config, long defaultValue) {
    return config
        .string("maxBodySize")
        .map(
            text -> {
              String problem = "must be a size from 1Ki to 1Gi such as 4Mi; got \"" + text + "\"";
              try {
                BigDecimal bytes = Quantity.fromString(text).getNumber();
                if (bytes.compareTo(BigDecimal.valueOf(MIN_BODY)) < 0
                    || bytes.compareTo(BigDecimal.valueOf(MAX_BODY)) > 0) {
                  throw config.invalid("maxBodySize", problem);
                }
                return bytes.longValue();
              } catch (QuantityFormatException | NumberFormatException e) {
                throw config.invalid("maxBodySize", problem);
              }
            })
        .orElse(defaultValue);
  }

  private static Duration duration(JsonFields config, String field, Duration defaultValue) {
    return config
        .string(field)
        .map(
            text ->
                DurationParser.parse(text)
                    .filter(d -> d.toMillis() >= 1)
                    .orElseThrow(
                        () ->
                            config.invalid(
                                field,
                                "must be a positive duration such as 30s, 1m30s or 500ms; got \""
                                    + text
                                    + "\"")))
        .orElse(defaultValue);
  }
}
