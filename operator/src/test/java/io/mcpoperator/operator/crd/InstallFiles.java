package io.mcpoperator.operator.crd;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The install manifests (Kustomize, Helm, OLM) and what they must agree on. */
final class InstallFiles {
  static final String OPERATOR_IMAGE = "ghcr.io/mcp-operator/mcp-operator:0.1.0";
  static final String GATEWAY_IMAGE = "ghcr.io/mcp-operator/mcp-gateway:0.1.0";
  static final String K8S_SERVER_IMAGE = "ghcr.io/mcp-operator/mcp-k8s-server:0.1.0";
  static final String BASE = "deploy/kustomize/base/";
  static final String CHART = "deploy/helm/mcp-operator/";

  private InstallFiles() {}

  static Map<String, Object> yaml(String relative) {
    return YamlTree.document(ProjectFiles.resolve(relative));
  }

  static Map<String, Object> csv() {
    return yaml(McpDocuments.CSV.toString());
  }

  /** RBAC rules as sorted "group/resource verb" lines, comparable across install methods. */
  static Set<String> permissions(List<Object> rules) {
    Set<String> out = new TreeSet<>();
    for (Object rule : rules) {
      for (Object group : YamlTree.list(rule, "apiGroups")) {
        for (Object resource : YamlTree.list(rule, "resources")) {
          for (Object verb : YamlTree.list(rule, "verbs")) {
            out.add((group.equals("") ? "core" : group) + "/" + resource + " " + verb);
          }
        }
      }
    }
    return out;
  }

  /** Environment variable names of a pod template's first container. */
  static List<String> envNames(Map<String, Object> podTemplateSpec) {
    List<String> names = new ArrayList<>();
    for (Object env : YamlTree.list(podTemplateSpec, "containers", 0, "env")) {
      names.add(YamlTree.string(env, "name"));
    }
    return names;
  }

  static Map<String, Object> env(Map<String, Object> podTemplateSpec, String name) {
    for (Object env : YamlTree.list(podTemplateSpec, "containers", 0, "env")) {
      if (name.equals(YamlTree.string(env, "name"))) {
        return YamlTree.map(env);
      }
    }
    throw new AssertionError("no env " + name);
  }
}
