package io.mcpoperator.operator.k8s;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesObject;
import io.mcpoperator.operator.api.McpServer;
import io.mcpoperator.operator.api.McpServerStatus;
import java.util.Optional;

/**
 * Writes to MCPServer objects themselves: the finalizer (a PUT of the object with its
 * resourceVersion) and the status subresource (a merge patch, through {@link StatusWriter}).
 */
public final class ServerWriter {

  private final ApiClient client;
  private final StatusWriter statusWriter;

  public ServerWriter(ApiClient client) {
    this.client = client;
    this.statusWriter = new StatusWriter(client);
  }

  /** The server with the finalizer added, as stored; empty when it already had it. */
  public Optional<JsonObject> addFinalizer(JsonObject server) throws ApiException {
    JsonArray finalizers = finalizers(server);
    if (contains(finalizers, McpServer.FINALIZER)) {
      return Optional.empty();
    }
    JsonObject updated = server.deepCopy();
    JsonArray list = finalizers.deepCopy();
    list.add(McpServer.FINALIZER);
    updated.getAsJsonObject("metadata").add("finalizers", list);
    return Optional.of(put(updated));
  }

  /** Removes the finalizer; the API server then completes the deletion. */
  public void removeFinalizer(JsonObject server) throws ApiException {
    JsonArray finalizers = finalizers(server);
    if (!contains(finalizers, McpServer.FINALIZER)) {
      return;
    }
    JsonArray remaining = new JsonArray();
    finalizers.forEach(
        f -> {
          if (!McpServer.FINALIZER.equals(f.getAsString())) {
            remaining.add(f);
          }
        });
    JsonObject updated = server.deepCopy();
    updated.getAsJsonObject("metadata").add("finalizers", remaining);
    ResourceType.MCP_SERVER
        .api(client)
        .update(new DynamicKubernetesObject(updated))
        .throwsApiException();
  }

  /** Patches the status subresource to {@code status}; returns the server as now stored. */
  public JsonObject writeStatus(JsonObject server, McpServerStatus status) throws ApiException {
    return statusWriter.write(ResourceType.MCP_SERVER, server, status.toJson());
  }

  private JsonObject put(JsonObject server) throws ApiException {
    return ResourceType.MCP_SERVER
        .api(client)
        .update(new DynamicKubernetesObject(server))
        .throwsApiException()
        .getObject()
        .getRaw();
  }

  private static JsonArray finalizers(JsonObject server) {
    JsonElement list = server.getAsJsonObject("metadata").get("finalizers");
    return list == null || !list.isJsonArray() ? new JsonArray() : list.getAsJsonArray();
  }

  private static boolean contains(JsonArray list, String value) {
    for (JsonElement e : list) {
      if (value.equals(e.getAsString())) {
        return true;
      }
    }
    return false;
  }
}
