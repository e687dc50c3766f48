package io.mcpoperator.operator.crd;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code helm template} of deploy/helm/mcp-operator by a real Helm, checked like the Kustomize
 * install: with the default values it renders the same RBAC and the same operator container, and
 * each value lands where Kubernetes reads it.
 */
class HelmTemplateTest {
  private static final String RELEASE = HelmChart.RELEASE;
  private static final String NAMESPACE = HelmChart.NAMESPACE;
  private static final List<Map<String, Object>> DEFAULTS = HelmChart.template();

  @Test
  void defaultValuesRenderTheOperatorItsRbacMetricsAndABudget() {
    assertThat(HelmChart.kindsAndNames(DEFAULTS))
        .containsExactlyInAnyOrder(
            "ServiceAccount/mcp-operator",
            "ClusterRole/mcp-operator",
            "ClusterRoleBinding/mcp-operator",
            "Role/mcp-operator-leader-election",
            "RoleBinding/mcp-operator-leader-election",
            "Service/mcp-operator-metrics",
            "Deployment/mcp-operator",
            "PodDisruptionBudget/mcp-operator");
    assertThat(DEFAULTS)
        .filteredOn(d -> !List.of("ClusterRole", "ClusterRoleBinding").contains(d.get("kind")))
        .allSatisfy(
            d -> assertThat(YamlTree.string(d, "metadata", "namespace")).isEqualTo(NAMESPACE));
  }

  @Test
  void clusterRoleRulesEqualKustomizeAndAreBoundToTheOperatorInEveryNamespace() {
    Map<String, Object> role = HelmChart.object(DEFAULTS, "ClusterRole", RELEASE);
    Map<String, Object> binding = HelmChart.object(DEFAULTS, "ClusterRoleBinding", RELEASE);

    assertThat(InstallFiles.permissions(YamlTree.list(role, "rules")))
        .containsExactlyInAnyOrderElementsOf(KustomizeInstallTest.CLUSTER_PERMISSIONS);
    assertThat(YamlTree.map(binding, "roleRef"))
        .containsEntry("kind", "ClusterRole")
        .containsEntry("name", RELEASE);
    assertThat(YamlTree.list(binding, "subjects")).containsExactly(operatorAccount());
  }

  @Test
  void leaderElectionRoleEqualsKustomizeAndIsBoundInTheReleaseNamespace() {
    Map<String, Object> role = HelmChart.object(DEFAULTS, "Role", RELEASE + "-leader-election");
    Map<String, Object> binding =
        HelmChart.object(DEFAULTS, "RoleBinding", RELEASE + "-leader-election");

    assertThat(InstallFiles.permissions(YamlTree.list(role, "rules")))
        .containsExactlyInAnyOrderElementsOf(KustomizeInstallTest.LEADER_ELECTION);
    assertThat(YamlTree.map(binding, "roleRef"))
        .containsEntry("kind", "Role")
        .containsEntry("name", RELEASE + "-leader-election");
    assertThat(YamlTree.list(binding, "subjects")).containsExactly(operatorAccount());
  }

  @Test
  void operatorContainerEqualsKustomizes() {
    Map<String, Object> kustomize = InstallFiles.yaml(InstallFiles.BASE + "deployment.yaml");
    Map<String, Object> helm = HelmChart.object(DEFAULTS, "Deployment", RELEASE);
    Map<String, Object> helmPod = HelmChart.operatorPod(DEFAULTS);
    Map<String, Object> kustomizePod = YamlTree.map(kustomize, "spec", "template", "spec");

    assertThat(YamlTree.at(helm, "spec", "replicas")).isEqualTo(2);
    assertThat(YamlTree.map(helmPod, "containers", 0))
        .as("image, env, probes, ports, resources, securityContext, mounts")
        .isEqualTo(YamlTree.map(kustomizePod, "containers", 0));
    assertThat(YamlTree.string(helmPod, "containers", 0, "image"))
        .isEqualTo(InstallFiles.OPERATOR_IMAGE);
    assertThat(InstallFiles.env(helmPod, "RELATED_IMAGE_GATEWAY"))
        .containsEntry("value", InstallFiles.GATEWAY_IMAGE);
    assertThat(withoutAffinity(helmPod)).isEqualTo(withoutAffinity(kustomizePod));
    KustomizeInstallTest.assertRestricted(helmPod);
  }

  @Test
  void replicasSpreadOverNodesAndTheBudgetKeepsOneRunning() {
    Map<String, Object> selector =
        YamlTree.map(HelmChart.object(DEFAULTS, "Deployment", RELEASE), "spec", "selector");
    Map<String, Object> budget = HelmChart.object(DEFAULTS, "PodDisruptionBudget", RELEASE);
    Map<String, Object> term =
        YamlTree.map(
            HelmChart.operatorPod(DEFAULTS),
            "affinity",
            "podAntiAffinity",
            "preferredDuringSchedulingIgnoredDuringExecution",
            0,
            "podAffinityTerm");

    assertThat(term).containsEntry("topologyKey", "kubernetes.io/hostname");
    assertThat(YamlTree.map(term, "labelSelector")).isEqualTo(selector);
    assertThat(YamlTree.map(budget, "spec"))
        .containsEntry("minAvailable", 1)
        .containsEntry("selector", selector);
    assertThat(podLabels(DEFAULTS)).containsAllEntriesOf(YamlTree.map(selector, "matchLabels"));
  }

  @Test
  void oneReplicaRendersNoBudget() {
    List<Map<String, Object>> docs = HelmChart.template(t -> t.set("replicaCount", 1));

    assertThat(YamlTree.at(HelmChart.object(docs, "Deployment", RELEASE), "spec", "replicas"))
        .isEqualTo(1);
    assertThat(HelmChart.objects(docs, "PodDisruptionBudget")).isEmpty();
  }

  @Test
  void watchNamespacesBindTheClusterRoleInEachAndNowhereElse() {
    List<Map<String, Object>> docs = HelmChart.templateWithValues("watchNamespaces: [a, b]\n");
    List<Map<String, Object>> bindings =
        HelmChart.objects(docs, "RoleBinding").stream()
            .filter(b -> "ClusterRole".equals(YamlTree.string(b, "roleRef", "kind")))
            .toList();

    assertThat(InstallFiles.env(HelmChart.operatorPod(docs), "WATCH_NAMESPACES"))
        .containsEntry("value", "a,b");
    assertThat(HelmChart.objects(docs, "ClusterRoleBinding")).isEmpty();
    assertThat(bindings)
        .map(b -> YamlTree.string(b, "metadata", "namespace"))
        .containsExactlyInAnyOrder("a", "b");
    assertThat(bindings)
        .allSatisfy(
            b -> {
              assertThat(YamlTree.string(b, "roleRef", "name")).isEqualTo(RELEASE);
              assertThat(YamlTree.list(b, "subjects")).containsExactly(operatorAccount());
            });
    assertThat(HelmChart.object(docs, "RoleBinding", RELEASE + "-leader-election"))
        .extracting(b -> YamlTree.string(b, "metadata", "namespace"))
        .isEqualTo(NAMESPACE);
  }

  @Test
  void metricsServiceReachesTheOperatorsObservePort() {
    Map<String, Object> service = HelmChart.object(DEFAULTS, "Service", RELEASE + "-metrics");
    Map<String, Object> container = YamlTree.map(HelmChart.operatorPod(DEFAULTS), "containers", 0);

    assertThat(podLabels(DEFAULTS)).containsAllEntriesOf(YamlTree.map(service, "spec", "selector"));
    assertThat(YamlTree.map(service, "spec", "ports", 0))
        .containsEntry("name", "metrics")
        .containsEntry("port", 8081)
        .containsEntry("targetPort", YamlTree.string(container, "ports", 0, "name"));
    assertThat(YamlTree.map(service, "metadata", "annotations"))
        .containsEntry("prometheus.io/path", "/observe/metrics");
  }

  @Test
  void serviceMonitorScrapesTheMetricsService() {
    List<Map<String, Object>> docs =
        HelmChart.templateWithValues(
            """
            metrics:
              serviceMonitor:
                enabled: true
                interval: 15s
                labels: {release: prometheus}
            """);
    Map<String, Object> monitor = HelmChart.object(docs, "ServiceMonitor", RELEASE);
    Map<String, Object> service = HelmChart.object(docs, "Service", RELEASE + "-metrics");

    assertThat(HelmChart.objects(DEFAULTS, "ServiceMonitor")).as("off by default").isEmpty();
    assertThat(monitor).containsEntry("apiVersion", "monitoring.coreos.com/v1");
    assertThat(YamlTree.map(monitor, "metadata", "labels")).containsEntry("release", "prometheus");
    assertThat(YamlTree.map(service, "metadata", "labels"))
        .containsAllEntriesOf(YamlTree.map(monitor, "spec", "selector", "matchLabels"));
    assertThat(YamlTree.list(monitor, "spec", "endpoints"))
        .containsExactly(Map.of("port", "metrics", "path", "/observe/metrics", "interval", "15s"));
  }

  @Test
  void everyValueLandsWhereKubernetesReadsIt() {
    List<Map<String, Object>> docs =
        HelmChart.templateWithValues(
            """
            image: {repository: registry.example/op, tag: "9.9", pullPolicy: Always}
            gatewayImage: {repository: registry.example/gw, tag: "9.8"}
            imagePullSecrets: [{name: pull}]
            logFormat: text
            serviceAccount: {name: op-sa, annotations: {iam.example/role: op}}
            podAnnotations: {a.example/x: "1"}
            podLabels: {team: mcp}
            priorityClassName: high
            resources: {requests: {cpu: 50m}, limits: {memory: 1Gi}}
            nodeSelector: {kubernetes.io/os: linux}
            tolerations: [{key: dedicated, operator: Exists}]
            affinity: {nodeAffinity: {}}
            extraEnv: [{name: IMAGE_PULL_POLICY, value: Always}]
            metrics: {service: {port: 9090}}
            """);
    Map<String, Object> template =
        YamlTree.map(HelmChart.object(docs, "Deployment", RELEASE), "spec", "template");
    Map<String, Object> pod = YamlTree.map(template, "spec");
    Map<String, Object> container = YamlTree.map(pod, "containers", 0);

    assertThat(container)
        .containsEntry("image", "registry.example/op:9.9")
        .containsEntry("imagePullPolicy", "Always")
        .as("maps merge into the defaults, as Helm merges values")
        .containsEntry(
            "resources",
            Map.of(
                "requests", Map.of("cpu", "50m", "memory", "256Mi"),
                "limits", Map.of("memory", "1Gi")));
    assertThat(env(container))
        .containsEntry("RELATED_IMAGE_GATEWAY", "registry.example/gw:9.8")
        .containsEntry("LOG_FORMAT", "text")
        .containsEntry("IMAGE_PULL_POLICY", "Always");
    assertThat(pod)
        .containsEntry("serviceAccountName", "op-sa")
        .containsEntry("imagePullSecrets", List.of(Map.of("name", "pull")))
        .containsEntry("priorityClassName", "high")
        .containsEntry("nodeSelector", Map.of("kubernetes.io/os", "linux"))
        .containsEntry("tolerations", List.of(Map.of("key", "dedicated", "operator", "Exists")))
        .containsEntry("affinity", Map.of("nodeAffinity", Map.of()));
    assertThat(YamlTree.map(template, "metadata", "annotations")).containsEntry("a.example/x", "1");
    assertThat(YamlTree.map(template, "metadata", "labels")).containsEntry("team", "mcp");
    Map<String, Object> account = HelmChart.object(docs, "ServiceAccount", "op-sa");
    assertThat(YamlTree.map(account, "metadata", "annotations"))
        .containsEntry("iam.example/role", "op");
    assertThat(HelmChart.object(docs, "ClusterRoleBinding", RELEASE))
        .extracting(b -> YamlTree.string(b, "subjects", 0, "name"))
        .isEqualTo("op-sa");
    assertThat(
            YamlTree.at(
                HelmChart.object(docs, "Service", RELEASE + "-metrics"),
                "spec",
                "ports",
                0,
                "port"))
        .isEqualTo(9090);
  }

  @Test
  void emptyImageTagsDefaultToTheChartsAppVersion() {
    List<Map<String, Object>> docs =
        HelmChart.template(t -> t.set("image.tag", "").set("gatewayImage.tag", ""));
    Map<String, Object> pod = HelmChart.operatorPod(docs);

    assertThat(YamlTree.string(pod, "containers", 0, "image"))
        .isEqualTo(InstallFiles.OPERATOR_IMAGE);
    assertThat(InstallFiles.env(pod, "RELATED_IMAGE_GATEWAY"))
        .containsEntry("value", InstallFiles.GATEWAY_IMAGE);
  }

  @Test
  void withoutRbacOrServiceAccountTheChartRendersNeither() {
    List<Map<String, Object>> docs =
        HelmChart.template(
            t ->
                t.set("rbac.create", false)
                    .set("serviceAccount.create", false)
                    .set("serviceAccount.name", "existing"));

    assertThat(HelmChart.kindsAndNames(docs))
        .containsExactlyInAnyOrder(
            "Service/mcp-operator-metrics",
            "Deployment/mcp-operator",
            "PodDisruptionBudget/mcp-operator");
    assertThat(HelmChart.operatorPod(docs)).containsEntry("serviceAccountName", "existing");
  }

  private static Map<String, Object> operatorAccount() {
    return Map.of("kind", "ServiceAccount", "name", RELEASE, "namespace", NAMESPACE);
  }

  private static Map<String, Object> podLabels(List<Map<String, Object>> docs) {
    return YamlTree.map(
        HelmChart.object(docs, "Deployment", RELEASE), "spec", "template", "metadata", "labels");
  }

  private static Map<String, Object> withoutAffinity(Map<String, Object> pod) {
    Map<String, Object> out = new LinkedHashMap<>(pod);
    out.remove("affinity");
    return out;
  }

  private static Map<String, Object> env(Map<String, Object> container) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Object e : YamlTree.list(container, "env")) {
      out.put(YamlTree.string(e, "name"), YamlTree.at(e, "value"));
    }
    return out;
  }
}
