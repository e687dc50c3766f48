package io.mcpoperator.operator.api;

import com.google.gson.JsonElement;
import io.kubernetes.client.openapi.JSON;

/**
 * Conversions between client-java models and gson trees, with client-java's own (de)serialisers.
 */
public final class KubernetesJson {
  private KubernetesJson() {}

  /**
   * Reads a model from JSON.
   *
   * @throws IllegalArgumentException when the JSON does not fit the model (unknown or mistyped
   *     fields); the message says which field
   */
  public static <T> T read(JsonElement json, Class<T> type) {
    try {
      return JSON.getGson().fromJson(json, type);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(shorten(e), e);
    }
  }

  /** The JSON tree of a model, as the API server would receive it. */
  public static JsonElement tree(Object model) {
    return JSON.getGson().toJsonTree(model);
  }

  /** A deep copy of a model, so that shared spec objects never alias desired objects. */
  @SuppressWarnings("unchecked")
  public static <T> T copy(T model) {
    return model == null ? null : (T) read(tree(model), model.getClass());
  }

  private static String shorten(RuntimeException e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getMessage() == null) {
      cause = cause.getCause();
    }
    String message = String.valueOf(cause.getMessage());
    int json = message.indexOf(". JSON:");
    if (json < 0) {
      json = message.indexOf(" JSON:");
    }
    return json < 0 ? message : message.substring(0, json);
  }
}
