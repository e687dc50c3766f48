package io.mcpoperator.operator.aggregate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaId;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Checks that a tool's input or output schema is a JSON Schema (draft 2020-12) describing an
 * object: valid against the 2020-12 meta-schema (bundled with the validator, never fetched), with
 * {@code type} {@code object} when set, and without references to other documents (the gateway
 * fetches nothing).
 */
public final class SchemaCheck {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Pattern REMOTE = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:.*");
  private static final JsonSchema META_SCHEMA =
      JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
          .getSchema(
              SchemaLocation.of(SchemaId.V202012),
              SchemaValidatorsConfig.builder()
                  .locale(Locale.ENGLISH)
                  .pathType(PathType.JSON_POINTER)
                  .build());

  private SchemaCheck() {}

  /** What is wrong with {@code schema} found at {@code field}; empty when it is usable. */
  public static List<String> problems(String field, JsonObject schema) {
    List<String> problems = new ArrayList<>();
    JsonElement type = schema.get("type");
    if (type != null && !(type.isJsonPrimitive() && "object".equals(type.getAsString()))) {
      problems.add(field + ": type must be \"object\"; got " + type);
    }
    try {
      JsonNode node = MAPPER.readTree(schema.toString());
      for (ValidationMessage message : META_SCHEMA.validate(node)) {
        problems.add(field + message.getInstanceLocation() + ": " + message.getError());
      }
    } catch (JsonProcessingException e) {
      problems.add(field + ": not JSON: " + e.getOriginalMessage());
    }
    remoteReferences(field, schema, problems);
    return List.copyOf(problems);
  }

  private static void remoteReferences(String at, JsonElement node, List<String> problems) {
    if (node.isJsonObject()) {
      for (var entry : node.getAsJsonObject().entrySet()) {
        JsonElement value = entry.getValue();
        if (("$ref".equals(entry.getKey()) || "$dynamicRef".equals(entry.getKey()))
            && value.isJsonPrimitive()
            && REMOTE.matcher(value.getAsString()).matches()) {
          problems.add(
              at
                  + "/"
                  + entry.getKey()
                  + ": "
                  + value.getAsString()
                  + " refers to another document; use a local reference such as #/$defs/x");
        } else {
          remoteReferences(at + "/" + entry.getKey(), value, problems);
        }
      }
    } else if (node.isJsonArray()) {
      JsonArray array = node.getAsJsonArray();
      for (int i = 0; i < array.size(); i++) {
        remoteReferences(at + "/" + i, array.get(i), problems);
      }
    }
  }
}
