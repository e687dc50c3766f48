package io.mcpoperator.operator.api;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kubernetes / Go duration strings such as {@code 30s}, {@code 1m30s}, {@code 500ms}, {@code 2h}:
 * the one duration grammar of the operator, for MCPServer/MCPTool fields and its own settings.
 */
public final class DurationParser {
  private static final Pattern WHOLE = Pattern.compile("(\\d+(\\.\\d+)?(ns|us|µs|ms|s|m|h))+");
  private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ns|us|µs|ms|s|m|h)");
  private static final Map<String, Long> NANOS =
      Map.of(
          "ns", 1L,
          "us", 1_000L,
          "µs", 1_000L,
          "ms", 1_000_000L,
          "s", 1_000_000_000L,
          "m", 60_000_000_000L,
          "h", 3_600_000_000_000L);

  private DurationParser() {}

  /** The duration, or empty when the text is not a duration string. */
  public static Optional<Duration> parse(String text) {
    if (text == null || !WHOLE.matcher(text).matches()) {
      return Optional.empty();
    }
    BigDecimal nanos = BigDecimal.ZERO;
    Matcher part = PART.matcher(text);
    while (part.find()) {
      nanos =
          nanos.add(
              new BigDecimal(part.group(1)).multiply(BigDecimal.valueOf(NANOS.get(part.group(2)))));
    }
    try {
      return Optional.of(Duration.ofNanos(nanos.longValueExact()));
    } catch (ArithmeticException tooLong) {
      return Optional.empty();
    }
  }
}
