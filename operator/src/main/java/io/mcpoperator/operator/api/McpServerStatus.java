package io.mcpoperator.operator.api;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code status} of an MCPServer. Absent values are {@code null} and left out of the JSON; a
 * stored phase that is not a {@link Phase} word reads as absent.
 */
public record McpServerStatus(
    Phase phase,
    Integer replicas,
    Integer readyReplicas,
    Integer availableReplicas,
    Long observedGeneration,
    String selector,
    String url,
    Integer toolCount,
    Integer promptCount,
    Integer resourceCount,
    String message,
    List<Condition> conditions,
    ServerRegistryStatus registry) {

  public McpServerStatus {
    conditions = conditions == null ? List.of() : List.copyOf(conditions);
  }

  /** A status without {@code registry} (a server that does not name a registry entry). */
  public McpServerStatus(
      Phase phase,
      Integer replicas,
      Integer readyReplicas,
      Integer availableReplicas,
      Long observedGeneration,
      String selector,
      String url,
      Integer toolCount,
      Integer promptCount,
      Integer resourceCount,
      String message,
      List<Condition> conditions) {
    this(
        phase,
        replicas,
        readyReplicas,
        availableReplicas,
        observedGeneration,
        selector,
        url,
        toolCount,
        promptCount,
        resourceCount,
        message,
        conditions,
        null);
  }

  /** What {@code status.registry} says, for a server that names a registry entry. */
  public Optional<ServerRegistryStatus> registryStatus() {
    return Optional.ofNullable(registry);
  }

  /** The condition of the given type, if present. */
  public Optional<Condition> condition(String type) {
    return conditions.stream().filter(c -> c.type().equals(type)).findFirst();
  }

  /** The JSON written to the status subresource. */
  public JsonObject toJson() {
    JsonObject json = new JsonObject();
    add(json, "phase", phase == null ? null : phase.word());
    add(json, "replicas", replicas);
    add(json, "readyReplicas", readyReplicas);
    add(json, "availableReplicas", availableReplicas);
    add(json, "observedGeneration", observedGeneration);
    add(json, "selector", selector);
    add(json, "url", url);
    add(json, "toolCount", toolCount);
    add(json, "promptCount", promptCount);
    add(json, "resourceCount", resourceCount);
    add(json, "message", message);
    JsonArray array = new JsonArray();
    conditions.forEach(c -> array.add(c.toJson()));
    json.add("conditions", array);
    if (registry != null) {
      json.add("registry", registry.toJson());
    }
    return json;
  }

  /**
   * Reads a status written earlier (by this operator or by hand).
   *
   * @throws IllegalArgumentException when a field has the wrong type
   */
  public static McpServerStatus fromJson(JsonObject status) {
    try {
      JsonFields f = new JsonFields(status, "status");
      List<Condition> conditions = new ArrayList<>();
      JsonElement array = status.get("conditions");
      if (array != null && array.isJsonArray()) {
        for (JsonElement c : array.getAsJsonArray()) {
          if (c.isJsonObject()) {
            conditions.add(Condition.fromJson(c.getAsJsonObject()));
          }
        }
      }
      return new McpServerStatus(
          f.text("phase").flatMap(Phase::of).orElse(null),
          optionalInt(f, "replicas"),
          optionalInt(f, "readyReplicas"),
          optionalInt(f, "availableReplicas"),
          f.has("observedGeneration")
              ? f.integer("observedGeneration", 0, 0, Long.MAX_VALUE)
              : null,
          f.text("selector").orElse(null),
          f.text("url").orElse(null),
          optionalInt(f, "toolCount"),
          optionalInt(f, "promptCount"),
          optionalInt(f, "resourceCount"),
          f.text("message").orElse(null),
          conditions,
          ServerRegistryStatus.fromJson(f).orElse(null));
    } catch (InvalidSpecException | DateTimeParseException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  private static Integer optionalInt(JsonFields f, String field) {
    return f.has(field) ? (int) f.integer(field, 0, Integer.MIN_VALUE, Integer.MAX_VALUE) : null;
  }

  private static void add(JsonObject json, String field, String value) {
    if (value != null) {
      json.addProperty(field, value);
    }
  }

  private static void add(JsonObject json, String field, Number value) {
    if (value != null) {
      json.addProperty(field, value);
    }
  }
}
