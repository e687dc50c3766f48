package io.mcpoperator.k8stools;

import io.helidon.http.DirectHandler;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http1.Http1Config;
import io.mcpoperator.k8stools.config.ServerConfig;
import io.mcpoperator.k8stools.exec.CommandRunner;
import io.mcpoperator.k8stools.mcp.K8sToolsBackend;
import io.mcpoperator.k8stools.service.ToolInventory;
import io.mcpoperator.k8stools.service.ToolService;
import io.mcpoperator.k8stools.web.DocsPage;
import io.mcpoperator.k8stools.web.HealthRoutes;
import io.mcpoperator.k8stools.web.JsonPages;
import io.mcpoperator.k8stools.web.OpenApiDocument;
import io.mcpoperator.k8stools.web.TooLargeReply;
import io.mcpoperator.k8stools.web.ToolsRoutes;
import io.mcpoperator.mcp.transport.McpHttpEndpoint;
import io.mcpoperator.mcp.transport.TransportLimits;
import jakarta.json.JsonObject;
import java.time.Duration;

/** Wires the services into a Helidon WebServer: REST, OpenAPI, docs, health and MCP at /mcp. */
public final class K8sToolsServer implements AutoCloseable {
  /** Kubeconfigs with embedded certificates exceed Helidon's default 16 KiB of headers. */
  private static final int MAX_HEADERS_BYTES = 256 * 1024;

  private static final long MAX_BODY_BYTES = 4L * 1024 * 1024;

  private final WebServer server;
  private final McpHttpEndpoint mcp;

  private K8sToolsServer(WebServer server, McpHttpEndpoint mcp) {
    this.server = server;
    this.mcp = mcp;
  }

  /** Builds and starts the server. */
  public static K8sToolsServer start(ServerConfig config) {
    String version = VersionInfo.version();
    CommandRunner runner = new CommandRunner();
    ToolService service =
        new ToolService(
            config.policy(),
            config.locator(),
            runner,
            new ToolService.ExecutionLimits(
                config.timeout(), config.maxOutputChars(), config.tempRoot()));
    ToolInventory inventory = new ToolInventory(config.locator(), runner, config.tempRoot());
    McpHttpEndpoint mcp =
        McpHttpEndpoint.builder()
            .backend(new K8sToolsBackend(service, version, config.policy().mode().label()))
            .limits(
                new TransportLimits(
                    MAX_BODY_BYTES,
                    config.timeout().plus(Duration.ofSeconds(30)),
                    100,
                    Duration.ofSeconds(15),
                    1024))
            .allowedOrigins(config.allowedOrigins())
            .build();
    TooLargeReply tooLarge = new TooLargeReply(MAX_BODY_BYTES);
    JsonObject openapi = OpenApiDocument.build(version);
    String docs = DocsPage.render(openapi);
    WebServer server =
        WebServer.builder()
            .host(config.host())
            .port(config.port())
            .maxPayloadSize(MAX_BODY_BYTES)
            .directHandlers(
                handlers ->
                    handlers
                        .addHandler(DirectHandler.EventType.BAD_REQUEST, tooLarge)
                        .addHandler(DirectHandler.EventType.PAYLOAD_TOO_LARGE, tooLarge))
            .addProtocol(Http1Config.builder().maxHeadersSize(MAX_HEADERS_BYTES).build())
            .routing(
                routing ->
                    routing
                        .register(new HealthRoutes(version))
                        .register(new ToolsRoutes(service, inventory, config.allowedOrigins()))
                        .register(new JsonPages(openapi, docs))
                        .register(mcp))
            .build()
            .start();
    return new K8sToolsServer(server, mcp);
  }

  /** The port the server listens on (useful with port 0). */
  public int port() {
    return server.port();
  }

  @Override
  public void close() {
    server.stop();
    mcp.close();
  }
}
