package io.mcpoperator.operator.crd;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import dev.cel.common.types.CelType;
import dev.cel.common.types.CelTypeProvider;
import dev.cel.common.types.ListType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.common.types.StructType;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The CEL types the API server gives a CRD's schema nodes, so that rules are type-checked the way
 * kube-apiserver checks them (apiextensions' {@code SchemaDeclType}): an object with properties is
 * a struct of exactly those fields, an object with {@code additionalProperties} is a map, an array
 * is a list, and an object that only preserves unknown fields is a struct with <em>no</em> fields
 * (the API server does not type data it has no schema for, so {@code self.type} on it is "undefined
 * field"). At a resource's root, {@code apiVersion}, {@code kind}, {@code metadata.name} and {@code
 * metadata.generateName} are always declared. Property names that are CEL reserved words are
 * escaped ({@code in} → {@code __in__}).
 */
final class CelSchemaTypes implements CelTypeProvider {
  static final Set<String> RESERVED =
      Set.of(
          "true",
          "false",
          "null",
          "in",
          "as",
          "break",
          "const",
          "continue",
          "else",
          "for",
          "function",
          "if",
          "import",
          "let",
          "loop",
          "package",
          "namespace",
          "return",
          "var",
          "void",
          "while");

  private final Map<String, CelType> structs = new LinkedHashMap<>();

  /** The CEL type of {@code schema} found at {@code path} ({@code ""} for the root). */
  CelType typeOf(String path, Map<String, Object> schema) {
    return typeOf(path, schema, path.isEmpty());
  }

  /** A property name as a rule spells it. */
  static String escaped(String property) {
    return RESERVED.contains(property) ? "__" + property + "__" : property;
  }

  @SuppressWarnings("unchecked")
  private CelType typeOf(String path, Map<String, Object> schema, boolean resourceRoot) {
    if (Boolean.TRUE.equals(schema.get("x-kubernetes-int-or-string"))) {
      return SimpleType.DYN;
    }
    String type = String.valueOf(schema.get("type"));
    return switch (type) {
      case "string" -> stringType(schema);
      case "integer" -> SimpleType.INT;
      case "number" -> SimpleType.DOUBLE;
      case "boolean" -> SimpleType.BOOL;
      case "array" ->
          ListType.create(typeOf(path + "[]", (Map<String, Object>) schema.get("items"), false));
      case "object" -> objectType(path, schema, resourceRoot);
      default -> SimpleType.DYN;
    };
  }

  private static CelType stringType(Map<String, Object> schema) {
    return switch (String.valueOf(schema.get("format"))) {
      case "date-time" -> SimpleType.TIMESTAMP;
      case "duration" -> SimpleType.DURATION;
      case "byte" -> SimpleType.BYTES;
      default -> SimpleType.STRING;
    };
  }

  @SuppressWarnings("unchecked")
  private CelType objectType(String path, Map<String, Object> schema, boolean resourceRoot) {
    if (schema.get("additionalProperties") instanceof Map<?, ?> values) {
      return MapType.create(
          SimpleType.STRING, typeOf(path + ".*", (Map<String, Object>) values, false));
    }
    Map<String, CelType> fields = new LinkedHashMap<>();
    Map<String, Object> props =
        schema.get("properties") instanceof Map<?, ?> p ? (Map<String, Object>) p : Map.of();
    boolean embedded = Boolean.TRUE.equals(schema.get("x-kubernetes-embedded-resource"));
    props.forEach(
        (name, sub) ->
            fields.put(
                escaped(name),
                (resourceRoot || embedded) && name.equals("metadata")
                    ? objectMeta(path + ".metadata")
                    : typeOf(path + "." + name, (Map<String, Object>) sub, false)));
    if (resourceRoot || embedded) {
      fields.putIfAbsent("apiVersion", SimpleType.STRING);
      fields.putIfAbsent("kind", SimpleType.STRING);
      fields.putIfAbsent("metadata", objectMeta(path + ".metadata"));
    }
    return struct(path, fields);
  }

  private CelType objectMeta(String path) {
    return struct(path, Map.of("name", SimpleType.STRING, "generateName", SimpleType.STRING));
  }

  private CelType struct(String path, Map<String, CelType> fields) {
    String name = "object" + path.replaceAll("[^A-Za-z0-9_.]", "_");
    StructType struct =
        StructType.create(
            name, ImmutableSet.copyOf(fields.keySet()), f -> Optional.ofNullable(fields.get(f)));
    structs.put(name, struct);
    return struct;
  }

  @Override
  public ImmutableList<CelType> types() {
    return ImmutableList.copyOf(structs.values());
  }

  @Override
  public Optional<CelType> findType(String typeName) {
    return Optional.ofNullable(structs.get(typeName));
  }
}
