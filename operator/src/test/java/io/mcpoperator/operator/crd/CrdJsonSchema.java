package io.mcpoperator.operator.crd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A CRD's structural OpenAPI v3 schema as a JSON Schema (2020-12), validating the way the API
 * server's schema validation does (CEL rules aside):
 *
 * <ul>
 *   <li>{@code x-kubernetes-int-or-string} becomes "integer or string";
 *   <li>objects with {@code properties} reject unknown fields, as {@code kubectl apply} with strict
 *       field validation does, unless {@code x-kubernetes-preserve-unknown-fields} is set;
 *   <li>{@code x-kubernetes-list-type: map} rejects two items with the same keys;
 *   <li>{@code format} is left out (the API server checks only a few string formats).
 * </ul>
 *
 * Messages are in English whatever the machine's locale, so tests can match them.
 */
final class CrdJsonSchema {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonSchemaFactory FACTORY =
      JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
  private static final SchemaValidatorsConfig CONFIG =
      SchemaValidatorsConfig.builder().locale(Locale.ENGLISH).pathType(PathType.LEGACY).build();

  private final Map<String, Object> openApiSchema;
  private final JsonSchema schema;

  private CrdJsonSchema(Map<String, Object> openApiSchema) {
    this.openApiSchema = openApiSchema;
    this.schema = FACTORY.getSchema(MAPPER.valueToTree(toJsonSchema(openApiSchema)), CONFIG);
  }

  static CrdJsonSchema of(Map<String, Object> openApiSchema) {
    return new CrdJsonSchema(openApiSchema);
  }

  static CrdJsonSchema of(Crd crd) {
    return new CrdJsonSchema(crd.schema());
  }

  /** Every violation, as {@code <JSON path>: <message>}; empty when the value is valid. */
  List<String> validate(Object value) {
    JsonNode node = MAPPER.valueToTree(value);
    List<String> errors = new ArrayList<>();
    for (ValidationMessage message : schema.validate(node)) {
      errors.add(message.getMessage());
    }
    ListMapKeys.duplicates(openApiSchema, value, "$", errors);
    return errors.stream().sorted().toList();
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> toJsonSchema(Map<String, Object> node) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : node.entrySet()) {
      String key = e.getKey();
      Object value = e.getValue();
      if (key.startsWith("x-kubernetes-") || key.equals("format")) {
        continue;
      }
      switch (key) {
        case "properties" -> {
          Map<String, Object> props = new LinkedHashMap<>();
          ((Map<String, Object>) value)
              .forEach((name, sub) -> props.put(name, toJsonSchema((Map<String, Object>) sub)));
          out.put(key, props);
        }
        case "items", "additionalProperties", "not" ->
            out.put(
                key, value instanceof Map<?, ?> m ? toJsonSchema((Map<String, Object>) m) : value);
        case "anyOf", "allOf", "oneOf" ->
            out.put(
                key,
                ((List<Object>) value)
                    .stream().map(s -> toJsonSchema((Map<String, Object>) s)).toList());
        default -> out.put(key, value);
      }
    }
    if (Boolean.TRUE.equals(node.get("x-kubernetes-int-or-string"))) {
      out.remove("type");
      out.putIfAbsent("anyOf", List.of(Map.of("type", "integer"), Map.of("type", "string")));
    }
    boolean preserve = Boolean.TRUE.equals(node.get("x-kubernetes-preserve-unknown-fields"));
    if (node.containsKey("properties") && !node.containsKey("additionalProperties") && !preserve) {
      out.put("additionalProperties", false);
    }
    return out;
  }
}
