package io.mcpoperator.operator.api;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * A status condition following the Kubernetes API conventions. {@code lastTransitionTime} is held
 * in UTC with second precision, as the API server stores it, so a round trip compares equal.
 */
public record Condition(
    String type,
    String status,
    long observedGeneration,
    OffsetDateTime lastTransitionTime,
    String reason,
    String message) {

  private static final DateTimeFormatter RFC3339 =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'");

  public Condition {
    lastTransitionTime = normalize(lastTransitionTime);
    message = message == null ? "" : message;
  }

  /** UTC, whole seconds: the precision of a Kubernetes {@code metav1.Time}. */
  public static OffsetDateTime normalize(OffsetDateTime time) {
    return time == null
        ? null
        : time.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
  }

  /** True when {@code status} is {@code "True"}. */
  public boolean isTrue() {
    return "True".equals(status);
  }

  /** The condition as written to a status. */
  public JsonObject toJson() {
    JsonObject json = new JsonObject();
    json.addProperty("type", type);
    json.addProperty("status", status);
    json.addProperty("observedGeneration", observedGeneration);
    if (lastTransitionTime != null) {
      json.addProperty("lastTransitionTime", RFC3339.format(lastTransitionTime));
    }
    json.addProperty("reason", reason);
    json.addProperty("message", message);
    return json;
  }

  /** The readable conditions of a status object (entries of the wrong shape are skipped). */
  public static List<Condition> listOf(JsonObject status) {
    List<Condition> conditions = new ArrayList<>();
    JsonElement array = status == null ? null : status.get("conditions");
    if (array != null && array.isJsonArray()) {
      for (JsonElement c : array.getAsJsonArray()) {
        if (c.isJsonObject()) {
          try {
            conditions.add(fromJson(c.getAsJsonObject()));
          } catch (InvalidSpecException | DateTimeParseException unreadable) {
            // a condition someone else wrote badly is replaced on the next write
          }
        }
      }
    }
    return List.copyOf(conditions);
  }

  static Condition fromJson(JsonObject json) {
    JsonFields fields = new JsonFields(json, "status.conditions[]");
    return new Condition(
        fields.text("type").orElse(""),
        fields.text("status").orElse("Unknown"),
        fields.integer("observedGeneration", 0, 0, Long.MAX_VALUE),
        fields.string("lastTransitionTime").map(OffsetDateTime::parse).orElse(null),
        fields.text("reason").orElse(""),
        fields.text("message").orElse(""));
  }
}
