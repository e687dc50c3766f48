package io.mcpoperator.operator.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import io.mcpoperator.operator.desired.TestServers;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SchemaCheckTest {

  static Stream<Arguments> schemas() {
    return Stream.of(
        Arguments.of("{type: object}", ""),
        Arguments.of("{}", ""),
        Arguments.of(
            "{type: object, properties: {city: {type: string, minLength: 1}}, required: [city],"
                + " additionalProperties: false}",
            ""),
        Arguments.of(
            "{type: object, $defs: {c: {type: string}}, properties: {city: {$ref: '#/$defs/c'}}}",
            ""),
        Arguments.of("{type: array}", "spec.inputSchema: type must be \"object\""),
        Arguments.of("{type: [object, 'null']}", "type must be \"object\""),
        Arguments.of(
            "{type: object, properties: {a: {type: strnig}}}",
            "spec.inputSchema/properties/a/type"),
        Arguments.of("{type: object, required: city}", "spec.inputSchema/required"),
        Arguments.of("{type: object, properties: {a: {minimum: low}}}", "/properties/a/minimum"),
        Arguments.of(
            "{type: object, properties: {a: {$ref: 'https://example.com/s.json'}}}",
            "spec.inputSchema/properties/a/$ref: https://example.com/s.json refers to another"
                + " document"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("schemas")
  void acceptsJsonSchemasOfObjectsOnly(String schema, String problem) {
    JsonObject json = TestServers.json("s: " + schema).getAsJsonObject("s");

    var problems = SchemaCheck.problems("spec.inputSchema", json);

    if (problem.isEmpty()) {
      assertThat(problems).isEmpty();
    } else {
      assertThat(problems).anySatisfy(p -> assertThat(p).contains(problem));
    }
  }
}
