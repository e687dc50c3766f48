package io.mcpoperator.gateway.proxy;

import io.mcpoperator.gateway.mcp.ClientSession;
import io.mcpoperator.gateway.mcp.McpClients;
import io.mcpoperator.gateway.mcp.jsonrpc.Json;
import io.mcpoperator.gateway.mcp.jsonrpc.JsonRpcMessage.Notification;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Which client sessions get an upstream notification that belongs to no request: list changes go to
 * everyone, resource updates to the sessions subscribed to that resource, log messages to the
 * sessions whose {@code logging/setLevel} admits their level.
 */
final class Notifications {
  static final List<String> LEVELS =
      List.of("debug", "info", "notice", "warning", "error", "critical", "alert", "emergency");
  private final Supplier<McpClients> clients;
  private final Map<String, Set<String>> subscriptions = new ConcurrentHashMap<>();

  Notifications(Supplier<McpClients> clients) {
    this.clients = clients;
  }

  void fanOut(Notification n) {
    McpClients target = clients.get();
    if (target == null) {
      return;
    }
    Predicate<ClientSession> who =
        switch (n.method()) {
          case "notifications/resources/updated" ->
              subscribedTo(Json.string(n.params(), "uri").orElse(""));
          case "notifications/message" -> admits(Json.string(n.params(), "level").orElse("info"));
          default -> s -> true;
        };
    target.notifyAll(n.method(), n.params(), who);
  }

  /** The upstream came back with other capabilities: every list may have changed. */
  void capabilitiesChanged() {
    for (String kind : List.of("tools", "prompts", "resources")) {
      fanOut(
          new Notification("notifications/" + kind + "/list_changed", JsonValue.EMPTY_JSON_OBJECT));
    }
  }

  /** Records a subscription; true when it is the first for that resource. */
  boolean subscribe(String uri, String sessionId) {
    var sessions = subscriptions.computeIfAbsent(uri, u -> ConcurrentHashMap.newKeySet());
    boolean first = sessions.isEmpty();
    sessions.add(sessionId);
    return first;
  }

  /** Removes a subscription; true when nobody is subscribed to that resource any more. */
  boolean unsubscribe(String uri, String sessionId) {
    var sessions = subscriptions.get(uri);
    if (sessions == null) {
      return false;
    }
    sessions.remove(sessionId);
    if (sessions.isEmpty()) {
      subscriptions.remove(uri);
      return true;
    }
    return false;
  }

  void sessionEnded(String sessionId) {
    subscriptions.keySet().forEach(uri -> unsubscribe(uri, sessionId));
  }

  private Predicate<ClientSession> subscribedTo(String uri) {
    return s ->
        s.id().map(id -> subscriptions.getOrDefault(uri, Set.of()).contains(id)).orElse(false);
  }

  private static Predicate<ClientSession> admits(String level) {
    int rank = LEVELS.indexOf(level);
    return s -> s.logLevel().map(min -> rank >= LEVELS.indexOf(min)).orElse(true);
  }
}
