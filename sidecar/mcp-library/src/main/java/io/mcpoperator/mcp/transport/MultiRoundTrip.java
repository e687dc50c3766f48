package io.mcpoperator.mcp.transport;

import io.mcpoperator.mcp.McpProtocol;
import io.mcpoperator.mcp.session.ClientSession;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * When a server-to-client request can reach a 2026-07-28 (stateless) client: as an input request of
 * a multi round-trip (MRTR) {@code input_required} result, which only {@code tools/call}, {@code
 * prompts/get} and {@code resources/read} may return, for the methods {@code inputRequests} carries
 * ({@link McpProtocol#INPUT_REQUEST_METHODS}), when the request's {@code _meta} declared the
 * capability the method needs.
 */
public final class MultiRoundTrip {
  /** The client requests whose result may be {@code input_required}. */
  public static final Set<String> REQUEST_METHODS =
      Set.of("tools/call", "prompts/get", "resources/read");

  private static final Map<String, String> CAPABILITY =
      Map.of(
          "sampling/createMessage", "sampling",
          "elicitation/create", "elicitation",
          "roots/list", "roots");

  private MultiRoundTrip() {}

  /** The client capability a server-to-client request needs, if it is one MCP defines. */
  public static Optional<String> capability(String inputMethod) {
    return Optional.ofNullable(CAPABILITY.get(inputMethod));
  }

  /**
   * True when the stateless {@code client}, while its {@code requestMethod} is served, can be asked
   * {@code inputMethod}.
   */
  public static boolean canAsk(ClientSession client, String requestMethod, String inputMethod) {
    return refusal(client, requestMethod, inputMethod).isEmpty();
  }

  /** Why the stateless {@code client} cannot be asked {@code inputMethod}; empty when it can. */
  static Optional<String> refusal(ClientSession client, String requestMethod, String inputMethod) {
    if (!REQUEST_METHODS.contains(requestMethod)) {
      return Optional.of(
          inputMethod
              + " cannot reach a "
              + client.protocolVersion()
              + " client during "
              + requestMethod
              + " (only "
              + REQUEST_METHODS.stream().sorted().toList()
              + " may answer input_required)");
    }
    Optional<String> capability = capability(inputMethod);
    if (capability.isEmpty()) {
      return Optional.of(
          inputMethod + " is not one of the input requests " + McpProtocol.INPUT_REQUEST_METHODS);
    }
    if (!client.hasCapability(capability.get())) {
      return Optional.of(
          "the client did not declare the "
              + capability.get()
              + " capability in its _meta, so it cannot be asked "
              + inputMethod);
    }
    return Optional.empty();
  }
}
