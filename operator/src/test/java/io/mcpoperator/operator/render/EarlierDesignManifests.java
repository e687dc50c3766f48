package io.mcpoperator.operator.render;

import io.mcpoperator.operator.testing.LocalRegistry;
import io.mcpoperator.operator.testing.TestImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Manifests in the shapes of the two earlier designs, pointing at images in a loopback registry: an
 * image server with env from a secretKeyRef and no command (the Go operator's postgres-server), an
 * aggregating server with an image, Redis, an Ingress and a toolSelector, and the MCPTool,
 * MCPPrompt and MCPResource it selects.
 */
final class EarlierDesignManifests {
  static final List<String> POSTGRES_ENTRYPOINT = List.of("mcp-server-postgres");
  static final List<String> POSTGRES_CMD = List.of("--stdio");
  static final List<String> EVERYTHING_ENTRYPOINT = List.of("node", "/app/index.js");
  static final List<String> EVERYTHING_CMD = List.of("stdio");

  private EarlierDesignManifests() {}

  /** Pushes the images: postgres-server (OCI image), everything (OCI index, amd64 + arm64). */
  static void push(LocalRegistry registry) throws Exception {
    registry.push("mcp/postgres-server", "1.0", TestImages.oci(POSTGRES_ENTRYPOINT, POSTGRES_CMD));
    TestImages.Image amd64 =
        TestImages.image(TestImages.OCI_MANIFEST, "amd64", EVERYTHING_ENTRYPOINT, EVERYTHING_CMD);
    TestImages.Image arm64 =
        TestImages.image(TestImages.OCI_MANIFEST, "arm64", List.of("wrong-arch"), List.of());
    registry.push(
        "mcp/everything",
        "2",
        TestImages.index(TestImages.OCI_INDEX, List.of("arm64", "amd64"), List.of(arm64, amd64)));
  }

  /**
   * Writes the manifests into {@code dir}: the postgres server's image at {@code postgresRegistry},
   * the aggregating server's at {@code aggregatingRegistry} (a registry address or a token proxy in
   * front of one).
   */
  static void write(Path dir, String postgresRegistry, String aggregatingRegistry)
      throws Exception {
    Files.writeString(
        dir.resolve("postgres-server.yaml"),
        """
        apiVersion: v1
        kind: Secret
        metadata: {name: pg-credentials}
        stringData: {url: "postgres://mcp:mcp@postgres:5432/mcp"}
        ---
        apiVersion: mcpoperator.io/v1alpha1
        kind: MCPServer
        metadata:
          name: postgres-server
        spec:
          image: %s/mcp/postgres-server
          tag: "1.0"
          env:
            - name: DATABASE_URL
              valueFrom:
                secretKeyRef: {name: pg-credentials, key: url}
        """
            .formatted(postgresRegistry));
    Files.writeString(
        dir.resolve("aggregating-server.yaml"),
        """
        apiVersion: mcpoperator.io/v1alpha1
        kind: MCPServer
        metadata:
          name: team-assistant
        spec:
          image: %s/mcp/everything:2
          transport: stdio
          replicas: 2
          toolSelector:
            matchLabels: {mcp.example.com/server: team-assistant}
          redis:
            serviceName: mcp-redis
            port: 6379
            passwordSecret: {name: mcp-redis, key: password}
          ingress:
            host: mcp.example.com
            tlsSecretName: mcp-example-com-tls
            pathPrefix: /mcp
            className: nginx
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: team-weather-api}
        spec: {ports: [{port: 80}]}
        ---
        apiVersion: mcpoperator.io/v1alpha1
        kind: MCPTool
        metadata:
          name: team-weather
          labels: {mcp.example.com/server: team-assistant}
        spec:
          name: get-weather
          description: Current weather for a city.
          service: {name: team-weather-api, port: 80, path: /forecast}
          method: GET
          inputSchema:
            type: object
            properties: {city: {type: string}}
            required: [city]
        ---
        apiVersion: mcpoperator.io/v1alpha1
        kind: MCPPrompt
        metadata:
          name: team-report
          labels: {mcp.example.com/server: team-assistant}
        spec:
          name: weather-report
          template: "Write a weather report for {{city}}."
          variables: [{name: city, required: true}]
        ---
        apiVersion: mcpoperator.io/v1alpha1
        kind: MCPResource
        metadata:
          name: team-runbook
          labels: {mcp.example.com/server: team-assistant}
        spec:
          name: runbook
          content: {uri: "docs://runbook", mimeType: text/markdown, text: "# Runbook"}
        """
            .formatted(aggregatingRegistry));
  }
}
