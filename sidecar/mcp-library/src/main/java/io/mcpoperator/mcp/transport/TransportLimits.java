package io.mcpoperator.mcp.transport;

import java.time.Duration;
import java.util.concurrent.Semaphore;

/**
 * The limits the HTTP transports enforce.
 *
 * @param maxBodyBytes larger request bodies get 413
 * @param requestTimeout a request still running after this is cancelled and answered with an error
 * @param maxConcurrentRequests requests beyond this many in flight get 429 with Retry-After
 * @param keepAlive quiet SSE streams get a comment this often
 * @param streamBuffer events buffered for a slow SSE client before it is disconnected
 * @param maxSessions sessions this replica holds at most; a new one beyond gets 503 + Retry-After
 * @param bodyTimeout a request body still arriving this long after the handler began reading it has
 *     its connection closed (a client dripping its body does not hold a thread for ever)
 */
public record TransportLimits(
    long maxBodyBytes,
    Duration requestTimeout,
    int maxConcurrentRequests,
    Duration keepAlive,
    int streamBuffer,
    int maxSessions,
    Duration bodyTimeout) {

  /** Sessions per replica when not configured. */
  public static final int DEFAULT_MAX_SESSIONS = 10_000;

  /** The body read deadline when not configured. */
  public static final Duration DEFAULT_BODY_TIMEOUT = Duration.ofSeconds(30);

  /** Limits with the default body timeout. */
  public TransportLimits(
      long maxBodyBytes,
      Duration requestTimeout,
      int maxConcurrentRequests,
      Duration keepAlive,
      int streamBuffer,
      int maxSessions) {
    this(
        maxBodyBytes,
        requestTimeout,
        maxConcurrentRequests,
        keepAlive,
        streamBuffer,
        maxSessions,
        DEFAULT_BODY_TIMEOUT);
  }

  /** Limits with the default session cap and body timeout. */
  public TransportLimits(
      long maxBodyBytes,
      Duration requestTimeout,
      int maxConcurrentRequests,
      Duration keepAlive,
      int streamBuffer) {
    this(
        maxBodyBytes,
        requestTimeout,
        maxConcurrentRequests,
        keepAlive,
        streamBuffer,
        DEFAULT_MAX_SESSIONS);
  }

  /** The defaults of the gateway configuration contract. */
  public static TransportLimits defaults() {
    return new TransportLimits(
        4 * 1024 * 1024, Duration.ofSeconds(30), 100, Duration.ofSeconds(15), 1024);
  }

  Semaphore permits() {
    return new Semaphore(maxConcurrentRequests);
  }
}
