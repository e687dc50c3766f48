package io.mcpoperator.mcp.transport;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * DNS-rebinding protection: which {@code Origin} headers are accepted. Requests without an Origin
 * (non-browser clients) always pass. With no configured origins only loopback origins pass; a
 * configured {@code "*"} accepts any.
 */
public record OriginPolicy(List<String> allowed) {
  private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

  public OriginPolicy {
    allowed = allowed.stream().map(OriginPolicy::normalize).toList();
  }

  /** True when a request with this Origin header may be served. */
  public boolean permits(Optional<String> origin) {
    if (origin.isEmpty()) {
      return true;
    }
    String value = normalize(origin.get());
    if (allowed.contains("*") || allowed.contains(value)) {
      return true;
    }
    return allowed.isEmpty() && loopback(value);
  }

  private static boolean loopback(String origin) {
    try {
      URI uri = URI.create(origin);
      String host = uri.getHost();
      return host != null && LOOPBACK.contains(host.toLowerCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static String normalize(String origin) {
    String trimmed = origin.trim().toLowerCase(Locale.ROOT);
    return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
  }
}
