package io.mcpoperator.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.mcpoperator.mcp.session.EventListener;
import io.mcpoperator.mcp.session.InMemorySessionStore;
import io.mcpoperator.mcp.session.ResourceSubscriptions;
import io.mcpoperator.mcp.session.SessionRecord;
import io.mcpoperator.mcp.session.SessionStore;
import io.mcpoperator.mcp.session.SessionStoreUnavailableException;
import io.mcpoperator.mcp.session.StoredEvent;
import io.mcpoperator.mcp.testing.EchoBackend;
import io.mcpoperator.mcp.testing.TestServer;
import io.mcpoperator.mcp.transport.McpHttpEndpoint;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * A session store that fails with internal details in its message (a Redis address with its
 * password, a host name): the client is told the store is unavailable, in a fixed message; the
 * gateway log has the detail.
 */
class SessionStoreFailureIT {
  private static final String DETAIL =
      "redis://:s3cret@redis-7.internal.example:6379 connection refused (/var/run/secrets/redis)";

  /** An in-memory store whose lookups fail, with {@link #DETAIL}, once {@code failing} is set. */
  private static final class FailingStore implements SessionStore {
    private final SessionStore real =
        new InMemorySessionStore(Duration.ofMinutes(5), 100, Clock.systemUTC());
    private volatile boolean failing;

    private void check() {
      if (failing) {
        throw new SessionStoreUnavailableException(DETAIL, new java.io.IOException(DETAIL));
      }
    }

    @Override
    public void create(SessionRecord record) {
      check();
      real.create(record);
    }

    @Override
    public Optional<SessionRecord> find(String id) {
      check();
      return real.find(id);
    }

    @Override
    public void update(SessionRecord record) {
      check();
      real.update(record);
    }

    @Override
    public boolean delete(String id) {
      check();
      return real.delete(id);
    }

    @Override
    public StoredEvent append(String sessionId, String streamId, String data, boolean last) {
      check();
      return real.append(sessionId, streamId, data, last);
    }

    @Override
    public List<StoredEvent> replay(String sessionId, String lastEventId) {
      check();
      return real.replay(sessionId, lastEventId);
    }

    @Override
    public Subscription subscribe(String sessionId, String streamId, EventListener listener) {
      check();
      return real.subscribe(sessionId, streamId, listener);
    }

    @Override
    public void onSessionEnd(Consumer<String> listener) {
      real.onSessionEnd(listener);
    }

    @Override
    public List<SessionRecord> live() {
      check();
      return real.live();
    }

    @Override
    public Set<String> firstNotice(String topic, String version, Collection<String> sessionIds) {
      check();
      return real.firstNotice(topic, version, sessionIds);
    }

    @Override
    public ResourceSubscriptions subscriptions() {
      return real.subscriptions();
    }

    @Override
    public long size() {
      return real.size();
    }
  }

  @Test
  void theClientReadsAFixedMessageAndTheLogHasTheStoresDetail() throws Exception {
    FailingStore store = new FailingStore();
    ListAppender<ILoggingEvent> log = new ListAppender<>();
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    log.start();
    root.addAppender(log);
    try (TestServer server =
            new TestServer(
                McpHttpEndpoint.builder().backend(new EchoBackend()).sessionStore(store).build());
        HttpClient http = HttpClient.newHttpClient()) {
      HttpResponse<String> init =
          post(
              http,
              server,
              null,
              "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
                  + "{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},"
                  + "\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}");
      assertThat(init.statusCode()).as(init.body()).isEqualTo(200);
      String session = init.headers().firstValue("Mcp-Session-Id").orElseThrow();

      store.failing = true;
      HttpResponse<String> list =
          post(http, server, session, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}");

      assertThat(list.statusCode()).isEqualTo(503);
      assertThat(list.headers().firstValue("Retry-After")).contains("1");
      assertThat(list.body())
          .contains("Session store unavailable (the gateway log has the cause)")
          .doesNotContain("s3cret", "redis-7.internal", "/var/run/secrets", "connection refused");
      assertThat(log.list)
          .extracting(ILoggingEvent::getFormattedMessage)
          .anySatisfy(m -> assertThat(m).contains("session store unavailable").contains(DETAIL));
    } finally {
      root.detachAppender(log);
    }
  }

  @Test
  void aLegacySsePostIsAnswered503AsOnStreamableHttp() throws Exception {
    FailingStore store = new FailingStore();
    try (TestServer server =
        new TestServer(
            McpHttpEndpoint.builder().backend(new EchoBackend()).sessionStore(store).build())) {
      var client = new io.mcpoperator.mcp.testing.RawClient(server.baseUri());
      try (var stream =
          client.openStream("GET", "/sse", java.util.Map.of("Accept", "text/event-stream"), null)) {
        String messages = stream.next().get("data");

        store.failing = true;
        HttpResponse<String> answer =
            client.send(
                "POST",
                messages,
                java.util.Map.of("Content-Type", "application/json"),
                "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}");
        store.failing = false;

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(503);
        assertThat(answer.headers().firstValue("Retry-After")).contains("1");
        assertThat(answer.body())
            .contains("Session store unavailable (the gateway log has the cause)")
            .doesNotContain("s3cret", "redis-7.internal");
      }
    }
  }

  private static HttpResponse<String> post(
      HttpClient http, TestServer server, String session, String body) throws Exception {
    HttpRequest.Builder req =
        HttpRequest.newBuilder(URI.create(server.baseUri() + "/mcp"))
            .header("Content-Type", "application/json")
            .header("Accept", "application/json, text/event-stream")
            .header("MCP-Protocol-Version", "2025-06-18")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (session != null) {
      req.header("Mcp-Session-Id", session);
    }
    return http.send(req.build(), HttpResponse.BodyHandlers.ofString());
  }
}
