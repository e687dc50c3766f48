package io.mcpoperator.operator.desired;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.mcpoperator.operator.api.KubernetesJson;
import io.mcpoperator.operator.api.McpServer;
import java.util.List;
import org.junit.jupiter.api.Test;

class DesiredChildrenTest {
  static final McpServer HA = TestServers.goldenCase("http-ha");

  @Test
  void equalInputGivesEqualObjects() {
    Children first = DesiredChildren.of(HA, ChildSettings.defaults());
    Children second =
        DesiredChildren.of(TestServers.goldenCase("http-ha"), ChildSettings.defaults());

    assertThat(second).isEqualTo(first);
    assertThat(KubernetesJson.tree(second.deployment()))
        .isEqualTo(KubernetesJson.tree(first.deployment()));
  }

  @Test
  void childrenDoNotShareObjectsWithTheSpec() {
    Children children = DesiredChildren.of(HA, ChildSettings.defaults());
    children.deployment().getSpec().getTemplate().getSpec().getAffinity().setPodAntiAffinity(null);

    assertThat(HA.spec().affinity().orElseThrow().getPodAntiAffinity()).isNotNull();
  }

  @Test
  void allListsChildrenInCreationOrder() {
    List<String> kinds =
        DesiredChildren.of(HA, ChildSettings.defaults()).all().stream()
            .map(o -> o.getClass().getSimpleName())
            .toList();

    assertThat(kinds)
        .containsExactly(
            "V1ConfigMap", "V1Deployment", "V1Service", "V1Ingress", "V1PodDisruptionBudget");
  }

  @Test
  void singleReplicaServerHasNoDisruptionBudgetOrIngress() {
    Children children =
        DesiredChildren.of(TestServers.goldenCase("stdio-minimal"), ChildSettings.defaults());

    assertThat(children.podDisruptionBudget()).isEmpty();
    assertThat(children.ingress()).isEmpty();
    assertThat(children.all()).hasSize(3);
  }

  @Test
  void everyChildIsLabelledAndOwnedByTheServer() {
    for (KubernetesObject child : DesiredChildren.of(HA, ChildSettings.defaults()).all()) {
      assertThat(child.getMetadata().getLabels()).containsAllEntriesOf(Labels.common(HA.meta()));
      assertThat(child.getMetadata().getNamespace()).isEqualTo("platform");
      var owner = child.getMetadata().getOwnerReferences().getFirst();
      assertThat(owner.getUid()).isEqualTo(HA.meta().uid());
      assertThat(owner.getController()).isTrue();
      assertThat(owner.getKind()).isEqualTo("MCPServer");
    }
  }

  @Test
  void serverWithoutUidGetsNoOwnerReference() {
    McpServer server =
        TestServers.valid(
            """
            metadata: {name: local, namespace: dev}
            spec: {image: mcp/x, transport: sse}
            """);

    assertThat(DesiredChildren.of(server, ChildSettings.defaults()).all())
        .allSatisfy(o -> assertThat(o.getMetadata().getOwnerReferences()).isNull());
  }

  @Test
  void settingsChooseGatewayImagePortAndPullPolicy() {
    ChildSettings settings =
        new ChildSettings(
            "registry.local/gw:2",
            9443,
            ChildSettings.resources("10m", "64Mi", "200m", "128Mi"),
            ChildSettings.defaults().defaultServerResources(),
            "IfNotPresent");

    Children children = DesiredChildren.of(HA, settings);
    V1PodSpec pod = children.deployment().getSpec().getTemplate().getSpec();
    V1Container gateway = pod.getInitContainers().getFirst();

    assertThat(gateway.getImage()).isEqualTo("registry.local/gw:2");
    assertThat(gateway.getImagePullPolicy()).isEqualTo("IfNotPresent");
    assertThat(gateway.getPorts().getFirst().getContainerPort()).isEqualTo(9443);
    assertThat(gateway.getResources().getLimits().get("memory").toSuffixedString())
        .isEqualTo("128Mi");
    assertThat(children.configMap().getData().get("config.json")).contains("\"port\": 9443");
  }

  @Test
  void specEnvNamingHomeKeepsItAndGetsNoOperatorHome() {
    McpServer server =
        TestServers.valid(
            TestServers.yaml("{image: mcp/x, command: [x], env: [{name: HOME, value: /srv}]}"));

    V1PodSpec pod =
        DesiredChildren.of(server, ChildSettings.defaults())
            .deployment()
            .getSpec()
            .getTemplate()
            .getSpec();

    assertThat(pod.getContainers().getFirst().getEnv())
        .extracting(e -> e.getName() + "=" + e.getValue())
        .containsExactly("HOME=/srv");
    assertThat(pod.getVolumes()).extracting(v -> v.getName()).doesNotContain(PodVolumes.HOME);
  }

  @Test
  void selectorStringListsTheSelectorLabels() {
    assertThat(Labels.selectorString(HA.meta()))
        .isEqualTo(
            "app.kubernetes.io/instance=github,app.kubernetes.io/managed-by=mcp-operator,"
                + "app.kubernetes.io/name=mcpserver");
    assertThat(Labels.forComponent(HA.meta(), "x")).containsEntry(Labels.COMPONENT, "x");
  }

  @Test
  void anIngressStreamsThroughIngressNginxUnlessTheUserSaysOtherwise() {
    McpServer defaults =
        TestServers.valid(
            TestServers.yaml(
                "image: example/server\ncommand: [run]\ningress: {host: mcp.example.com}"));
    assertThat(
            DesiredChildren.of(defaults, ChildSettings.defaults())
                .ingress()
                .orElseThrow()
                .getMetadata()
                .getAnnotations())
        .containsEntry("nginx.ingress.kubernetes.io/proxy-buffering", "off")
        .containsEntry("nginx.ingress.kubernetes.io/proxy-read-timeout", "3600")
        .containsEntry("nginx.ingress.kubernetes.io/proxy-send-timeout", "3600");

    McpServer overridden =
        TestServers.valid(
            TestServers.yaml(
                """
                image: example/server
                command: [run]
                ingress:
                  host: mcp.example.com
                  annotations:
                    nginx.ingress.kubernetes.io/proxy-read-timeout: "86400"
                    nginx.ingress.kubernetes.io/proxy-send-timeout: ""
                    traefik.ingress.kubernetes.io/router.entrypoints: websecure
                """));
    assertThat(
            DesiredChildren.of(overridden, ChildSettings.defaults())
                .ingress()
                .orElseThrow()
                .getMetadata()
                .getAnnotations())
        .containsEntry("nginx.ingress.kubernetes.io/proxy-read-timeout", "86400")
        .doesNotContainKey("nginx.ingress.kubernetes.io/proxy-send-timeout")
        .containsEntry("nginx.ingress.kubernetes.io/proxy-buffering", "off")
        .containsEntry("traefik.ingress.kubernetes.io/router.entrypoints", "websecure");
  }
}
