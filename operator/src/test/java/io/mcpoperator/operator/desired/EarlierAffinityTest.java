package io.mcpoperator.operator.desired;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubernetes.client.openapi.models.V1LabelSelector;
import io.kubernetes.client.openapi.models.V1LabelSelectorRequirement;
import io.kubernetes.client.openapi.models.V1PodTemplateSpec;
import io.mcpoperator.operator.api.McpServer;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The earlier operator documented spreading its pods with {@code app.kubernetes.io/name In
 * [mcpserver]}; a spec carried over unchanged must still select this operator's pods.
 */
class EarlierAffinityTest {
  private static final McpServer EARLIER =
      TestServers.valid(
          TestServers.yaml(
              """
              image: example/server
              command: [run]
              replicas: 3
              affinity:
                podAntiAffinity:
                  requiredDuringSchedulingIgnoredDuringExecution:
                    - topologyKey: kubernetes.io/hostname
                      labelSelector:
                        matchExpressions:
                          - key: app.kubernetes.io/name
                            operator: In
                            values: [mcpserver]
              """));

  @Test
  void theEarlierOperatorsAntiAffinitySelectsThePods() {
    V1PodTemplateSpec template =
        DesiredChildren.of(EARLIER, ChildSettings.defaults()).deployment().getSpec().getTemplate();
    V1LabelSelector selector =
        template
            .getSpec()
            .getAffinity()
            .getPodAntiAffinity()
            .getRequiredDuringSchedulingIgnoredDuringExecution()
            .getFirst()
            .getLabelSelector();

    assertThat(template.getMetadata().getLabels())
        .containsEntry("app.kubernetes.io/name", "mcpserver");
    assertThat(matches(selector, template.getMetadata().getLabels())).isTrue();
  }

  @Test
  void theDeploymentSelectsItsPodsByTheSameName() {
    var deployment = DesiredChildren.of(EARLIER, ChildSettings.defaults()).deployment();

    assertThat(
            matches(
                deployment.getSpec().getSelector(),
                deployment.getSpec().getTemplate().getMetadata().getLabels()))
        .isTrue();
    assertThat(deployment.getSpec().getSelector().getMatchLabels())
        .containsEntry("app.kubernetes.io/name", "mcpserver");
  }

  /**
   * A label selector's meaning (matchLabels and In/NotIn/Exists/DoesNotExist), as the scheduler
   * reads it.
   */
  private static boolean matches(V1LabelSelector selector, Map<String, String> labels) {
    if (selector.getMatchLabels() != null
        && !selector.getMatchLabels().entrySet().stream()
            .allMatch(e -> e.getValue().equals(labels.get(e.getKey())))) {
      return false;
    }
    if (selector.getMatchExpressions() == null) {
      return true;
    }
    for (V1LabelSelectorRequirement r : selector.getMatchExpressions()) {
      String value = labels.get(r.getKey());
      boolean ok =
          switch (r.getOperator()) {
            case "In" -> value != null && r.getValues().contains(value);
            case "NotIn" -> value == null || !r.getValues().contains(value);
            case "Exists" -> value != null;
            case "DoesNotExist" -> value == null;
            default -> throw new IllegalArgumentException(r.getOperator());
          };
      if (!ok) {
        return false;
      }
    }
    return true;
  }
}
