package io.mcpoperator.operator.testing;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which of the operator's CRDs the in-JVM API server pretends to have installed. fabric8's mock
 * serves any path, so {@link MockApiCompatibility} answers API discovery of {@code
 * mcpoperator.io/v1alpha1} from this set and refuses requests for a kind outside it with 404, as a
 * real API server does for a CRD that is not installed. All five are installed by default.
 */
public final class InstalledCrds {
  static final String GROUP_VERSION = "mcpoperator.io/v1alpha1";
  private static final List<String> ALL =
      List.of("mcpservers", "mcptools", "mcpprompts", "mcpresources", "mcpregistries");
  private static final java.util.Map<String, String> KINDS =
      java.util.Map.of(
          "mcpservers", "MCPServer",
          "mcptools", "MCPTool",
          "mcpprompts", "MCPPrompt",
          "mcpresources", "MCPResource",
          "mcpregistries", "MCPRegistry");

  private final Set<String> plurals = ConcurrentHashMap.newKeySet();

  InstalledCrds() {
    plurals.addAll(ALL);
  }

  /** Installs the CRDs of {@code plurals}, e.g. {@code "mcptools"}. */
  public InstalledCrds install(String... names) {
    plurals.addAll(List.of(names));
    return this;
  }

  /** Removes the CRDs of {@code plurals} (their objects stay in the mock's store). */
  public InstalledCrds uninstall(String... names) {
    List.of(names).forEach(plurals::remove);
    return this;
  }

  boolean has(String plural) {
    return plurals.contains(plural);
  }

  boolean any() {
    return !plurals.isEmpty();
  }

  /** The APIResourceList of {@code GET /apis/mcpoperator.io/v1alpha1}. */
  String discovery() {
    JsonArray resources = new JsonArray();
    for (String plural : ALL) {
      if (!plurals.contains(plural)) {
        continue;
      }
      for (String name : List.of(plural, plural + "/status")) {
        JsonObject r = new JsonObject();
        r.addProperty("name", name);
        r.addProperty(
            "singularName", name.contains("/") ? "" : plural.substring(0, plural.length() - 1));
        r.addProperty("namespaced", true);
        r.addProperty("kind", KINDS.get(plural));
        JsonArray verbs = new JsonArray();
        List.of("get", "list", "watch", "create", "update", "patch", "delete").forEach(verbs::add);
        r.add("verbs", verbs);
        resources.add(r);
      }
    }
    JsonObject list = new JsonObject();
    list.addProperty("kind", "APIResourceList");
    list.addProperty("apiVersion", "v1");
    list.addProperty("groupVersion", GROUP_VERSION);
    list.add("resources", resources);
    return list.toString();
  }
}
