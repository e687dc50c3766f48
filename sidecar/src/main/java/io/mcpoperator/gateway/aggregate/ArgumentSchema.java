package io.mcpoperator.gateway.aggregate;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaException;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import io.mcpoperator.mcp.jsonrpc.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A JSON Schema (draft 2020-12, compiled once per configuration load) and the messages it gives for
 * an invalid value, each naming the field that is wrong. Nothing is fetched from the network.
 */
public final class ArgumentSchema {
  private static final JsonMapper MAPPER = JsonMapper.builder().build();
  private static final SchemaRegistry REGISTRY =
      SchemaRegistry.withDefaultDialect(
          SpecificationVersion.DRAFT_2020_12,
          builder -> builder.schemaLoader(loader -> loader.fetchRemoteResources(false)));
  private static final Schema META_SCHEMA =
      REGISTRY.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
  private static final Set<String> KEYWORDS_NAMING_A_PROPERTY =
      Set.of("required", "additionalProperties", "dependentRequired", "unevaluatedProperties");
  private static final int MAX_PROBLEMS = 5;
  private final Schema schema;

  private ArgumentSchema(Schema schema) {
    this.schema = schema;
  }

  /**
   * Compiles {@code schema}.
   *
   * @throws IllegalArgumentException when it does not validate against the 2020-12 meta-schema
   */
  public static ArgumentSchema compile(JsonObject schema) {
    try {
      JsonNode node = MAPPER.readTree(Json.write(schema));
      List<Error> invalid = META_SCHEMA.validate(node);
      if (!invalid.isEmpty()) {
        throw new IllegalArgumentException(
            "not a valid JSON Schema (2020-12): "
                + invalid.stream().map(Error::toString).collect(Collectors.joining("; ")));
      }
      Schema compiled = REGISTRY.getSchema(node);
      compiled.initializeValidators();
      return new ArgumentSchema(compiled);
    } catch (SchemaException | JacksonException | IllegalStateException e) {
      throw new IllegalArgumentException("not a usable JSON Schema: " + e.getMessage(), e);
    }
  }

  /** Empty when {@code value} is valid, else the problems, e.g. {@code days: must have ...}. */
  public Optional<String> problems(JsonValue value) {
    List<Error> errors = schema.validate(MAPPER.readTree(Json.write(value)));
    if (errors.isEmpty()) {
      return Optional.empty();
    }
    String text =
        errors.stream()
            .limit(MAX_PROBLEMS)
            .map(ArgumentSchema::describe)
            .collect(Collectors.joining("; "));
    return Optional.of(errors.size() > MAX_PROBLEMS ? text + "; ..." : text);
  }

  static String describe(Error error) {
    String field = field(error.getInstanceLocation());
    if (KEYWORDS_NAMING_A_PROPERTY.contains(error.getKeyword()) && error.getProperty() != null) {
      field = field.isEmpty() ? error.getProperty() : field + "." + error.getProperty();
    }
    return (field.isEmpty() ? "arguments" : field) + ": " + error.getMessage();
  }

  private static String field(NodePath path) {
    var out = new StringBuilder();
    for (int i = 0; i < path.getNameCount(); i++) {
      Object element = path.getElement(i);
      if (element instanceof Integer index) {
        out.append('[').append(index).append(']');
      } else {
        out.append(out.isEmpty() ? "" : ".").append(element);
      }
    }
    return out.toString();
  }
}
