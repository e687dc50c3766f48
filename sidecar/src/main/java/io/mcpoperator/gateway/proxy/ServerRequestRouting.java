package io.mcpoperator.gateway.proxy;

import io.mcpoperator.gateway.mcp.ClientSession;
import io.mcpoperator.gateway.mcp.McpProtocol;
import io.mcpoperator.gateway.mcp.jsonrpc.JsonRpcMessage.Request;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which client request a server-to-client request (sampling, elicitation, roots) of the shared
 * upstream belongs to. Over HTTP the upstream sends it on the response stream of the request it
 * serves, so it is known exactly. Over stdio nothing in the message names that request, so the
 * gateway narrows the requests in flight to those whose client could answer: a session-based client
 * (2026-07-28 clients take no server requests) that declared the capability the method needs. When
 * they all belong to one session, that is the one. Otherwise the request is ambiguous and refused
 * rather than sent to a guess.
 */
final class ServerRequestRouting {
  private static final Map<String, String> CAPABILITY =
      Map.of(
          "sampling/createMessage", "sampling",
          "elicitation/create", "elicitation",
          "roots/list", "roots");

  private ServerRequestRouting() {}

  /** The outcome: the route to ask, or why there is none. */
  sealed interface Choice {
    record To(Route route) implements Choice {}

    /** No client request in flight could answer it. */
    record Nobody() implements Choice {}

    /** Several sessions could; the upstream's message does not say which. */
    record Ambiguous(int sessions) implements Choice {}
  }

  static Choice pick(Request request, Optional<Route> related, Collection<Route> inFlight) {
    if (related.isPresent()) {
      return new Choice.To(related.get());
    }
    List<Route> able =
        inFlight.stream().filter(r -> canAnswer(r.client().session(), request)).toList();
    long sessions = able.stream().map(r -> r.client().session().id()).distinct().count();
    if (sessions == 1) {
      return new Choice.To(able.getFirst());
    }
    return sessions == 0 ? new Choice.Nobody() : new Choice.Ambiguous((int) sessions);
  }

  private static boolean canAnswer(ClientSession session, Request request) {
    if (session.id().isEmpty() || McpProtocol.stateless(session.protocolVersion())) {
      return false;
    }
    String capability = CAPABILITY.get(request.method());
    return capability == null || session.hasCapability(capability);
  }
}
