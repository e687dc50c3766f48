package io.mcpoperator.gateway.testing;

import io.mcpoperator.mcp.jsonrpc.DecodedBody;
import io.mcpoperator.mcp.jsonrpc.Json;
import io.mcpoperator.mcp.jsonrpc.JsonRpcCodec;
import io.mcpoperator.mcp.jsonrpc.JsonRpcError;
import io.mcpoperator.mcp.jsonrpc.JsonRpcMessage;
import io.mcpoperator.mcp.jsonrpc.JsonRpcMessage.Failure;
import io.mcpoperator.mcp.jsonrpc.JsonRpcMessage.Notification;
import io.mcpoperator.mcp.jsonrpc.JsonRpcMessage.Request;
import io.mcpoperator.mcp.jsonrpc.JsonRpcMessage.Result;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A stdio MCP server with subscribable resources, run as its own process, that behaves like a real
 * one: it remembers {@code resources/subscribe} per connection (a restarted process forgets them)
 * and sends {@code notifications/resources/updated} only for resources it was subscribed to.
 * Resources {@code test://a} and {@code test://b} (text: their version); tools {@code change}
 * ({@code uri}: bumps the version, notifies if subscribed, answers {@code subscribed} or {@code not
 * subscribed}), {@code subscriptions} (the subscribed URIs, comma-separated), {@code listChanged}
 * (sends {@code notifications/tools/list_changed}) and {@code crash} (exits). Run with a name, it
 * reports that name in {@code serverInfo}.
 */
public final class ResourceUpstream {
  private static final List<String> URIS = List.of("test://a", "test://b");
  private static final List<String> TOOLS =
      List.of("change", "subscriptions", "listChanged", "crash");
  private static final Map<String, Integer> versions = new ConcurrentHashMap<>();
  private static final TreeSet<String> subscribed = new TreeSet<>();
  private static String name = "resources";

  private ResourceUpstream() {}

  public static void main(String[] args) throws IOException {
    if (args.length > 0) {
      name = args[0];
    }
    var in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    String line;
    while ((line = in.readLine()) != null) {
      for (var entry : JsonRpcCodec.decode(line).entries()) {
        if (entry instanceof DecodedBody.Valid(Request r)) {
          request(r);
        }
      }
    }
  }

  private static void request(Request r) {
    String uri = Json.string(r.params(), "uri").orElse("");
    switch (r.method()) {
      case "initialize" -> send(new Result(r.id(), initializeResult(r)));
      case "resources/list" -> {
        var list = Json.array();
        URIS.forEach(u -> list.add(Json.object().add("uri", u).add("name", u)));
        send(new Result(r.id(), Json.object().add("resources", list).build()));
      }
      case "resources/read" -> read(r, uri);
      case "resources/subscribe" -> {
        if (!URIS.contains(uri)) {
          send(new Failure(r.id(), JsonRpcError.of(-32002, "Resource not found: " + uri)));
          return;
        }
        synchronized (subscribed) {
          subscribed.add(uri);
        }
        send(new Result(r.id(), JsonValue.EMPTY_JSON_OBJECT));
      }
      case "resources/unsubscribe" -> {
        boolean was;
        synchronized (subscribed) {
          was = subscribed.remove(uri);
        }
        // strict, as some servers are: unsubscribing from what is not subscribed is an error
        send(
            was
                ? new Result(r.id(), JsonValue.EMPTY_JSON_OBJECT)
                : new Failure(
                    r.id(),
                    JsonRpcError.of(JsonRpcError.INVALID_PARAMS, "not subscribed to " + uri)));
      }
      case "tools/list" -> {
        var list = Json.array();
        TOOLS.forEach(
            t -> list.add(Json.object().add("name", t).add("inputSchema", objectSchema())));
        send(new Result(r.id(), Json.object().add("tools", list).build()));
      }
      case "tools/call" -> call(r);
      default -> send(new Failure(r.id(), JsonRpcError.methodNotFound(r.method())));
    }
  }

  private static JsonObject initializeResult(Request r) {
    return Json.object()
        .add("protocolVersion", r.params().getString("protocolVersion", "2025-06-18"))
        .add(
            "capabilities",
            Json.object()
                .add("resources", Json.object().add("subscribe", true).add("listChanged", true))
                .add("tools", Json.object().add("listChanged", true)))
        .add("serverInfo", Json.object().add("name", name).add("version", "1"))
        .build();
  }

  private static void read(Request r, String uri) {
    if (!URIS.contains(uri)) {
      send(new Failure(r.id(), JsonRpcError.of(-32002, "Resource not found: " + uri)));
      return;
    }
    var content =
        Json.object()
            .add("uri", uri)
            .add("mimeType", "text/plain")
            .add("text", "version " + versions.getOrDefault(uri, 0));
    send(new Result(r.id(), Json.object().add("contents", Json.array().add(content)).build()));
  }

  private static void call(Request r) {
    JsonObject args = Json.object(r.params(), "arguments").orElse(JsonValue.EMPTY_JSON_OBJECT);
    switch (Json.string(r.params(), "name").orElse("")) {
      case "change" -> {
        String uri = Json.string(args, "uri").orElse("");
        versions.merge(uri, 1, Integer::sum);
        boolean notify;
        synchronized (subscribed) {
          notify = subscribed.contains(uri);
        }
        send(new Result(r.id(), text(notify ? "subscribed" : "not subscribed")));
        if (notify) {
          send(
              new Notification(
                  "notifications/resources/updated", Json.object().add("uri", uri).build()));
        }
      }
      case "subscriptions" -> {
        synchronized (subscribed) {
          send(new Result(r.id(), text(String.join(",", subscribed))));
        }
      }
      case "listChanged" -> {
        send(new Result(r.id(), text("sent")));
        send(new Notification("notifications/tools/list_changed", JsonValue.EMPTY_JSON_OBJECT));
      }
      case "crash" -> System.exit(3);
      default -> send(new Failure(r.id(), JsonRpcError.invalidParams("unknown tool")));
    }
  }

  private static JsonObject objectSchema() {
    return Json.object().add("type", "object").build();
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

  /** The command that runs this server with the test class path, calling itself {@code name}. */
  public static List<String> command(String name) {
    String java = ProcessHandle.current().info().command().orElse("java");
    return List.of(
        java, "-cp", System.getProperty("java.class.path"), ResourceUpstream.class.getName(), name);
  }
}
