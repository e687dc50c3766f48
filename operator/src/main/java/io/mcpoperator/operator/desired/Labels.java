package io.mcpoperator.operator.desired;

import io.mcpoperator.operator.api.ResourceMeta;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The {@code app.kubernetes.io/*} labels on every child, and the stable pod selector. */
public final class Labels {
  public static final String NAME = "app.kubernetes.io/name";
  public static final String INSTANCE = "app.kubernetes.io/instance";
  public static final String COMPONENT = "app.kubernetes.io/component";
  public static final String MANAGED_BY = "app.kubernetes.io/managed-by";
  public static final String PART_OF = "app.kubernetes.io/part-of";

  /**
   * Value of {@link #NAME}: what the application is. {@code mcpserver}, as the earlier operator
   * labelled its pods, so affinities and NetworkPolicies written for it ({@code
   * app.kubernetes.io/name In [mcpserver]}) select these pods unchanged.
   */
  public static final String APP_NAME = "mcpserver";

  /** Value of {@link #MANAGED_BY} and {@link #PART_OF}. */
  public static final String OPERATOR = "mcp-operator";

  /** Component of the Deployment, its pods, the Service, Ingress and PodDisruptionBudget. */
  public static final String COMPONENT_SERVER = "mcp-server";

  /** Component of the gateway ConfigMap. */
  public static final String COMPONENT_GATEWAY_CONFIG = "gateway-config";

  private Labels() {}

  /**
   * The pod selector of a server's Deployment, Service and PodDisruptionBudget. It never changes
   * for a given server (a Deployment's selector is immutable).
   */
  public static Map<String, String> selector(ResourceMeta m) {
    SortedMap<String, String> labels = new TreeMap<>();
    labels.put(NAME, APP_NAME);
    labels.put(INSTANCE, m.name());
    labels.put(MANAGED_BY, OPERATOR);
    return Collections.unmodifiableSortedMap(labels);
  }

  /** The labels every child carries (the selector plus {@code part-of}). */
  public static Map<String, String> common(ResourceMeta m) {
    SortedMap<String, String> labels = new TreeMap<>(selector(m));
    labels.put(PART_OF, OPERATOR);
    return Collections.unmodifiableSortedMap(labels);
  }

  /** {@link #common} plus {@code app.kubernetes.io/component}. */
  public static Map<String, String> forComponent(ResourceMeta m, String component) {
    SortedMap<String, String> labels = new TreeMap<>(common(m));
    labels.put(COMPONENT, component);
    return Collections.unmodifiableSortedMap(labels);
  }

  /**
   * The selector as a label selector string ({@code k=v,k=v}), as the scale subresource wants it.
   */
  public static String selectorString(ResourceMeta m) {
    return selector(m).entrySet().stream()
        .map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining(","));
  }
}
