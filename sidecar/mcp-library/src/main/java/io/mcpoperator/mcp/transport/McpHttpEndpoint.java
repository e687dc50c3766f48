package io.mcpoperator.mcp.transport;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.mcpoperator.mcp.McpBackend;
import io.mcpoperator.mcp.McpClients;
import io.mcpoperator.mcp.session.InMemorySessionStore;
import io.mcpoperator.mcp.session.SessionStore;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A Helidon {@link HttpService} serving a {@link McpBackend} over MCP's Streamable HTTP transport
 * (revisions 2025-03-26, 2025-06-18, 2025-11-25 with sessions; 2026-07-28 stateless) at {@code
 * /mcp}, and the legacy HTTP+SSE transport at {@code /sse} + {@code /messages}. Register it on a
 * routing: {@code routing.register(endpoint)}. See the package documentation for an example.
 */
public final class McpHttpEndpoint implements HttpService, AutoCloseable {
  private final EndpointRoutes routes;
  private final SessionStore store;
  private final TransportSettings settings;

  private McpHttpEndpoint(Builder builder) {
    this.store = builder.store;
    this.settings = new TransportSettings(builder.limits, new OriginPolicy(builder.allowedOrigins));
    this.routes =
        new EndpointRoutes(
            builder.backend,
            builder.store,
            settings,
            builder.observer,
            builder.throttle,
            builder.guard,
            builder.path,
            builder.legacySsePath,
            builder.legacyMessagesPath);
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public void routing(HttpRules rules) {
    routes.register(rules);
  }

  /** Server-initiated notifications and requests to connected clients. */
  public McpClients clients() {
    return routes.clients();
  }

  /** Applies new limits and allowed Origins to requests that start from now on. */
  public void update(TransportLimits limits, List<String> allowedOrigins) {
    settings.update(limits, new OriginPolicy(allowedOrigins));
  }

  /** The session store in use. */
  public SessionStore sessions() {
    return store;
  }

  /**
   * The first step of a graceful shutdown, before stopping the web server: new requests get 503
   * with {@code Retry-After}, this replica's open GET and legacy SSE streams end (a legacy stream
   * once the answers to its requests in flight are sent), and the call waits up to {@code max} for
   * the requests in flight to finish. Sessions stay in the store: with a shared store a client
   * continues on another replica, resuming its stream with {@code Last-Event-ID}.
   *
   * @return true when nothing was left running
   */
  public boolean drain(Duration max) throws InterruptedException {
    return routes.drain(max);
  }

  /** Stops the endpoint's timers and closes the session store. */
  @Override
  public void close() {
    routes.close();
    store.close();
  }

  /** Builds a {@link McpHttpEndpoint}; only {@link #backend} is required. */
  public static final class Builder {
    private McpBackend backend;
    private SessionStore store;
    private TransportLimits limits = TransportLimits.defaults();
    private List<String> allowedOrigins = List.of();
    private RequestObserver observer = RequestObserver.NONE;
    private RequestThrottle throttle = RequestThrottle.NONE;
    private RequestGuard guard = RequestGuard.NONE;
    private String path = "/mcp";
    private Optional<String> legacySsePath = Optional.of("/sse");
    private String legacyMessagesPath = "/messages";

    private Builder() {}

    /** The server to serve. */
    public Builder backend(McpBackend backend) {
      this.backend = backend;
      return this;
    }

    /** Session store; default: in memory, 30 minutes idle timeout, 1000 events per session. */
    public Builder sessionStore(SessionStore store) {
      this.store = store;
      return this;
    }

    /** Body cap, request timeout, concurrency limit, SSE keep-alive and buffer. */
    public Builder limits(TransportLimits limits) {
      this.limits = limits;
      return this;
    }

    /**
     * Origins accepted from browsers (DNS-rebinding protection). Empty (the default): only loopback
     * origins; {@code "*"}: any. Requests without Origin are always accepted.
     */
    public Builder allowedOrigins(List<String> origins) {
      this.allowedOrigins = List.copyOf(origins);
      return this;
    }

    /** Told about every request (metrics). */
    public Builder observer(RequestObserver observer) {
      this.observer = observer;
      return this;
    }

    /**
     * Asked before each client request runs (e.g. a rate limit); a refusal is answered 429 with
     * {@code Retry-After}. Default: every request admitted.
     */
    public Builder throttle(RequestThrottle throttle) {
      this.throttle = throttle;
      return this;
    }

    /**
     * Binds sessions to their caller and is asked before a POST's requests run (authorization).
     * Default: {@link RequestGuard#NONE}.
     */
    public Builder guard(RequestGuard guard) {
      this.guard = Objects.requireNonNull(guard, "guard");
      return this;
    }

    /** Path of the Streamable HTTP endpoint; default {@code /mcp}. */
    public Builder path(String path) {
      this.path = path;
      return this;
    }

    /**
     * Paths of the legacy HTTP+SSE transport (default {@code /sse} and {@code /messages}); an empty
     * {@code ssePath} turns it off.
     */
    public Builder legacySse(Optional<String> ssePath, String messagesPath) {
      this.legacySsePath = ssePath;
      this.legacyMessagesPath = messagesPath;
      return this;
    }

    public McpHttpEndpoint build() {
      Objects.requireNonNull(backend, "backend");
      if (store == null) {
        store = InMemorySessionStore.withSweeper(Duration.ofMinutes(30), 1000);
      }
      return new McpHttpEndpoint(this);
    }
  }
}
