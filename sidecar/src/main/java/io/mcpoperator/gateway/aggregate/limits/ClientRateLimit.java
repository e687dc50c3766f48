package io.mcpoperator.gateway.aggregate.limits;

import io.mcpoperator.gateway.config.GatewayConfig.RateLimit;
import io.mcpoperator.mcp.transport.RequestThrottle;
import java.time.Duration;
import java.util.Optional;

/**
 * The server-wide {@code limits.rateLimit}: one token bucket per client (its session, or its
 * address when it has none) in a {@link RateLimiter} — shared by the replicas through Redis when
 * that is configured. The limit follows configuration reloads; none admits everything.
 */
public final class ClientRateLimit implements RequestThrottle {
  private final RateLimiter limiter;
  private volatile Optional<RateLimit> limit;

  public ClientRateLimit(RateLimiter limiter, Optional<RateLimit> limit) {
    this.limiter = limiter;
    this.limit = limit;
  }

  /** Applies a reloaded limit to the next requests; buckets keep their tokens (up to the burst). */
  public void update(Optional<RateLimit> next) {
    limit = next;
  }

  @Override
  public Optional<Refusal> admit(String client) {
    Optional<RateLimit> current = limit;
    if (current.isEmpty()) {
      return Optional.empty();
    }
    RateLimit l = current.get();
    Duration wait = limiter.acquire("server:" + client, l.requestsPerMinute(), l.burst());
    if (wait.isZero()) {
      return Optional.empty();
    }
    return Optional.of(
        new Refusal(
            wait,
            "limits.rateLimit: "
                + l.requestsPerMinute()
                + " requests per minute, burst "
                + l.burst()));
  }
}
