package io.mcpoperator.k8stools.mcp;

import io.mcpoperator.k8stools.command.Tool;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/** The {@code tools/list} answer: one tool per CLI, all with the same input and output schema. */
final class ToolDescriptions {
  private static final JsonObject LIST = build();

  private ToolDescriptions() {}

  static JsonObject list() {
    return LIST;
  }

  private static JsonObject build() {
    JsonArrayBuilder tools = Json.createArrayBuilder();
    for (Tool tool : Tool.values()) {
      tools.add(
          Json.createObjectBuilder()
              .add("name", tool.binary())
              .add("title", tool.binary())
              .add("description", description(tool))
              .add("inputSchema", inputSchema(tool))
              .add("outputSchema", outputSchema()));
    }
    return Json.createObjectBuilder().add("tools", tools).build();
  }

  private static String description(Tool tool) {
    String example =
        switch (tool) {
          case KUBECTL -> "kubectl get pods -o wide | grep Running";
          case HELM -> "helm list -A";
          case ISTIOCTL -> "istioctl proxy-status";
          case ARGOCD -> "argocd app list";
        };
    return "Runs a "
        + tool.binary()
        + " command against the cluster of the given kubeconfig (or the server's own access)."
        + " The command may start with '"
        + tool.binary()
        + "' or leave it out, e.g. '"
        + example
        + "'. No shell: pipes only into grep, head, tail, wc, sort, jq. '--help' always works.";
  }

  private static JsonObject inputSchema(Tool tool) {
    return Json.createObjectBuilder()
        .add("type", "object")
        .add(
            "properties",
            Json.createObjectBuilder()
                .add(
                    "command",
                    string(
                        "The command, with or without '"
                            + tool.binary()
                            + "' in front (both mean the same)"))
                .add("namespace", string("Kubernetes namespace to run the command in (optional)"))
                .add(
                    "kubeconfig",
                    string(
                        "Base64-encoded kubeconfig of the target cluster (optional; the"
                            + " X-Kubeconfig HTTP header wins)")))
        .add("required", Json.createArrayBuilder().add("command"))
        .build();
  }

  private static JsonObject outputSchema() {
    return Json.createObjectBuilder()
        .add("type", "object")
        .add(
            "properties",
            Json.createObjectBuilder()
                .add("success", type("boolean"))
                .add("output", type("string"))
                .add("error", nullable("string"))
                .add("exit_code", nullable("integer"))
                .add("error_code", type("string"))
                .add("truncated", type("boolean"))
                .add("stderr", type("string")))
        .add(
            "required",
            Json.createArrayBuilder().add("success").add("output").add("error").add("exit_code"))
        .build();
  }

  private static JsonObjectBuilder string(String description) {
    return type("string").add("description", description);
  }

  private static JsonObjectBuilder type(String type) {
    return Json.createObjectBuilder().add("type", type);
  }

  private static JsonObjectBuilder nullable(String type) {
    return Json.createObjectBuilder().add("type", Json.createArrayBuilder().add(type).add("null"));
  }
}
