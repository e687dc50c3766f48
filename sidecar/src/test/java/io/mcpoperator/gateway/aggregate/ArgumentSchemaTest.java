package io.mcpoperator.gateway.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mcpoperator.mcp.jsonrpc.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ArgumentSchemaTest {
  private static final ArgumentSchema SCHEMA =
      ArgumentSchema.compile(
          (JsonObject)
              Json.parse(
                  """
                  {"type": "object",
                   "properties": {
                     "city": {"type": "string", "minLength": 2},
                     "days": {"type": "integer", "minimum": 1, "maximum": 3},
                     "to": {"enum": ["en", "de"]},
                     "when": {"type": "string", "format": "date"},
                     "tags": {"type": "array", "items": {"type": "string"}},
                     "options": {"type": "object", "additionalProperties": false,
                                 "properties": {"units": {"type": "string"}}}},
                   "required": ["city"]}
                  """));

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          {}                                    | city: required property 'city' not found
          {"city": 3}                           | city: integer found, string expected
          {"city": "L"}                         | city: must be at least 2 characters long
          {"city": "Lisbon", "days": 7}         | days: must have a maximum value of 3
          {"city": "Lisbon", "days": 1.5}       | days: number found, integer expected
          {"city": "Lisbon", "to": "fr"}        | to: does not have a value in the enumeration
          {"city": "Lisbon", "tags": ["a", 1]}  | tags[1]: integer found, string expected
          {"city": "Lisbon", "options": {"x": 1}} | options.x: property 'x' is not defined in the schema
          """)
  void namesTheFieldThatIsWrong(String arguments, String message) {
    assertThat(SCHEMA.problems(Json.parse(arguments)))
        .hasValueSatisfying(p -> assertThat(p).startsWith(message));
  }

  @Test
  void acceptsValidArguments() {
    assertThat(
            SCHEMA.problems(
                Json.parse("{\"city\": \"Lisbon\", \"days\": 2, \"tags\": [], \"options\": {}}")))
        .isEmpty();
  }

  @Test
  void listsSeveralProblemsAtOnce() {
    assertThat(SCHEMA.problems(Json.parse("{\"days\": 0}")))
        .hasValueSatisfying(
            p -> assertThat(p).contains("city: required").contains("days: must have a minimum"));
  }

  @Test
  void aNonObjectIsReportedAsTheArguments() {
    assertThat(SCHEMA.problems(Json.parse("[1]")))
        .hasValueSatisfying(
            p -> assertThat(p).startsWith("arguments: array found, object expected"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          {"type": "no-such-type"}                                  | /type
          {"type": "object", "properties": {"a": {"minimum": "x"}}} | /properties/a/minimum
          {"required": "city"}                                      | /required
          """)
  void refusesSomethingThatIsNotASchema(String schema, String where) {
    assertThatThrownBy(() -> ArgumentSchema.compile((JsonObject) Json.parse(schema)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("not a valid JSON Schema (2020-12): " + where);
  }
}
