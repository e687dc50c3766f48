package io.mcpoperator.gateway.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.mcpoperator.mcp.jsonrpc.DecodedBody;
import io.mcpoperator.mcp.jsonrpc.Json;
import io.mcpoperator.mcp.jsonrpc.JsonRpcCodec;
import io.mcpoperator.mcp.jsonrpc.JsonRpcMessage;
import io.mcpoperator.mcp.jsonrpc.JsonRpcMessage.Request;
import io.mcpoperator.mcp.jsonrpc.JsonRpcMessage.Result;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A Streamable HTTP upstream that ends a request's SSE stream before answering (SEP-1699 polling,
 * as the TypeScript SDK's {@code closeSSEStream} does): the gateway resumes with GET and {@code
 * Last-Event-ID} and gets the answer, even when the server keeps the resumed stream open.
 */
@org.junit.jupiter.api.Timeout(60)
class StreamResumptionIT {
  private final List<String> lastEventIds = new CopyOnWriteArrayList<>();
  private final CountDownLatch resumedStreamReleased = new CountDownLatch(1);
  private final WebServer server =
      WebServer.builder()
          .host("127.0.0.1")
          .port(0)
          .routing(r -> r.post("/mcp", this::post).get("/mcp", this::get))
          .build()
          .start();

  @AfterEach
  void stop() {
    server.stop();
  }

  @Test
  void aStreamEndedBeforeTheAnswerIsResumedWithLastEventId() throws Exception {
    var received = new LinkedBlockingQueue<JsonRpcMessage>();
    var upstream =
        new StreamableHttpUpstream(
            URI.create("http://127.0.0.1:" + server.port() + "/mcp"),
            Backoff.standard(),
            ForwardedHeaders.parse(java.util.Optional.empty()));
    try {
      upstream.start(listener(received));
      upstream.send(new Request(Json.string("init"), "initialize", Json.object().build()));
      assertThat(received.poll(10, TimeUnit.SECONDS)).isInstanceOf(Result.class);

      upstream.send(new Request(Json.string("gw-7"), "tools/call", Json.object().build()));

      var answer = received.poll(10, TimeUnit.SECONDS);
      assertThat(answer).isInstanceOf(Result.class);
      assertThat(((Result) answer).id()).isEqualTo(Json.string("gw-7"));
      assertThat(Json.write(((Result) answer).result())).contains("resumed answer");
      assertThat(lastEventIds).containsExactly("s1.1");
      // the gateway let go of the resumed stream once it had the answer
      assertThat(resumedStreamReleased.await(10, TimeUnit.SECONDS)).isTrue();
    } finally {
      upstream.close();
    }
  }

  private void post(ServerRequest req, ServerResponse res) throws IOException {
    var message = JsonRpcCodec.decode(req.content().as(String.class)).entries().getFirst();
    var request = (Request) ((DecodedBody.Valid) message).message();
    if (request.method().equals("initialize")) {
      res.header(HeaderNames.create("Mcp-Session-Id"), "upstream-session");
      res.header(HeaderNames.CONTENT_TYPE, "application/json");
      res.send(
          JsonRpcCodec.encode(
              new Result(
                  request.id(),
                  Json.object()
                      .add("protocolVersion", "2025-11-25")
                      .add("capabilities", Json.object().add("tools", Json.object()))
                      .add("serverInfo", Json.object().add("name", "polling").add("version", "1"))
                      .build())));
      return;
    }
    if (!request.method().equals("tools/call")) {
      res.status(202).send();
      return;
    }
    res.header(HeaderNames.CONTENT_TYPE, "text/event-stream");
    try (OutputStream out = res.outputStream()) {
      // priming event with a retry hint, a progress notification, then the server ends the stream
      write(out, "id: s1.0\nretry: 50\ndata: \n\n");
      write(
          out,
          "id: s1.1\ndata: "
              + JsonRpcCodec.encode(
                  new JsonRpcMessage.Notification(
                      "notifications/message", Json.object().add("level", "info").build()))
              + "\n\n");
    }
  }

  private void get(ServerRequest req, ServerResponse res) throws IOException {
    Optional<String> last = req.headers().first(HeaderNames.create("Last-Event-ID"));
    if (last.isEmpty()) {
      res.status(405).send();
      return;
    }
    lastEventIds.add(last.get());
    res.header(HeaderNames.CONTENT_TYPE, "text/event-stream");
    OutputStream out = res.outputStream();
    write(
        out,
        "id: s1.2\ndata: "
            + JsonRpcCodec.encode(
                new Result(
                    Json.string("gw-7"),
                    Json.object()
                        .add(
                            "content",
                            Json.array().add(Json.object().add("text", "resumed answer")))
                        .build()))
            + "\n\n");
    // like the TypeScript SDK, keep the resumed stream open; notice when the client lets go
    try {
      for (int i = 0; i < 200; i++) {
        Thread.sleep(50);
        write(out, ": keep-alive\n\n");
      }
    } catch (IOException | RuntimeException | InterruptedException e) {
      resumedStreamReleased.countDown();
    }
  }

  private static void write(OutputStream out, String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  private static UpstreamListener listener(LinkedBlockingQueue<JsonRpcMessage> received) {
    return new UpstreamListener() {
      @Override
      public void connected() {}

      @Override
      public void received(JsonRpcMessage message, Optional<JsonValue> related) {
        if (message instanceof JsonRpcMessage.Response) {
          received.add(message);
        }
      }

      @Override
      public void disconnected(String reason) {}
    };
  }
}
