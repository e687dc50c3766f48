package io.mcpoperator.mcp.testing;

import io.helidon.webserver.WebServer;
import io.mcpoperator.mcp.transport.McpHttpEndpoint;

/** A WebServer on a free loopback port serving one endpoint. */
public final class TestServer implements AutoCloseable {
  private final WebServer server;
  private final McpHttpEndpoint endpoint;

  public TestServer(McpHttpEndpoint endpoint) {
    this(endpoint, 0);
  }

  public TestServer(McpHttpEndpoint endpoint, int port) {
    this.endpoint = endpoint;
    this.server =
        WebServer.builder()
            .host("127.0.0.1")
            .port(port)
            .routing(r -> r.register(endpoint))
            .build()
            .start();
  }

  public String baseUri() {
    return "http://127.0.0.1:" + server.port();
  }

  public int port() {
    return server.port();
  }

  public McpHttpEndpoint endpoint() {
    return endpoint;
  }

  @Override
  public void close() {
    server.stop();
    endpoint.close();
  }
}
