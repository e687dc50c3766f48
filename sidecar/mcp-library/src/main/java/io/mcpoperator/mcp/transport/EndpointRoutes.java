package io.mcpoperator.mcp.transport;

import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.mcpoperator.mcp.McpBackend;
import io.mcpoperator.mcp.McpClients;
import io.mcpoperator.mcp.jsonrpc.JsonRpcError;
import io.mcpoperator.mcp.session.SessionRecord;
import io.mcpoperator.mcp.session.SessionStore;
import io.mcpoperator.mcp.session.SessionStoreUnavailableException;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Wires the transports of one endpoint to HTTP routes. Used by {@code McpHttpEndpoint}. */
public final class EndpointRoutes {
  private static final Logger LOG = LoggerFactory.getLogger(EndpointRoutes.class);
  private final Dispatcher dispatcher;
  private final SessionChannel channel;
  private final SessionGate gate;
  private final StreamablePost post;
  private final StreamableGet get;
  private final StreamableDelete delete;
  private final Optional<LegacySse> legacy;
  private final String path;
  private final String ssePath;
  private final String messagesPath;
  private final Drain drain = new Drain();
  private final TransportSettings settings;

  public EndpointRoutes(
      McpBackend backend,
      SessionStore store,
      TransportSettings settings,
      RequestObserver observer,
      RequestThrottle throttle,
      RequestGuard guard,
      String path,
      Optional<String> legacySsePath,
      String legacyMessagesPath) {
    this.dispatcher = new Dispatcher(backend, store, settings, observer);
    var listens = new ListenStreams(dispatcher::capabilities, settings, drain);
    this.channel = new SessionChannel(store, dispatcher, listens);
    this.gate = new SessionGate(store, settings, observer, guard);
    store.onSessionEnd(dispatcher::sessionEnded);
    java.util.function.Consumer<SessionRecord> onStart =
        record -> backend.onSessionStart(record.client());
    var admission = new PostAdmission(gate, new Throttling(throttle, gate), dispatcher, settings);
    this.post = new StreamablePost(dispatcher, store, gate, onStart, admission, listens);
    this.get = new StreamableGet(store, gate, settings, drain);
    this.delete = new StreamableDelete(store, gate);
    this.legacy =
        legacySsePath.map(
            p ->
                new LegacySse(
                    dispatcher,
                    store,
                    gate,
                    channel,
                    settings,
                    legacyMessagesPath,
                    onStart,
                    drain,
                    admission));
    this.path = path;
    this.settings = settings;
    this.ssePath = legacySsePath.orElse("");
    this.messagesPath = legacyMessagesPath;
    backend.bind(channel);
  }

  /** Server-initiated messages to the endpoint's clients. */
  public McpClients clients() {
    return channel;
  }

  /** Adds the routes. */
  public void register(HttpRules rules) {
    rules.post(path, guarded(post::handle));
    rules.get(path, guarded(get::handle));
    rules.delete(path, guarded(delete::handle));
    rules.options(path, guarded((req, res) -> Cors.preflight(req, res, gate, settings.origins())));
    rules.any(path, guarded(this::notAllowed));
    legacy.ifPresent(
        l -> {
          rules.get(ssePath, guarded(l::stream));
          rules.post(messagesPath, guarded(l::post));
        });
  }

  /**
   * Refuses new requests (503), ends this replica's open SSE streams and waits up to {@code max}
   * for the requests in flight; sessions stay in the store.
   *
   * @return true when nothing was left running
   */
  public boolean drain(Duration max) throws InterruptedException {
    // a request parked between input rounds holds its POST's thread until its client retries
    dispatcher.cancelParked();
    return drain.drain(max);
  }

  /** Stops timers; sessions stay in the store. */
  public void close() {
    dispatcher.shutdown();
  }

  private void notAllowed(ServerRequest req, ServerResponse res) {
    res.header(HeaderNames.ALLOW, Cors.METHODS + ", OPTIONS");
    gate.reject(
        req,
        res,
        Status.METHOD_NOT_ALLOWED_405,
        JsonRpcError.INVALID_REQUEST,
        "Method Not Allowed: " + req.prologue().method().text());
  }

  /** A handler body that may block and may be interrupted. */
  @FunctionalInterface
  interface Body {
    void handle(ServerRequest req, ServerResponse res) throws Exception;
  }

  private Handler guarded(Body body) {
    return (req, res) -> {
      if (!drain.enter()) {
        res.header(HeaderNames.CONNECTION, "close");
        res.header(HeaderNames.RETRY_AFTER, "1");
        gate.reject(
            req,
            res,
            Status.SERVICE_UNAVAILABLE_503,
            JsonRpcError.SERVER_UNAVAILABLE,
            "Service Unavailable: this gateway replica is shutting down");
        return;
      }
      try {
        Cors.allow(req, res, settings.origins());
        body.handle(req, res);
      } catch (SessionStoreUnavailableException e) {
        if (!res.isSent()) {
          gate.unavailable(req, res, e);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (BodyReader.ClientGoneException e) {
        // no answer: the client is gone, or its socket was closed at the deadline. Helidon closes
        // the connection quietly for this exception, where a handler that sent nothing would get
        // a 500 attempt and a logged stack trace
        LOG.debug("{} {}: {}", req.prologue().method().text(), req.path().path(), e.getMessage());
        throw new io.helidon.webserver.CloseConnectionException(e.getMessage(), e);
      } catch (java.io.UncheckedIOException | io.helidon.webserver.ServerConnectionException e) {
        LOG.debug("client connection failed", e);
        throw new io.helidon.webserver.CloseConnectionException("client connection failed", e);
      } catch (Exception e) {
        LOG.error(
            "unexpected failure serving {} {}",
            req.prologue().method().text(),
            req.path().path(),
            e);
        if (!res.isSent()) {
          gate.reject(
              req,
              res,
              Status.INTERNAL_SERVER_ERROR_500,
              JsonRpcError.INTERNAL_ERROR,
              "Internal error");
        }
      } finally {
        drain.exit();
      }
    };
  }

  static boolean isPost(ServerRequest req) {
    return req.prologue().method() == Method.POST;
  }
}
