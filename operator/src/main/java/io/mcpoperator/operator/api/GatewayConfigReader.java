package io.mcpoperator.operator.api;

import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.custom.QuantityFormatException;
import java.math.BigDecimal;
import java.time.Duration;

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
        GatewayConfigSpec.RateLimit.read(config, "spec.config"));
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
