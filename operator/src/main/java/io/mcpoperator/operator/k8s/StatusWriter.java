package io.mcpoperator.operator.k8s;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.kubernetes.client.custom.V1Patch;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CustomObjectsApi;
import io.kubernetes.client.util.PatchUtils;

/**
 * Writes the status subresource of the mcpoperator.io kinds with a JSON merge patch that states the
 * whole new status (members it no longer has become {@code null}), so a status write never carries,
 * or conflicts over, the spec and metadata it read: a concurrent spec change simply reconciles
 * again.
 */
public final class StatusWriter {
  private final ApiClient client;
  private final CustomObjectsApi customObjects;

  public StatusWriter(ApiClient client) {
    this.client = client;
    this.customObjects = new CustomObjectsApi(client);
  }

  /**
   * Patches the status of {@code object} (as last read) to {@code status}; returns it as stored.
   */
  public JsonObject write(ResourceType type, JsonObject object, JsonObject status)
      throws ApiException {
    JsonObject add = new JsonObject();
    add.addProperty("op", "add");
    add.addProperty("path", "/status");
    add.add("value", status);
    JsonArray patch = new JsonArray();
    patch.add(add);
    JsonObject metadata = object.getAsJsonObject("metadata");
    V1Patch body = new V1Patch(patch.toString());
    return PatchUtils.patch(
        JsonObject.class,
        () ->
            customObjects
                .patchNamespacedCustomObjectStatus(
                    type.group(),
                    type.version(),
                    metadata.get("namespace").getAsString(),
                    type.plural(),
                    metadata.get("name").getAsString(),
                    body)
                .buildCall(null),
        V1Patch.PATCH_FORMAT_JSON_PATCH,
        client);
  }
}
