package io.mcpoperator.mcp;

import java.util.List;

/** The MCP protocol revisions this library speaks and the rules that differ between them. */
public final class McpProtocol {
  /** Legacy HTTP+SSE era; accepted for old clients. */
  public static final String V2024_11_05 = "2024-11-05";

  public static final String V2025_03_26 = "2025-03-26";
  public static final String V2025_06_18 = "2025-06-18";
  public static final String V2025_11_25 = "2025-11-25";

  /**
   * Stateless revision: no initialize, no session; version and capabilities in each {@code _meta}.
   */
  public static final String V2026_07_28 = "2026-07-28";

  /** Session-based revisions, oldest first. */
  public static final List<String> SESSION_VERSIONS =
      List.of(V2024_11_05, V2025_03_26, V2025_06_18, V2025_11_25);

  /** The newest session-based revision: the answer to an initialize asking for an unknown one. */
  public static final String LATEST_SESSION_VERSION = V2025_11_25;

  /** Every revision accepted in an {@code MCP-Protocol-Version} header. */
  public static final List<String> ALL_VERSIONS =
      List.of(V2024_11_05, V2025_03_26, V2025_06_18, V2025_11_25, V2026_07_28);

  /** {@code _meta} key carrying the protocol version of a stateless request. */
  public static final String META_PROTOCOL_VERSION = "io.modelcontextprotocol/protocolVersion";

  /** {@code _meta} key carrying the client capabilities of a stateless request. */
  public static final String META_CLIENT_CAPABILITIES =
      "io.modelcontextprotocol/clientCapabilities";

  /** {@code _meta} key carrying the client info of a stateless request. */
  public static final String META_CLIENT_INFO = "io.modelcontextprotocol/clientInfo";

  /** Result {@code _meta} key carrying the server info (2026-07-28 results, server/discover). */
  public static final String META_SERVER_INFO = "io.modelcontextprotocol/serverInfo";

  /** The stateless revisions this library speaks, newest first. */
  public static final List<String> STATELESS_VERSIONS = List.of(V2026_07_28);

  /** Result field telling a final result from one that needs more input (2026-07-28). */
  public static final String RESULT_TYPE = "resultType";

  /** {@link #RESULT_TYPE} of a final result. */
  public static final String RESULT_COMPLETE = "complete";

  /** {@link #RESULT_TYPE} of a multi round-trip (MRTR) result asking the client for input. */
  public static final String RESULT_INPUT_REQUIRED = "input_required";

  /** The server-to-client requests an MRTR result may carry in {@code inputRequests}. */
  public static final List<String> INPUT_REQUEST_METHODS =
      List.of("elicitation/create", "sampling/createMessage", "roots/list");

  private McpProtocol() {}

  /**
   * The version an initialize answers with: the requested one when it is a session-based revision
   * we speak, else our latest (the client then decides whether it can continue).
   */
  public static String negotiate(String requested) {
    return SESSION_VERSIONS.contains(requested) ? requested : LATEST_SESSION_VERSION;
  }

  /** True when {@code version} may appear in an {@code MCP-Protocol-Version} header. */
  public static boolean supported(String version) {
    return ALL_VERSIONS.contains(version);
  }

  /** True when the revision allows JSON-RPC batches (only 2025-03-26, and 2024-11-05 before it). */
  public static boolean allowsBatches(String version) {
    return V2025_03_26.equals(version) || V2024_11_05.equals(version);
  }

  /**
   * True when the revision asks servers to prime SSE streams with an empty event carrying an id.
   */
  public static boolean primesStreams(String version) {
    return V2025_11_25.compareTo(version) <= 0 && !V2026_07_28.equals(version);
  }

  /** True for the stateless revision(s). */
  public static boolean stateless(String version) {
    return V2026_07_28.compareTo(version) <= 0;
  }

  /** The newest stateless revision we speak among {@code offered}, if any. */
  public static java.util.Optional<String> newestStateless(java.util.Collection<String> offered) {
    return STATELESS_VERSIONS.stream().filter(offered::contains).findFirst();
  }
}
