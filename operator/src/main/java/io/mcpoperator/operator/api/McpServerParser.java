package io.mcpoperator.operator.api;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/** Turns the raw JSON of an MCPServer into a {@link ParsedServer}. Never throws for user input. */
public final class McpServerParser {
  private static final Pattern DNS_1035_LABEL = Pattern.compile("[a-z]([-a-z0-9]{0,61}[a-z0-9])?");

  private McpServerParser() {}

  /** Parses a whole MCPServer object ({@code metadata}, {@code spec}, {@code status}). */
  public static ParsedServer parse(JsonObject raw) {
    ResourceMeta meta = meta(object(raw, "metadata"));
    Optional<McpServerStatus> status = status(raw);
    if (!DNS_1035_LABEL.matcher(meta.name()).matches()) {
      return new ParsedServer.Invalid(
          meta,
          status,
          "metadata.name \""
              + meta.name()
              + "\" cannot name a Service: use at most 63 lower-case letters, digits and '-',"
              + " starting with a letter and ending with a letter or digit");
    }
    try {
      McpServerSpec spec = SpecReader.read(object(raw, "spec"));
      return new ParsedServer.Valid(new McpServer(meta, spec, status));
    } catch (InvalidSpecException e) {
      return new ParsedServer.Invalid(meta, status, e.getMessage());
    }
  }

  /** The metadata of any of our custom resources; unreadable fields are left empty. */
  public static ResourceMeta meta(JsonObject metadata) {
    JsonFields m = new JsonFields(metadata, "metadata");
    return new ResourceMeta(
        m.string("namespace").orElse(""),
        m.string("name").orElse(""),
        m.string("uid").orElse(""),
        lenient(() -> m.integer("generation", 0, 0, Long.MAX_VALUE), 0L),
        m.string("resourceVersion").orElse(""),
        lenient(() -> m.stringMap("labels"), java.util.Map.of()),
        lenient(() -> m.string("deletionTimestamp").map(OffsetDateTime::parse), Optional.empty()),
        lenient(() -> m.strings("finalizers"), java.util.List.of()),
        lenient(() -> m.string("creationTimestamp").map(OffsetDateTime::parse), Optional.empty()));
  }

  private static Optional<McpServerStatus> status(JsonObject raw) {
    JsonElement status = raw.get("status");
    if (status == null || !status.isJsonObject()) {
      return Optional.empty();
    }
    try {
      return Optional.of(McpServerStatus.fromJson(status.getAsJsonObject()));
    } catch (IllegalArgumentException unreadable) {
      return Optional.empty();
    }
  }

  static JsonObject object(JsonObject raw, String field) {
    JsonElement value = raw == null ? null : raw.get(field);
    return value != null && value.isJsonObject() ? value.getAsJsonObject() : new JsonObject();
  }

  private static <T> T lenient(java.util.function.Supplier<T> read, T fallback) {
    try {
      return read.get();
    } catch (InvalidSpecException | DateTimeParseException e) {
      return fallback;
    }
  }
}
