package io.mcpoperator.gateway.proxy;

import io.mcpoperator.mcp.McpClients;
import io.mcpoperator.mcp.OncePerSession;
import io.mcpoperator.mcp.jsonrpc.Json;
import io.mcpoperator.mcp.jsonrpc.JsonRpcMessage.Notification;
import io.mcpoperator.mcp.session.ClientSession;
import io.mcpoperator.mcp.session.ResourceSubscriptions;
import io.mcpoperator.mcp.session.SessionStoreUnavailableException;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which client sessions get an upstream notification that belongs to no request: list changes go to
 * every live session (whichever replica it is on), resource updates to the sessions subscribed to
 * that resource (on any replica), log messages to the sessions whose {@code logging/setLevel}
 * admits their level.
 */
final class Notifications {
  private static final Logger LOG = LoggerFactory.getLogger(Notifications.class);
  static final List<String> LEVELS =
      List.of("debug", "info", "notice", "warning", "error", "critical", "alert", "emergency");
  private static final List<String> LISTS = List.of("tools", "prompts", "resources");
  private final Supplier<McpClients> clients;
  private final ResourceSubscriptions subscriptions;

  Notifications(Supplier<McpClients> clients, ResourceSubscriptions subscriptions) {
    this.clients = clients;
    this.subscriptions = subscriptions;
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
    if (who != null) {
      target.notifyAll(n.method(), n.params(), who);
    }
  }

  /** The upstream came back with other capabilities: every list may have changed. */
  void capabilitiesChanged() {
    for (String kind : LISTS) {
      fanOut(
          new Notification("notifications/" + kind + "/list_changed", JsonValue.EMPTY_JSON_OBJECT));
    }
  }

  /**
   * A reloaded configuration named another upstream: every list may have changed. Each replica
   * reloads and says so; each session hears it once per {@code change} (a fingerprint of the new
   * upstream configuration).
   */
  void upstreamReplaced(String change) {
    McpClients target = clients.get();
    if (target == null) {
      return;
    }
    for (String kind : LISTS) {
      target.notifyAll(
          "notifications/" + kind + "/list_changed",
          JsonValue.EMPTY_JSON_OBJECT,
          OncePerSession.everyone("upstream/" + kind, change));
    }
  }

  /** The sessions subscribed to {@code uri}; null (nobody to tell) when there are none. */
  private Predicate<ClientSession> subscribedTo(String uri) {
    Set<String> subscribers;
    try {
      subscribers = subscriptions.subscribers(uri);
    } catch (SessionStoreUnavailableException e) {
      LOG.warn("dropping resources/updated for {}: {}", uri, e.getMessage());
      return null;
    }
    return subscribers.isEmpty() ? null : s -> s.id().map(subscribers::contains).orElse(false);
  }

  private static Predicate<ClientSession> admits(String level) {
    int rank = LEVELS.indexOf(level);
    return s -> s.logLevel().map(min -> rank >= LEVELS.indexOf(min)).orElse(true);
  }
}
