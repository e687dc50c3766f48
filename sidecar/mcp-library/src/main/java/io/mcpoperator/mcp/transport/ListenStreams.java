package io.mcpoperator.mcp.transport;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerResponse;
import io.mcpoperator.mcp.jsonrpc.Json;
import io.mcpoperator.mcp.jsonrpc.JsonRpcCodec;
import io.mcpoperator.mcp.jsonrpc.JsonRpcError;
import io.mcpoperator.mcp.jsonrpc.JsonRpcMessage.Failure;
import io.mcpoperator.mcp.jsonrpc.JsonRpcMessage.Notification;
import io.mcpoperator.mcp.jsonrpc.JsonRpcMessage.Request;
import io.mcpoperator.mcp.session.StoredEvent;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The 2026-07-28 {@code subscriptions/listen} streams this replica holds. A listen request opens an
 * SSE response whose first message is {@code notifications/subscriptions/acknowledged} with the
 * filter fields the gateway honours; after it come the list changes the client opted in to, each
 * tagged with the subscription's id (the listen request's JSON-RPC id) in {@code _meta}, until the
 * client hangs up or the replica drains. A list change is honoured when the server's capabilities
 * announce {@code listChanged} for that list; {@code resourceSubscriptions} is not (resource
 * updates reach only sessions that subscribed with {@code resources/subscribe}), so the
 * acknowledgement leaves it out. A stream hears the changes announced on its replica; every replica
 * announces the changes of its upstream and configuration.
 */
final class ListenStreams {
  static final String METHOD = "subscriptions/listen";
  static final String META_SUBSCRIPTION_ID = "io.modelcontextprotocol/subscriptionId";

  /** Filter field → the list (capability) it is about. */
  private static final Map<String, String> LIST_FILTERS =
      Map.of(
          "toolsListChanged", "tools",
          "promptsListChanged", "prompts",
          "resourcesListChanged", "resources");

  private record Listener(JsonValue id, Set<String> methods, StreamConnection connection) {}

  private final Set<Listener> open = ConcurrentHashMap.newKeySet();
  private final Supplier<JsonObject> capabilities;
  private final TransportSettings settings;
  private final Drain drain;

  ListenStreams(Supplier<JsonObject> capabilities, TransportSettings settings, Drain drain) {
    this.capabilities = capabilities;
    this.settings = settings;
    this.drain = drain;
  }

  /** Serves a listen request on this response until the stream ends. */
  void serve(ServerResponse res, Request request) throws InterruptedException {
    if (!(request.params().get("notifications") instanceof JsonObject requested)) {
      HttpReplies.message(
          res,
          Status.BAD_REQUEST_400,
          new Failure(
              request.id(),
              JsonRpcError.invalidParams(
                  "subscriptions/listen needs params.notifications, an object with any of"
                      + " toolsListChanged, promptsListChanged, resourcesListChanged (booleans)"
                      + " and resourceSubscriptions (URIs)")));
      return;
    }
    if (open.size() >= settings.limits().maxSessions()) {
      res.header(HeaderNames.RETRY_AFTER, "5");
      HttpReplies.message(
          res,
          Status.SERVICE_UNAVAILABLE_503,
          new Failure(
              request.id(),
              JsonRpcError.of(
                  JsonRpcError.SERVER_UNAVAILABLE,
                  "Service Unavailable: this replica holds its limit of "
                      + settings.limits().maxSessions()
                      + " listen streams (limits.maxSessions); retry later")));
      return;
    }
    Map<String, Boolean> honoured = honoured(requested, capabilities.get());
    Set<String> methods = ConcurrentHashMap.newKeySet();
    honoured
        .keySet()
        .forEach(f -> methods.add("notifications/" + LIST_FILTERS.get(f) + "/list_changed"));
    var connection = new StreamConnection(settings.limits().streamBuffer());
    var listener = new Listener(request.id(), methods, connection);
    drain.opened(connection, () -> true);
    open.add(listener);
    try {
      SseWriter writer = SseWriter.open(res);
      var filter = Json.object();
      honoured.forEach(filter::add);
      try {
        writer.message(
            Optional.empty(),
            JsonRpcCodec.encode(
                new Notification(
                    "notifications/subscriptions/acknowledged",
                    Json.object()
                        .add("notifications", filter)
                        .add("_meta", Json.object().add(META_SUBSCRIPTION_ID, request.id()))
                        .build())));
      } catch (IOException e) {
        writer.close();
        return;
      }
      connection.pump(writer, List.of(), settings.limits().keepAlive());
    } finally {
      open.remove(listener);
      drain.closed(connection);
    }
  }

  /** The requested list filters whose list announces listChanged, in a stable order. */
  static Map<String, Boolean> honoured(JsonObject requested, JsonObject capabilities) {
    var honoured = new LinkedHashMap<String, Boolean>();
    for (String field : List.of("toolsListChanged", "promptsListChanged", "resourcesListChanged")) {
      boolean asked = requested.get(field) == JsonValue.TRUE;
      boolean offered =
          Json.object(capabilities, LIST_FILTERS.get(field))
              .map(c -> c.get("listChanged") == JsonValue.TRUE)
              .orElse(false);
      if (asked && offered) {
        honoured.put(field, true);
      }
    }
    return honoured;
  }

  /** Hands a notification meant for every client to the listen streams that opted in to it. */
  void deliver(String method, JsonObject params) {
    for (Listener listener : open) {
      if (listener.methods().contains(method)) {
        JsonObject meta = Json.object(params, "_meta").orElse(JsonValue.EMPTY_JSON_OBJECT);
        JsonObject tagged =
            Json.object(params)
                .add("_meta", Json.object(meta).add(META_SUBSCRIPTION_ID, listener.id()))
                .build();
        listener
            .connection()
            .onEvent(
                new StoredEvent(
                    "", "listen", JsonRpcCodec.encode(new Notification(method, tagged)), false));
      }
    }
  }
}
