package io.mcpoperator.mcp.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import com.code_intelligence.jazzer.api.BugDetectors;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.mcpoperator.mcp.McpBackend;
import io.mcpoperator.mcp.McpException;
import io.mcpoperator.mcp.McpRequest;
import io.mcpoperator.mcp.ServerIdentity;
import io.mcpoperator.mcp.jsonrpc.Json;
import io.mcpoperator.mcp.jsonrpc.JsonRpcError;
import io.mcpoperator.mcp.testing.RawClient;
import io.mcpoperator.mcp.testing.TestServer;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.slf4j.LoggerFactory;

/**
 * Coverage-guided fuzz target (Jazzer) for the Streamable HTTP transport's {@code POST /mcp}: the
 * first input byte picks the headers (protocol revision and its session, a forged or no session id,
 * content type, Accept), the rest is the body. One endpoint on loopback for the whole run, reached
 * through one keep-alive HTTP/1.1 client (no socket per input). Checked for every input: an answer
 * within 5 s; no 5xx; a body is JSON-RPC (a JSON response or batch of responses, or SSE events each
 * carrying one JSON-RPC message); nothing logged as ERROR or with a stack trace. Sessions an input
 * creates are deleted again, so the session cap is not what the fuzzer meets. Regression mode in
 * the build (seeds in {@code StreamablePostFuzzITInputs/}); {@code hack/bench/jazzer.sh} fuzzes.
 */
class StreamablePostFuzzIT {
  private static final String[] VERSIONS = {"2025-03-26", "2025-06-18", "2025-11-25"};
  private static final String[] CONTENT_TYPES = {
    "application/json", "application/json", "text/plain", "application/json; charset=utf-8"
  };
  private static final String[] ACCEPTS = {
    RawClient.ACCEPT_BOTH, RawClient.ACCEPT_BOTH, "application/json", "text/event-stream"
  };

  private static Target target;

  /** The endpoint, its client, one session per revision and the log watch, made on first use. */
  private record Target(
      TestServer server, HttpClient http, List<String> sessions, List<String> logged) {

    static Target start() {
      // Jazzer's request-forgery detector refuses connections a fuzz test did not allow
      BugDetectors.allowNetworkConnections((host, port) -> host.equals("127.0.0.1"));
      var limits =
          new TransportLimits(1024 * 1024, Duration.ofSeconds(2), 100, Duration.ofSeconds(15), 64);
      var server =
          new TestServer(McpHttpEndpoint.builder().backend(new Backend()).limits(limits).build());
      var raw = new RawClient(server.baseUri());
      List<String> sessions = Arrays.stream(VERSIONS).map(raw::initialize).toList();
      List<String> logged = new CopyOnWriteArrayList<>();
      var watch =
          new AppenderBase<ILoggingEvent>() {
            @Override
            protected void append(ILoggingEvent event) {
              if (event.getLevel().isGreaterOrEqual(Level.ERROR)
                  || event.getThrowableProxy() != null) {
                logged.add(event.getLevel() + " " + event.getFormattedMessage());
              }
            }
          };
      watch.start();
      ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(watch);
      var http =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .connectTimeout(Duration.ofSeconds(5))
              .build();
      return new Target(server, http, sessions, logged);
    }
  }

  @AfterAll
  static void stop() {
    if (target != null) {
      target.server().close();
      target = null;
    }
  }

  @FuzzTest(maxDuration = "10m")
  void answersEveryPostWithJsonRpc(byte[] input) throws Exception {
    if (target == null) {
      target = Target.start();
    }
    int pick = input.length == 0 ? 0 : input[0] & 0xff;
    byte[] body = input.length == 0 ? input : Arrays.copyOfRange(input, 1, input.length);
    HttpRequest request = request(pick, body);

    HttpResponse<String> answer;
    try {
      answer = target.http().send(request, HttpResponse.BodyHandlers.ofString());
    } catch (HttpTimeoutException hang) {
      throw new AssertionError("no answer within 5 s", hang);
    } catch (IOException closed) {
      return; // the server closed the connection (a refused body): the client reconnects
    }

    assertThat(answer.statusCode()).as("status for %s", answer.body()).isLessThan(500);
    String type = answer.headers().firstValue("Content-Type").orElse("");
    if (type.startsWith("text/event-stream")) {
      events(answer.body()).forEach(StreamablePostFuzzIT::assertJsonRpc);
    } else if (!answer.body().isEmpty()) {
      assertThat(type).startsWith("application/json");
      assertJsonRpc(answer.body());
    }
    assertThat(target.logged()).as("ERROR log lines or stack traces").isEmpty();
    forgetNewSession(answer);
  }

  private static HttpRequest request(int pick, byte[] body) {
    int revision = pick & 3;
    var builder =
        HttpRequest.newBuilder(URI.create(target.server().baseUri() + "/mcp"))
            .timeout(Duration.ofSeconds(5))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .header("Content-Type", CONTENT_TYPES[(pick >> 4) & 3])
            .header("Accept", ACCEPTS[(pick >> 6) & 3]);
    if (revision < VERSIONS.length) {
      switch ((pick >> 2) & 3) {
        case 2 -> builder.header("Mcp-Session-Id", "forged-session");
        case 3 -> {} // no session id, a revision header only
        default -> builder.header("Mcp-Session-Id", target.sessions().get(revision));
      }
      if (revision > 0) {
        builder.header("MCP-Protocol-Version", VERSIONS[revision]);
      }
    }
    return builder.build();
  }

  /** The data of each SSE event (events are separated by a blank line). */
  private static List<String> events(String stream) {
    return Arrays.stream(stream.split("\n\n"))
        .map(
            event ->
                String.join(
                    "\n",
                    event
                        .lines()
                        .filter(line -> line.startsWith("data:"))
                        .map(line -> line.substring(5).strip())
                        .toList()))
        .filter(data -> !data.isEmpty())
        .toList();
  }

  /** A JSON-RPC message or a batch of them: a response (result or error) or a server message. */
  private static void assertJsonRpc(String text) {
    JsonValue value;
    try {
      value = Json.parse(text);
    } catch (JsonException e) {
      fail("answer is not JSON: " + text);
      return;
    }
    List<JsonValue> messages =
        value.getValueType() == JsonValue.ValueType.ARRAY ? value.asJsonArray() : List.of(value);
    assertThat(messages).as("messages in %s", text).isNotEmpty();
    for (JsonValue message : messages) {
      JsonObject object = message.asJsonObject();
      assertThat(object.getString("jsonrpc", "")).as("jsonrpc of %s", text).isEqualTo("2.0");
      if (object.containsKey("method")) {
        continue; // a notification or request from the server, e.g. progress
      }
      assertThat(object).as("id of %s", text).containsKey("id");
      assertThat(object.containsKey("result"))
          .as("result xor error in %s", text)
          .isNotEqualTo(object.containsKey("error"));
      if (object.containsKey("error")) {
        JsonObject error = object.getJsonObject("error");
        assertThat(error.get("code").getValueType()).isEqualTo(JsonValue.ValueType.NUMBER);
        assertThat(error.getString("message", null)).as("message in %s", text).isNotNull();
      }
    }
  }

  /** Deletes a session the input opened, so that sessions do not pile up over a long run. */
  private static void forgetNewSession(HttpResponse<String> answer) throws Exception {
    Optional<String> session = answer.headers().firstValue("Mcp-Session-Id");
    if (session.isPresent() && !target.sessions().contains(session.get())) {
      var delete =
          HttpRequest.newBuilder(URI.create(target.server().baseUri() + "/mcp"))
              .timeout(Duration.ofSeconds(5))
              .DELETE()
              .header("Mcp-Session-Id", session.get())
              .build();
      target.http().send(delete, HttpResponse.BodyHandlers.discarding());
    }
  }

  /** tools/list and tools/call echo (answers at once) and progress (two notifications first). */
  private static final class Backend implements McpBackend {
    @Override
    public ServerIdentity identity() {
      return new ServerIdentity(
          Json.object().add("name", "fuzz").add("version", "1").build(),
          Json.object().add("tools", Json.object()).add("logging", Json.object()).build(),
          Optional.empty());
    }

    @Override
    public JsonObject handle(McpRequest request) throws McpException {
      return switch (request.method()) {
        case "tools/list" -> Json.object().add("tools", Json.array()).build();
        case "tools/call" -> call(request);
        default -> throw new McpException(JsonRpcError.methodNotFound(request.method()));
      };
    }

    private static JsonObject call(McpRequest request) throws McpException {
      String name = Json.string(request.params(), "name").orElse("");
      if (name.equals("progress")) {
        var token = request.progressToken().orElse(Json.string("none"));
        request.notify(
            "notifications/progress",
            Json.object().add("progressToken", token).add("progress", 1).build());
      } else if (!name.equals("echo")) {
        throw new McpException(JsonRpcError.invalidParams("unknown tool " + name));
      }
      return Json.object()
          .add("content", Json.array().add(Json.object().add("type", "text").add("text", name)))
          .build();
    }
  }
}
