package io.mcpoperator.operator.api;

import java.util.Arrays;
import java.util.Optional;

/** How the gateway talks to the MCP server in the image. */
public enum Transport {
  STDIO("stdio"),
  STREAMABLE_HTTP("streamable-http"),
  SSE("sse");

  private final String value;

  Transport(String value) {
    this.value = value;
  }

  /** The spelling used in the resource and in the gateway configuration. */
  public String value() {
    return value;
  }

  /** True for the transports where the server listens on {@code spec.port}. */
  public boolean http() {
    return this != STDIO;
  }

  static Optional<Transport> of(String value) {
    return Arrays.stream(values()).filter(t -> t.value.equals(value)).findFirst();
  }
}
