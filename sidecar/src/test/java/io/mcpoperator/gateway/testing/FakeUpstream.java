package io.mcpoperator.gateway.testing;

import io.mcpoperator.mcp.jsonrpc.DecodedBody;
import io.mcpoperator.mcp.jsonrpc.Json;
import io.mcpoperator.mcp.jsonrpc.JsonRpcCodec;
import io.mcpoperator.mcp.jsonrpc.JsonRpcMessage;
import io.mcpoperator.mcp.jsonrpc.JsonRpcMessage.Notification;
import io.mcpoperator.mcp.jsonrpc.JsonRpcMessage.Request;
import io.mcpoperator.mcp.jsonrpc.JsonRpcMessage.Response;
import io.mcpoperator.mcp.jsonrpc.JsonRpcMessage.Result;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A stdio MCP server for error paths, run as its own process: prints a non-JSON banner first; tools
 * echo, slow (never answers), crash (exits), progress, sample (asks the client), notify
 * (list_changed + an error log message), lastCancelled (the last cancelled request id), gate (sends
 * a progress notification, then answers once the file {@code arguments.path} exists) and ask (not
 * listed; asks the client {@code arguments.methods} one after the other, or all at once with {@code
 * together}, and answers with the JSON array of the client's answers, "error" for an error). A
 * request whose {@code _meta} carries an {@code io.modelcontextprotocol/related-task} that is not
 * an object is answered with an error without id (an SDK server's schema refusing it). Run with a
 * name ({@link #command(String)}) it calls itself that and has one more tool of that name, which
 * answers with the name.
 */
public final class FakeUpstream {
  private static String lastCancelled = "";
  private static JsonValue waitingForSample;
  private static String name = "fake";
  private static List<String> tools =
      List.of("echo", "slow", "crash", "progress", "sample", "notify", "lastCancelled", "gate");
  private static final java.util.Map<String, Asking> ASKING = new java.util.HashMap<>();
  private static int inputIds;

  private FakeUpstream() {}

  public static void main(String[] args) throws IOException {
    if (args.length > 0) {
      name = args[0];
      tools =
          java.util.stream.Stream.concat(tools.stream(), java.util.stream.Stream.of(name)).toList();
    }
    System.out.println("fake upstream starting (not JSON)");
    System.out.flush();
    var in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    String line;
    while ((line = in.readLine()) != null) {
      for (var entry : JsonRpcCodec.decode(line).entries()) {
        if (entry instanceof DecodedBody.Valid(JsonRpcMessage message)) {
          handle(message);
        }
      }
    }
  }

  private static void handle(JsonRpcMessage message) {
    switch (message) {
      case Request r -> request(r);
      case Notification n when n.method().equals("notifications/cancelled") ->
          lastCancelled = String.valueOf(n.params().get("requestId"));
      case Response r when r.id() instanceof JsonString s && ASKING.containsKey(s.getString()) ->
          answered(ASKING.remove(s.getString()), s.getString(), r);
      case Response r when waitingForSample != null -> {
        String text = r instanceof Result res ? Json.write(res.result()) : "error";
        send(new Result(waitingForSample, text(text)));
        waitingForSample = null;
      }
      default -> {}
    }
  }

  private static void request(Request r) {
    if (Json.object(r.params(), "_meta")
        .map(meta -> meta.get("io.modelcontextprotocol/related-task"))
        .filter(task -> !(task instanceof JsonObject))
        .isPresent()) {
      // what SDK servers do with a request their schema refuses: an error without the id
      System.out.println(
          "{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32700,\"message\":\"Parse"
              + " error: related-task must be an object\"}}");
      System.out.flush();
      return;
    }
    switch (r.method()) {
      case "initialize" ->
          send(
              new Result(
                  r.id(),
                  Json.object()
                      .add("protocolVersion", r.params().getString("protocolVersion", "2025-06-18"))
                      .add(
                          "capabilities",
                          Json.object()
                              .add("tools", Json.object().add("listChanged", true))
                              .add("logging", Json.object()))
                      .add("serverInfo", Json.object().add("name", name).add("version", "1"))
                      .build()));
      case "tools/list" -> {
        var list = Json.array();
        for (String tool : tools) {
          list.add(
              Json.object()
                  .add("name", tool)
                  .add("inputSchema", Json.object().add("type", "object")));
        }
        send(new Result(r.id(), Json.object().add("tools", list).build()));
      }
      case "tools/call" -> call(r);
      default ->
          send(
              new JsonRpcMessage.Failure(
                  r.id(), io.mcpoperator.mcp.jsonrpc.JsonRpcError.methodNotFound(r.method())));
    }
  }

  private static void call(Request r) {
    JsonObject args = Json.object(r.params(), "arguments").orElse(JsonValue.EMPTY_JSON_OBJECT);
    switch (Json.string(r.params(), "name").orElse("")) {
      case "echo" -> send(new Result(r.id(), text(Json.string(args, "text").orElse(""))));
      case "slow" -> {}
      case "crash" -> System.exit(3);
      case "progress" -> {
        JsonValue token = r.params().getJsonObject("_meta").get("progressToken");
        send(
            new Notification(
                "notifications/progress",
                Json.object()
                    .add("progressToken", token)
                    .add("progress", 1)
                    .add("total", 1)
                    .build()));
        send(new Result(r.id(), text("token was " + token)));
      }
      case "sample" -> {
        waitingForSample = r.id();
        send(
            new Request(
                Json.string("up-1"),
                "sampling/createMessage",
                Json.object().add("maxTokens", 5).build()));
      }
      case "notify" -> {
        send(new Notification("notifications/tools/list_changed", JsonValue.EMPTY_JSON_OBJECT));
        send(
            new Notification(
                "notifications/message",
                Json.object().add("level", "error").add("data", "bad thing").build()));
        send(new Result(r.id(), text("notified")));
      }
      case "lastCancelled" -> send(new Result(r.id(), text(lastCancelled)));
      case "gate" -> gate(r, args);
      case "ask" -> ask(r, args);
      default ->
          send(
              new Result(
                  r.id(),
                  text(
                      Json.string(r.params(), "name").orElse("").equals(name) ? name : "unknown")));
    }
  }

  /** Progress now (so the client knows the call arrived), the result once the file exists. */
  private static void gate(Request r, JsonObject args) {
    JsonValue token =
        Json.object(r.params(), "_meta").map(m -> m.get("progressToken")).orElse(null);
    if (token != null) {
      send(
          new Notification(
              "notifications/progress",
              Json.object().add("progressToken", token).add("progress", 0).build()));
    }
    java.nio.file.Path file = java.nio.file.Path.of(Json.string(args, "path").orElseThrow());
    Thread.ofVirtual()
        .start(
            () -> {
              while (!java.nio.file.Files.exists(file)) {
                try {
                  Thread.sleep(20);
                } catch (InterruptedException e) {
                  return;
                }
              }
              send(new Result(r.id(), text("opened by " + name)));
            });
  }

  /** A tools/call of "ask": the inputs asked so far and the answers. */
  private static final class Asking {
    final JsonValue callId;
    final List<String> methods;
    final boolean together;
    final java.util.Map<String, Integer> index = new java.util.HashMap<>();
    final String[] answers;
    int sent;
    int received;

    Asking(JsonValue callId, List<String> methods, boolean together) {
      this.callId = callId;
      this.methods = methods;
      this.together = together;
      this.answers = new String[methods.size()];
    }
  }

  private static void ask(Request r, JsonObject args) {
    List<String> methods =
        Json.array(args, "methods").orElse(JsonValue.EMPTY_JSON_ARRAY).stream()
            .map(v -> ((JsonString) v).getString())
            .toList();
    var asking = new Asking(r.id(), methods, args.getBoolean("together", false));
    if (methods.isEmpty()) {
      send(new Result(r.id(), text("[]")));
      return;
    }
    int first = asking.together ? methods.size() : 1;
    for (int i = 0; i < first; i++) {
      askNext(asking);
    }
  }

  private static void askNext(Asking asking) {
    String method = asking.methods.get(asking.sent);
    String id = "ask-" + ++inputIds;
    asking.index.put(id, asking.sent++);
    ASKING.put(id, asking);
    JsonObject params =
        switch (method) {
          case "elicitation/create" ->
              Json.object()
                  .add("message", "Name?")
                  .add(
                      "requestedSchema",
                      Json.object()
                          .add("type", "object")
                          .add(
                              "properties",
                              Json.object().add("name", Json.object().add("type", "string"))))
                  .build();
          case "sampling/createMessage" ->
              Json.object()
                  .add(
                      "messages",
                      Json.array()
                          .add(
                              Json.object()
                                  .add("role", "user")
                                  .add(
                                      "content",
                                      Json.object().add("type", "text").add("text", "Say hi"))))
                  .add("maxTokens", 5)
                  .build();
          default -> JsonValue.EMPTY_JSON_OBJECT;
        };
    send(new Request(Json.string(id), method, params));
  }

  private static void answered(Asking asking, String inputId, Response r) {
    asking.answers[asking.index.get(inputId)] =
        r instanceof Result res ? Json.write(res.result()) : "\"error\"";
    asking.received++;
    if (asking.sent < asking.methods.size()) {
      askNext(asking);
      return;
    }
    if (asking.received == asking.methods.size()) {
      send(new Result(asking.callId, text("[" + String.join(",", asking.answers) + "]")));
    }
  }

  private static JsonObject text(String text) {
    return Json.object()
        .add("content", Json.array().add(Json.object().add("type", "text").add("text", text)))
        .build();
  }

  private static synchronized void send(JsonRpcMessage message) {
    System.out.println(JsonRpcCodec.encode(message));
    System.out.flush();
  }

  /** The command that runs this server with the test class path. */
  public static List<String> command() {
    String java = ProcessHandle.current().info().command().orElse("java");
    return List.of(
        java, "-cp", System.getProperty("java.class.path"), FakeUpstream.class.getName());
  }

  /** The command that runs this server under {@code name}, with a tool of that name. */
  public static List<String> command(String name) {
    return java.util.stream.Stream.concat(command().stream(), java.util.stream.Stream.of(name))
        .toList();
  }
}
