package io.mcpoperator.operator.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.sun.net.httpserver.HttpServer;
import io.mcpoperator.operator.config.OperatorConfig;
import io.mcpoperator.operator.k8s.ResourceType;
import io.mcpoperator.operator.testing.OperatorFixture;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An MCPServer with an image and a toolSelector: the operator asks a ready gateway pod which
 * aggregated items the upstream shadows and names them in the Aggregated condition. A local HTTP
 * server on 127.0.0.1 stands in for the gateway pod (its port is the operator's gateway port).
 */
class ShadowedByUpstreamIT {
  private static final String NS = "team-a";
  private final AtomicReference<String> answer =
      new AtomicReference<>(
          "{\"shadowed\":{\"tools\":[\"echo\"],\"prompts\":[],\"resources\":[]}}");
  private final HttpServer gateway = gateway();
  private final OperatorFixture fixture = OperatorFixture.start(config(gateway.getAddress()));

  @AfterEach
  void stop() {
    fixture.close();
    gateway.stop(0);
  }

  @Test
  void theAggregatedConditionNamesWhatTheUpstreamShadowsAndFollowsTheGateway() throws Exception {
    fixture.create(
        ResourceType.SERVICE,
        """
        apiVersion: v1
        kind: Service
        metadata: {name: echo-api, namespace: team-a}
        spec: {ports: [{port: 8080}]}
        """);
    fixture.create(
        ResourceType.MCP_TOOL,
        """
        apiVersion: mcpoperator.io/v1alpha1
        kind: MCPTool
        metadata: {name: echo, namespace: team-a, labels: {server: assistant}}
        spec: {name: echo, service: {name: echo-api, port: 8080}}
        """);
    fixture.createServer(
        NS,
        "assistant",
        """
        {"image": "mcp/everything", "transport": "streamable-http", "port": 3001,
         "toolSelector": {"matchLabels": {"server": "assistant"}}}
        """);
    await()
        .atMost(OperatorFixture.WAIT)
        .until(() -> aggregated().toString().contains("AllSelectedServed"));

    readyPod();

    await()
        .atMost(OperatorFixture.WAIT)
        .until(() -> aggregated().toString().contains("ShadowedByUpstream"));
    assertThat(aggregated().get("status").getAsString()).isEqualTo("False");
    assertThat(aggregated().get("message").getAsString())
        .contains("serving 1 tool")
        .contains("shadowed by the upstream server: tool echo");

    answer.set("{\"shadowed\":{\"tools\":[],\"prompts\":[],\"resources\":[]}}");
    await()
        .atMost(OperatorFixture.WAIT)
        .until(() -> aggregated().toString().contains("AllSelectedServed"));
    assertThat(aggregated().get("status").getAsString()).isEqualTo("True");
  }

  private void readyPod() throws Exception {
    fixture.create(
        ResourceType.POD,
        """
        apiVersion: v1
        kind: Pod
        metadata:
          name: assistant-1
          namespace: team-a
          labels:
            app.kubernetes.io/name: mcpserver
            app.kubernetes.io/instance: assistant
            app.kubernetes.io/managed-by: mcp-operator
        spec: {containers: [{name: gateway, image: gw}]}
        status:
          phase: Running
          podIP: 127.0.0.1
          conditions: [{type: Ready, status: "True"}]
        """);
  }

  private JsonObject aggregated() {
    JsonObject status = fixture.status(NS, "assistant");
    if (status.has("conditions")) {
      for (JsonElement c : status.getAsJsonArray("conditions")) {
        if ("Aggregated".equals(c.getAsJsonObject().get("type").getAsString())) {
          return c.getAsJsonObject();
        }
      }
    }
    return new JsonObject();
  }

  private HttpServer gateway() {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      server.createContext(
          "/observe/aggregation",
          exchange -> {
            byte[] body = answer.get().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
          });
      server.start();
      return server;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static OperatorConfig config(InetSocketAddress gateway) {
    OperatorConfig c = OperatorFixture.config(false, "operator-1");
    return new OperatorConfig(
        c.childSettings().withGatewayPort(gateway.getPort()),
        c.watchNamespaces(),
        c.leaderElection(),
        c.healthHost(),
        c.healthPort(),
        c.deletionTimeout(),
        c.resyncPeriod(),
        c.workers());
  }
}
