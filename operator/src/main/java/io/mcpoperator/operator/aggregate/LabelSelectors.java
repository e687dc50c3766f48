package io.mcpoperator.operator.aggregate;

import io.kubernetes.client.openapi.models.V1LabelSelector;
import io.kubernetes.client.openapi.models.V1LabelSelectorRequirement;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Label selector matching as the API server does it ({@code metav1.LabelSelector}): every
 * matchLabels entry and every matchExpression (In, NotIn, Exists, DoesNotExist) must hold; an empty
 * selector matches everything. Matching runs over informer caches, never as an API query.
 */
public final class LabelSelectors {
  private LabelSelectors() {}

  /** True when {@code labels} satisfy the selector. */
  public static boolean matches(V1LabelSelector selector, Map<String, String> labels) {
    Map<String, String> matchLabels = selector.getMatchLabels();
    if (matchLabels != null) {
      for (var entry : matchLabels.entrySet()) {
        if (!entry.getValue().equals(labels.get(entry.getKey()))) {
          return false;
        }
      }
    }
    List<V1LabelSelectorRequirement> expressions = selector.getMatchExpressions();
    if (expressions != null) {
      for (V1LabelSelectorRequirement requirement : expressions) {
        if (!holds(requirement, labels)) {
          return false;
        }
      }
    }
    return true;
  }

  /** What is wrong with a selector the API server would reject, or empty. */
  public static Optional<String> problem(V1LabelSelector selector) {
    List<V1LabelSelectorRequirement> expressions = selector.getMatchExpressions();
    for (int i = 0; expressions != null && i < expressions.size(); i++) {
      V1LabelSelectorRequirement r = expressions.get(i);
      String at = "spec.toolSelector.matchExpressions[" + i + "]";
      boolean hasValues = r.getValues() != null && !r.getValues().isEmpty();
      String operator = String.valueOf(r.getOperator());
      switch (operator) {
        case "In", "NotIn" -> {
          if (!hasValues) {
            return Optional.of(at + ": operator " + operator + " needs values");
          }
        }
        case "Exists", "DoesNotExist" -> {
          if (hasValues) {
            return Optional.of(at + ": operator " + operator + " takes no values");
          }
        }
        default -> {
          return Optional.of(
              at + ": operator must be In, NotIn, Exists or DoesNotExist; got " + operator);
        }
      }
      if (r.getKey() == null || r.getKey().isBlank()) {
        return Optional.of(at + ": key is required");
      }
    }
    return Optional.empty();
  }

  private static boolean holds(V1LabelSelectorRequirement r, Map<String, String> labels) {
    String value = labels.get(r.getKey());
    List<String> values = r.getValues() == null ? List.of() : r.getValues();
    return switch (String.valueOf(r.getOperator())) {
      case "In" -> value != null && values.contains(value);
      case "NotIn" -> value == null || !values.contains(value);
      case "Exists" -> value != null;
      case "DoesNotExist" -> value == null;
      default -> false;
    };
  }
}
