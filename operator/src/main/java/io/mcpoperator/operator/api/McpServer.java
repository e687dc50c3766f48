package io.mcpoperator.operator.api;

import java.util.Optional;

/** A parsed, valid MCPServer: metadata, spec with defaults applied, and the status last written. */
public record McpServer(ResourceMeta meta, McpServerSpec spec, Optional<McpServerStatus> status) {

  /** API group/version of the custom resources. */
  public static final String API_VERSION = "mcpoperator.io/v1alpha1";

  /** Kind of the server resource. */
  public static final String KIND = "MCPServer";

  /** The operator's finalizer: keeps an MCPServer until its pods are gone. */
  public static final String FINALIZER = "mcpoperator.io/finalizer";
}
