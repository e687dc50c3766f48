package io.mcpoperator.operator.k8s;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which of the operator's own kinds ({@link ResourceType#CUSTOM}) the API server serves, as API
 * discovery of {@code mcpoperator.io/v1alpha1} tells: a kind whose CRD is not installed is missing.
 */
public record InstalledKinds(Set<ResourceType> served) {

  public InstalledKinds {
    Set<ResourceType> known = new LinkedHashSet<>();
    ResourceType.CUSTOM.stream().filter(served::contains).forEach(known::add);
    served = Set.copyOf(known);
  }

  /** Every kind installed. */
  public static InstalledKinds all() {
    return new InstalledKinds(Set.copyOf(ResourceType.CUSTOM));
  }

  /** No CRD of the group installed. */
  public static InstalledKinds none() {
    return new InstalledKinds(Set.of());
  }

  /** The kinds among {@link ResourceType#CUSTOM} whose plural is in {@code plurals}. */
  public static InstalledKinds ofPlurals(Set<String> plurals) {
    return new InstalledKinds(
        Set.copyOf(
            ResourceType.CUSTOM.stream().filter(t -> plurals.contains(t.plural())).toList()));
  }

  public boolean has(ResourceType type) {
    return served.contains(type);
  }

  /** The kinds not served, in the order of {@link ResourceType#CUSTOM}. */
  public List<ResourceType> missing() {
    return ResourceType.CUSTOM.stream().filter(t -> !served.contains(t)).toList();
  }

  /** The names of the CRDs not installed, e.g. {@code mcptools.mcpoperator.io}. */
  public List<String> missingCrds() {
    return missing().stream().map(ResourceType::crdName).toList();
  }

  /** The member kinds (MCPTool, MCPPrompt, MCPResource) whose CRD is not installed. */
  public List<ResourceType> missingMembers() {
    return missing().stream().filter(ResourceType.MEMBERS::contains).toList();
  }
}
