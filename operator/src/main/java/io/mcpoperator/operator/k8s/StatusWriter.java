package io.mcpoperator.operator.k8s;

import com.google.gson.JsonObject;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CustomObjectsApi;

/**
 * Replaces the status subresource of an MCPTool, MCPPrompt or MCPResource (a PUT with the object's
 * resourceVersion: a concurrent change gives 409 and the reconcile is retried).
 */
public final class StatusWriter {
  private final CustomObjectsApi customObjects;

  public StatusWriter(ApiClient client) {
    this.customObjects = new CustomObjectsApi(client);
  }

  public void write(ResourceType type, JsonObject object, JsonObject status) throws ApiException {
    JsonObject body = object.deepCopy();
    body.add("status", status);
    JsonObject metadata = object.getAsJsonObject("metadata");
    customObjects
        .replaceNamespacedCustomObjectStatus(
            type.group(),
            type.version(),
            metadata.get("namespace").getAsString(),
            type.plural(),
            metadata.get("name").getAsString(),
            body)
        .execute();
  }
}
