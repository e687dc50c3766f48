package io.mcpoperator.operator.k8s;

import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.util.generic.GenericKubernetesApi;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesApi;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesListObject;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesObject;
import java.util.List;
import java.util.Optional;

/** A Kubernetes resource the operator reads or writes, addressed by group, version and plural. */
public record ResourceType(String group, String version, String plural, String kind) {

  public static final ResourceType MCP_SERVER =
      new ResourceType("mcpoperator.io", "v1alpha1", "mcpservers", "MCPServer");
  public static final ResourceType MCP_TOOL =
      new ResourceType("mcpoperator.io", "v1alpha1", "mcptools", "MCPTool");
  public static final ResourceType MCP_PROMPT =
      new ResourceType("mcpoperator.io", "v1alpha1", "mcpprompts", "MCPPrompt");
  public static final ResourceType MCP_RESOURCE =
      new ResourceType("mcpoperator.io", "v1alpha1", "mcpresources", "MCPResource");
  public static final ResourceType MCP_REGISTRY =
      new ResourceType("mcpoperator.io", "v1alpha1", "mcpregistries", "MCPRegistry");
  public static final ResourceType CONFIG_MAP =
      new ResourceType("", "v1", "configmaps", "ConfigMap");
  public static final ResourceType SERVICE = new ResourceType("", "v1", "services", "Service");
  public static final ResourceType POD = new ResourceType("", "v1", "pods", "Pod");
  public static final ResourceType DEPLOYMENT =
      new ResourceType("apps", "v1", "deployments", "Deployment");
  public static final ResourceType INGRESS =
      new ResourceType("networking.k8s.io", "v1", "ingresses", "Ingress");
  public static final ResourceType POD_DISRUPTION_BUDGET =
      new ResourceType("policy", "v1", "poddisruptionbudgets", "PodDisruptionBudget");

  /** Every kind of child an MCPServer can have. */
  public static final List<ResourceType> CHILDREN =
      List.of(CONFIG_MAP, SERVICE, DEPLOYMENT, INGRESS, POD_DISRUPTION_BUDGET);

  /** The kinds an MCPServer's toolSelector selects. */
  public static final List<ResourceType> MEMBERS = List.of(MCP_TOOL, MCP_PROMPT, MCP_RESOURCE);

  /** The five kinds of the operator's own API, each installed by its own CRD. */
  public static final List<ResourceType> CUSTOM =
      List.of(MCP_SERVER, MCP_TOOL, MCP_PROMPT, MCP_RESOURCE, MCP_REGISTRY);

  /** The name of the CRD that serves this type, e.g. {@code mcptools.mcpoperator.io}. */
  public String crdName() {
    return plural + "." + group;
  }

  /** {@code group/version}, or just the version for the core group. */
  public String apiVersion() {
    return group.isEmpty() ? version : group + "/" + version;
  }

  /** The child type with this kind. */
  public static Optional<ResourceType> childOfKind(String kind) {
    return CHILDREN.stream().filter(t -> t.kind.equals(kind)).findFirst();
  }

  /** A client for objects of this type as raw JSON. */
  public GenericKubernetesApi<DynamicKubernetesObject, DynamicKubernetesListObject> api(
      ApiClient client) {
    return new DynamicKubernetesApi(group, version, plural, client);
  }
}
