package io.mcpoperator.operator.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class StrictFieldsTest {
  static final Map<String, Object> SERVER =
      CrdSchemas.embedded()
          .lookup("mcpoperator.io/v1alpha1", "MCPServer")
          .version()
          .orElseThrow()
          .schema();
  static final Map<String, Object> TOOL =
      CrdSchemas.embedded()
          .lookup("mcpoperator.io/v1alpha1", "MCPTool")
          .version()
          .orElseThrow()
          .schema();

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("known fields", SERVER, "{spec: {image: a, replicas: 2}}", List.of()),
        Arguments.of("a typo in spec", SERVER, "{spec: {imagee: a}}", List.of("spec.imagee")),
        Arguments.of("top level", SERVER, "{spec: {}, specc: {}}", List.of("specc")),
        Arguments.of(
            "array items",
            SERVER,
            "{spec: {tolerations: [{key: a}, {key: b, effectt: x}]}}",
            List.of("spec.tolerations[1].effectt")),
        Arguments.of(
            "nested object",
            SERVER,
            "{spec: {redis: {serviceName: r, portt: 1}}}",
            List.of("spec.redis.portt")),
        Arguments.of(
            "map values are free", SERVER, "{spec: {nodeSelector: {any: thing}}}", List.of()),
        Arguments.of(
            "preserve-unknown-fields",
            SERVER,
            "{spec: {affinity: {whatever: {deep: 1}}}}",
            List.of()),
        Arguments.of(
            "metadata against ObjectMeta",
            SERVER,
            "{metadata: {name: a, labels: {x: y}, annotations: {}, labelz: {}}, spec: {}}",
            List.of("metadata.labelz")),
        Arguments.of(
            "several, in document order",
            SERVER,
            "{spec: {a: 1, image: x, b: 2}, status: {c: 3}}",
            List.of("spec.a", "spec.b", "status.c")),
        Arguments.of(
            "an object where a list belongs is a type error, not unknown fields",
            SERVER,
            "{spec: {env: {a: b}}}",
            List.of()),
        Arguments.of(
            "an MCPTool's free-form input schema",
            TOOL,
            "{spec: {inputSchema: {type: object, properties: {q: {type: string}}}, nam: t}}",
            List.of("spec.nam")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void unknownFieldsAreNamedByTheirPath(
      String name, Map<String, Object> schema, String json, List<String> unknown) {
    assertThat(StrictFields.prune(schema, parse(json))).isEqualTo(unknown);
  }

  @Test
  void unknownFieldsArePrunedAndKnownOnesKept() {
    JsonObject object = parse("{metadata: {name: a, labelz: {}}, spec: {image: x, imagee: y}}");

    StrictFields.prune(SERVER, object);

    assertThat(object).isEqualTo(parse("{metadata: {name: a}, spec: {image: x}}"));
  }

  private static JsonObject parse(String json) {
    return JsonParser.parseString(json).getAsJsonObject();
  }
}
