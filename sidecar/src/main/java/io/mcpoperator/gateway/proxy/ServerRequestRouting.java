package io.mcpoperator.gateway.proxy;

import io.mcpoperator.mcp.McpProtocol;
import io.mcpoperator.mcp.jsonrpc.JsonRpcMessage.Request;
import io.mcpoperator.mcp.session.ClientSession;
import io.mcpoperator.mcp.transport.MultiRoundTrip;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Which client request a server-to-client request (sampling, elicitation, roots) of the shared
 * upstream belongs to. Over HTTP the upstream sends it on the response stream of the request it
 * serves, so it is known exactly. Over stdio nothing in the message names that request, so the
 * gateway narrows the requests in flight to those whose client could answer: a session-based client
 * that declared the capability the method needs, or a 2026-07-28 request that can be answered
 * {@code input_required} and declared it in its {@code _meta} ({@link MultiRoundTrip}). When they
 * all belong to one session (each stateless request is a client of its own), that is the one.
 * Otherwise the request is ambiguous and refused rather than sent to a guess.
 */
final class ServerRequestRouting {
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
    List<Route> able = inFlight.stream().filter(r -> canAnswer(r, request)).toList();
    long sessions = able.stream().map(ServerRequestRouting::client).distinct().count();
    if (sessions == 1) {
      return new Choice.To(able.getFirst());
    }
    return sessions == 0 ? new Choice.Nobody() : new Choice.Ambiguous((int) sessions);
  }

  private static boolean canAnswer(Route route, Request request) {
    ClientSession session = route.client().session();
    if (McpProtocol.stateless(session.protocolVersion())) {
      return MultiRoundTrip.canAsk(session, route.client().method(), request.method());
    }
    if (session.id().isEmpty()) {
      return false;
    }
    return MultiRoundTrip.capability(request.method()).map(session::hasCapability).orElse(true);
  }

  /** Who answers for the route: its session, or the request itself when it has none. */
  private static Object client(Route route) {
    Optional<String> session = route.client().session().id();
    return session.isPresent() ? session.get() : route;
  }
}
