package io.mcpoperator.operator.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcpoperator.operator.desired.TestServers;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class McpServerParserTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          neither image nor toolSelector | replicas: 2 | spec.image, spec.registry or spec.toolSelector is required: set spec.image to run an MCP server image, spec.registry to run a registry entry, or spec.toolSelector to aggregate MCPTools, MCPPrompts and MCPResources
          unknown transport              | {image: mcp/x, transport: websocket} | spec.transport must be one of stdio, streamable-http, sse; got "websocket"
          unknown service type           | {image: mcp/x, transport: sse, serviceType: ExternalName} | spec.serviceType must be one of ClusterIP, NodePort, LoadBalancer; got "ExternalName"
          negative replicas              | {image: mcp/x, transport: sse, replicas: -1} | spec.replicas must be between 0 and 1000, got -1
          replicas not a number          | {image: mcp/x, transport: sse, replicas: three} | spec.replicas must be an integer, got "three"
          port out of range              | {image: mcp/x, transport: sse, port: 70000} | spec.port must be between 1 and 65535, got 70000
          relative path                  | {image: mcp/x, transport: sse, path: mcp} | spec.path must be an absolute URL path such as /mcp; got "mcp"
          bad request timeout            | {image: mcp/x, transport: sse, config: {requestTimeout: soon}} | spec.config.requestTimeout must be a positive duration such as 30s, 1m30s or 500ms; got "soon"
          zero idle timeout              | {image: mcp/x, transport: sse, config: {sessionIdleTimeout: 0s}} | spec.config.sessionIdleTimeout must be a positive duration such as 30s, 1m30s or 500ms; got "0s"
          zero concurrency               | {image: mcp/x, transport: sse, config: {maxConcurrentRequests: 0}} | spec.config.maxConcurrentRequests must be between 1 and 100000, got 0
          redis without service          | {image: mcp/x, transport: sse, redis: {port: 6379}} | spec.redis.serviceName is required when spec.redis is set
          redis secret without name      | {image: mcp/x, transport: sse, redis: {serviceName: r, passwordSecret: {key: k}}} | spec.redis.passwordSecret.name is required: name the Secret that holds the password
          ingress prefix not absolute    | {image: mcp/x, transport: sse, ingress: {pathPrefix: mcp}} | spec.ingress.pathPrefix must start with /; got "mcp"
          env entry with unknown field   | {image: mcp/x, transport: sse, env: [{name: A, valu: b}]} | spec.env[0] is not a valid EnvVar: The field `valu` in the JSON string is not defined in the `V1EnvVar` properties
          args not a list                | {image: mcp/x, transport: sse, args: --verbose} | spec.args must be a list
          command item not a string      | {image: mcp/x, command: [{a: b}]} | spec.command[0] must be a string
          body size not a size           | {image: mcp/x, transport: sse, config: {maxBodySize: huge}} | spec.config.maxBodySize must be a size from 1Ki to 1Gi such as 4Mi; got "huge"
          body size too large            | {image: mcp/x, transport: sse, config: {maxBodySize: 2Gi}} | spec.config.maxBodySize must be a size from 1Ki to 1Gi such as 4Mi; got "2Gi"
          rate limit without rate        | {image: mcp/x, transport: sse, config: {rateLimit: {burst: 5}}} | spec.config.rateLimit.requestsPerMinute is required when spec.config.rateLimit is set
          tag twice                      | {image: "mcp/x:1.0", tag: "2.0", transport: sse} | spec.tag conflicts with the tag or digest already in spec.image "mcp/x:1.0": write the tag in one place
          config not an object           | {image: mcp/x, transport: sse, config: fast} | spec.config must be an object
          """)
  void invalidSpecSaysWhatToFix(String name, String spec, String message) {
    ParsedServer parsed = McpServerParser.parse(TestServers.json(TestServers.yaml(spec)));

    assertThat(parsed).isInstanceOf(ParsedServer.Invalid.class);
    assertThat(((ParsedServer.Invalid) parsed).message()).startsWith(message);
    assertThat(parsed.meta().name()).isEqualTo("demo");
  }

  @Test
  void nameThatCannotNameAServiceIsInvalid() {
    ParsedServer parsed =
        McpServerParser.parse(
            TestServers.json(
                """
                metadata: {name: 1st-server, namespace: ns}
                spec: {image: mcp/x, transport: sse}
                """));

    assertThat(((ParsedServer.Invalid) parsed).message())
        .startsWith("metadata.name \"1st-server\" cannot name a Service");
  }

  @Test
  void defaultsAreApplied() {
    McpServerSpec spec =
        TestServers.valid(TestServers.yaml("image: mcp/time\ncommand: [mcp-time]")).spec();

    assertThat(spec.tag()).isEqualTo("latest");
    assertThat(spec.imageReference()).contains("mcp/time:latest");
    assertThat(spec.replicas()).isEqualTo(1);
    assertThat(spec.port()).isEqualTo(8080);
    assertThat(spec.transport()).isEqualTo(Transport.STDIO);
    assertThat(spec.path()).isEqualTo("/mcp");
    assertThat(spec.serviceType()).isEqualTo("ClusterIP");
    assertThat(spec.config()).isEqualTo(GatewayConfigSpec.defaults());
    assertThat(spec.config().requestTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(spec.config().maxConcurrentRequests()).isEqualTo(100);
    assertThat(spec.redis()).isEmpty();
    assertThat(spec.ingress()).isEmpty();
  }

  @Test
  void everyFieldIsRead() {
    McpServerSpec spec =
        TestServers.valid(
                TestServers.yaml(
                    """
                    image: ghcr.io/x/y
                    tag: v1
                    transport: streamable-http
                    port: 3000
                    path: /api
                    replicas: 3
                    serviceType: LoadBalancer
                    env: [{name: A, valueFrom: {secretKeyRef: {name: s, key: k}}}]
                    envFrom: [{secretRef: {name: all}}]
                    resources: {limits: {memory: 1Gi}}
                    nodeSelector: {disk: ssd}
                    tolerations: [{key: k, operator: Exists}]
                    imagePullSecrets: [{name: pull}]
                    serviceAccountName: sa
                    redis: {serviceName: r, passwordSecret: {name: rs}}
                    ingress: {host: h.example, tlsSecretName: tls, className: nginx}
                    toolSelector: {matchLabels: {a: b}}
                    config: {requestTimeout: 2m, maxConcurrentRequests: 7, allowedOrigins: [https://a]}
                    podSecurityContext: {runAsUser: 1000}
                    securityContext: {readOnlyRootFilesystem: true}
                    """))
            .spec();

    assertThat(spec.imageReference()).contains("ghcr.io/x/y:v1");
    assertThat(spec.transport()).isEqualTo(Transport.STREAMABLE_HTTP);
    assertThat(spec.env().getFirst().getValueFrom().getSecretKeyRef().getName()).isEqualTo("s");
    assertThat(spec.envFrom().getFirst().getSecretRef().getName()).isEqualTo("all");
    assertThat(spec.resources().orElseThrow().getLimits().get("memory").toSuffixedString())
        .isEqualTo("1Gi");
    assertThat(spec.nodeSelector()).isEqualTo(Map.of("disk", "ssd"));
    assertThat(spec.tolerations().getFirst().getOperator()).isEqualTo("Exists");
    assertThat(spec.imagePullSecrets().getFirst().getName()).isEqualTo("pull");
    assertThat(spec.serviceAccountName()).contains("sa");
    assertThat(spec.redis())
        .contains(
            new RedisSpec("r", 6379, 0, Optional.of(new RedisSpec.SecretKeyRef("rs", "password"))));
    assertThat(spec.ingress())
        .contains(
            new IngressSpec(
                Optional.of("h.example"), Optional.of("tls"), "/mcp", Optional.of("nginx")));
    assertThat(spec.toolSelector().orElseThrow().getMatchLabels()).containsEntry("a", "b");
    assertThat(spec.config().requestTimeout()).isEqualTo(Duration.ofMinutes(2));
    assertThat(spec.config().allowedOrigins()).containsExactly("https://a");
    assertThat(spec.podSecurityContext().orElseThrow().getRunAsUser()).isEqualTo(1000L);
    assertThat(spec.securityContext().orElseThrow().getReadOnlyRootFilesystem()).isTrue();
  }

  @ParameterizedTest
  @CsvSource({
    "mcp/time, latest, mcp/time:latest",
    "mcp/time:1.2, latest, mcp/time:1.2",
    "registry:5000/mcp/time, v3, registry:5000/mcp/time:v3",
    "mcp/time@sha256:abc, latest, mcp/time@sha256:abc"
  })
  void imageReferenceKeepsAnExplicitTagOrDigest(String image, String tag, String reference) {
    McpServerSpec spec =
        TestServers.valid(
                TestServers.yaml("image: \"" + image + "\"\ntag: " + tag + "\ntransport: sse"))
            .spec();

    assertThat(spec.imageReference()).contains(reference);
  }

  @Test
  void metadataAndStatusAreRead() {
    ParsedServer parsed =
        McpServerParser.parse(
            TestServers.json(
                """
                metadata:
                  name: fs
                  namespace: ns
                  uid: u-9
                  generation: 4
                  resourceVersion: "77"
                  labels: {b: "2", a: "1"}
                  deletionTimestamp: "2025-05-01T10:00:00Z"
                  finalizers: [mcpoperator.io/finalizer]
                spec: {toolSelector: {}}
                status:
                  phase: Running
                  observedGeneration: 3
                  conditions:
                  - {type: Ready, status: "True", observedGeneration: 3,
                     lastTransitionTime: "2025-04-01T09:00:00Z", reason: AllReplicasReady, message: ok}
                """));

    ResourceMeta meta = parsed.meta();
    assertThat(meta)
        .isEqualTo(
            new ResourceMeta(
                "ns",
                "fs",
                "u-9",
                4,
                "77",
                Map.of("a", "1", "b", "2"),
                Optional.of(OffsetDateTime.parse("2025-05-01T10:00:00Z")),
                List.of("mcpoperator.io/finalizer")));
    assertThat(meta.deleting()).isTrue();
    assertThat(meta.key()).isEqualTo("ns/fs");
    McpServerStatus status = parsed.previousStatus().orElseThrow();
    assertThat(status.phase().word()).isEqualTo("Running");
    assertThat(status.observedGeneration()).isEqualTo(3L);
    assertThat(status.condition("Ready").orElseThrow().lastTransitionTime())
        .isEqualTo(OffsetDateTime.parse("2025-04-01T09:00:00Z"));
  }

  @Test
  void unreadableStatusIsIgnored() {
    ParsedServer parsed =
        McpServerParser.parse(
            TestServers.json(
                """
                metadata: {name: fs, namespace: ns}
                spec: {toolSelector: {}}
                status: {replicas: many}
                """));

    assertThat(parsed).isInstanceOf(ParsedServer.Valid.class);
    assertThat(parsed.previousStatus()).isEmpty();
  }
}
