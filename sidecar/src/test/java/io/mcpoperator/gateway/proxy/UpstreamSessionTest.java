package io.mcpoperator.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mcpoperator.gateway.observe.UpstreamEvents;
import io.mcpoperator.gateway.upstream.Upstream;
import io.mcpoperator.gateway.upstream.UpstreamListener;
import io.mcpoperator.mcp.jsonrpc.Json;
import io.mcpoperator.mcp.jsonrpc.JsonRpcMessage;
import io.mcpoperator.mcp.jsonrpc.JsonRpcMessage.Notification;
import io.mcpoperator.mcp.jsonrpc.JsonRpcMessage.Request;
import jakarta.json.JsonString;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class UpstreamSessionTest {

  /** An upstream that takes every message and never answers. */
  private static final class Silent implements Upstream {
    final List<JsonRpcMessage> sent = new CopyOnWriteArrayList<>();

    @Override
    public void start(UpstreamListener listener) {}

    @Override
    public void send(JsonRpcMessage message) {
      sent.add(message);
    }

    @Override
    public String describe() {
      return "silent";
    }

    @Override
    public void close() {}
  }

  @Test
  void aGatewayRequestTheUpstreamDoesNotAnswerInTimeIsCancelledThere() {
    var upstream = new Silent();
    var session = new UpstreamSession(upstream, Duration.ofMillis(100), UpstreamEvents.NONE);
    session.requestQuietly("resources/subscribe", Json.object().add("uri", "test://slow").build());

    var request = (Request) upstream.sent.getFirst();
    assertThat(request.method()).isEqualTo("resources/subscribe");
    String id = ((JsonString) request.id()).getString();
    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () ->
                assertThat(upstream.sent)
                    .filteredOn(m -> m instanceof Notification)
                    .singleElement()
                    .satisfies(
                        m -> {
                          var n = (Notification) m;
                          assertThat(n.method()).isEqualTo("notifications/cancelled");
                          assertThat(n.params().getString("requestId")).isEqualTo(id);
                        }));
    session.close();
  }
}
