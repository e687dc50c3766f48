package io.mcpoperator.operator.api;

/** An MCPTool, MCPPrompt or MCPResource: an object an MCPServer can select and serve. */
public sealed interface Member permits McpTool, McpPrompt, McpResource {

  ResourceMeta meta();

  /** The name MCP clients see ({@code spec.name}). */
  String name();
}
