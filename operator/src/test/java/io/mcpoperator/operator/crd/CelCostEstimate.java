package io.mcpoperator.operator.crd;

import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The worst-case cost kube-apiserver estimates for a CEL rule before it accepts a CRD, ported from
 * cel-go's {@code checker/cost.go} for the functions our rules use, with the API server's size
 * estimates ({@code apiextensions-apiserver/pkg/apiserver/schema/cel/model}): a string with {@code
 * maxLength n} may hold {@code 4n} bytes (a code point is up to four bytes); an unbounded string,
 * list or map is as large as a 3 MiB request allows. A rule's cost is then multiplied by how often
 * it can run: the product of the maximum sizes of the lists and maps above it. The API server
 * refuses a CRD when one rule exceeds {@link #RULE_LIMIT} or all its rules together exceed {@link
 * #CRD_LIMIT}.
 *
 * <p>A function without a cost rule here fails the estimate (add its rule from cost.go rather than
 * guess), so a new rule cannot pass unestimated.
 */
final class CelCostEstimate {
  /** {@code StaticEstimatedCostLimit} of apiextensions validation: one rule. */
  static final long RULE_LIMIT = 10_000_000L;

  /** {@code StaticEstimatedCRDCostLimit}: every rule of one CRD together. */
  static final long CRD_LIMIT = 100_000_000L;

  static final long MAX_REQUEST_BYTES = 3L * 1024 * 1024;
  private static final double STRING_TRAVERSAL = 0.1;
  private static final double REGEX_LENGTH = 0.25;
  private static final long LIST_CREATE = 10;
  private static final long MAP_CREATE = 30;

  /** What a sub-expression costs, how large its value can be, and its schema when known. */
  record Estimate(long cost, long size, Map<String, Object> schema) {
    static Estimate of(long cost) {
      return new Estimate(cost, 1, null);
    }

    Estimate plus(long more) {
      return new Estimate(cost + more, size, schema);
    }
  }

  private final Map<String, Map<String, Object>> variables = new HashMap<>();

  private CelCostEstimate(Map<String, Object> self) {
    variables.put("self", self);
  }

  /** The estimated cost of one evaluation of {@code expr} with {@code self} of {@code schema}. */
  static long cost(CelExpr expr, Map<String, Object> schema) {
    return new CelCostEstimate(schema).estimate(expr).cost();
  }

  /**
   * {@code schema} of a resource's root as the API server sees it: {@code metadata.name} and {@code
   * metadata.generateName} are declared (unbounded strings) whatever the CRD says.
   */
  @SuppressWarnings("unchecked")
  static Map<String, Object> withObjectMeta(Map<String, Object> schema) {
    Map<String, Object> root = new HashMap<>(schema);
    Map<String, Object> props =
        new HashMap<>((Map<String, Object>) root.getOrDefault("properties", Map.of()));
    props.put(
        "metadata",
        Map.of(
            "type",
            "object",
            "properties",
            Map.of("name", Map.of("type", "string"), "generateName", Map.of("type", "string"))));
    root.put("properties", props);
    return root;
  }

  /** The largest number of elements (or bytes, for a string) a value of {@code schema} holds. */
  static long maxSize(Map<String, Object> schema) {
    String type = String.valueOf(schema.get("type"));
    return switch (type) {
      case "string" ->
          schema.get("maxLength") instanceof Number n ? 4 * n.longValue() : MAX_REQUEST_BYTES - 2;
      case "array" ->
          schema.get("maxItems") instanceof Number n
              ? n.longValue()
              : (MAX_REQUEST_BYTES - 2) / (minSerializedSize(child(schema, "items")) + 1);
      case "object" ->
          schema.get("maxProperties") instanceof Number n
              ? n.longValue()
              : (MAX_REQUEST_BYTES - 2) / 4;
      default -> 1;
    };
  }

  private static long minSerializedSize(Map<String, Object> schema) {
    return switch (String.valueOf(schema.get("type"))) {
      case "integer", "number" -> 1;
      case "boolean" -> 4;
      default -> 2;
    };
  }

  private Estimate estimate(CelExpr e) {
    return switch (e.getKind()) {
      case CONSTANT -> constant(e.constant());
      case IDENT ->
          new Estimate(1, sizeOf(variables.get(e.ident().name())), variables.get(e.ident().name()));
      case SELECT -> select(e.select());
      case CALL -> call(e.call());
      case LIST -> list(e.list().elements());
      case MAP ->
          Estimate.of(
              MAP_CREATE
                  + e.map().entries().stream()
                      .mapToLong(en -> estimate(en.key()).cost() + estimate(en.value()).cost())
                      .sum());
      case COMPREHENSION -> comprehension(e.comprehension());
      default ->
          throw new IllegalArgumentException("no cost rule for expression kind " + e.getKind());
    };
  }

  private static Estimate constant(CelConstant c) {
    return c.getKind() == CelConstant.Kind.STRING_VALUE
        ? new Estimate(0, c.stringValue().length(), null)
        : Estimate.of(0);
  }

  private static long sizeOf(Map<String, Object> schema) {
    return schema == null ? 1 : maxSize(schema);
  }

  private Estimate select(CelExpr.CelSelect select) {
    Estimate operand = estimate(select.operand());
    if (select.testOnly()) {
      return Estimate.of(operand.cost() + 1);
    }
    Map<String, Object> field = property(operand.schema(), select.field());
    return new Estimate(operand.cost() + 1, sizeOf(field), field);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> property(Map<String, Object> schema, String escapedName) {
    if (schema == null) {
      return null;
    }
    if (schema.get("additionalProperties") instanceof Map<?, ?> values) {
      return (Map<String, Object>) values;
    }
    if (schema.get("properties") instanceof Map<?, ?> props) {
      for (Map.Entry<?, ?> p : props.entrySet()) {
        if (CelSchemaTypes.escaped((String) p.getKey()).equals(escapedName)) {
          return (Map<String, Object>) p.getValue();
        }
      }
    }
    return null;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> child(Map<String, Object> schema, String keyword) {
    return schema != null && schema.get(keyword) instanceof Map<?, ?> m
        ? (Map<String, Object>) m
        : null;
  }

  private Estimate list(List<CelExpr> elements) {
    long cost = LIST_CREATE + elements.stream().mapToLong(el -> estimate(el).cost()).sum();
    return new Estimate(cost, elements.size(), null);
  }

  private Estimate comprehension(CelExpr.CelComprehension c) {
    Estimate range = estimate(c.iterRange());
    Map<String, Object> element =
        range.schema() == null
            ? null
            : "array".equals(range.schema().get("type"))
                ? child(range.schema(), "items")
                : Map.of("type", "string");
    variables.put(c.iterVar(), element);
    long perIteration = estimate(c.loopCondition()).cost() + estimate(c.loopStep()).cost();
    variables.remove(c.iterVar());
    long cost =
        range.cost()
            + estimate(c.accuInit()).cost()
            + estimate(c.result()).cost()
            + multiply(range.size(), perIteration);
    return Estimate.of(cost);
  }

  private Estimate call(CelExpr.CelCall call) {
    List<Estimate> args =
        java.util.stream.Stream.concat(call.target().stream(), call.args().stream())
            .map(this::estimate)
            .toList();
    long argCosts = args.stream().mapToLong(Estimate::cost).sum();
    return switch (call.function()) {
      case "_&&_", "_||_" -> Estimate.of(argCosts);
      case "_?_:_" ->
          new Estimate(
              args.get(0).cost() + Math.max(args.get(1).cost(), args.get(2).cost()),
              Math.max(args.get(1).size(), args.get(2).size()),
              null);
      case "!_", "@not_strictly_false", "size", "_<_", "_<=_", "_>_", "_>=_", "_-_" ->
          Estimate.of(1 + argCosts);
      case "_==_", "_!=_" ->
          Estimate.of(
              Math.max(
                      1, factor(Math.min(args.get(0).size(), args.get(1).size()), STRING_TRAVERSAL))
                  + argCosts);
      case "_+_" -> {
        long size = args.get(0).size() + args.get(1).size();
        yield new Estimate(factor(size, STRING_TRAVERSAL) + argCosts, size, null);
      }
      case "_[_]" ->
          new Estimate(
              1 + argCosts,
              sizeOf(child(args.get(0).schema(), "items")),
              child(args.get(0).schema(), "items"));
      case "@in" -> Estimate.of(args.get(1).size() + argCosts);
      case "startsWith", "endsWith" ->
          Estimate.of(factor(args.get(1).size(), STRING_TRAVERSAL) + argCosts);
      case "contains" ->
          Estimate.of(
              multiply(
                      factor(args.get(0).size(), STRING_TRAVERSAL),
                      factor(args.get(1).size(), STRING_TRAVERSAL))
                  + argCosts);
      case "matches" ->
          Estimate.of(
              multiply(
                      factor(args.get(0).size(), STRING_TRAVERSAL),
                      factor(args.get(1).size(), REGEX_LENGTH))
                  + argCosts);
      default ->
          throw new IllegalArgumentException(
              "no cost rule for CEL function "
                  + call.function()
                  + ": port it from cel-go checker/cost.go into CelCostEstimate");
    };
  }

  private static long factor(long size, double perUnit) {
    return (long) Math.ceil(size * perUnit);
  }

  static long multiply(long a, long b) {
    return a != 0 && b > Long.MAX_VALUE / a ? Long.MAX_VALUE : a * b;
  }
}
