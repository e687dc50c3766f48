package io.mcpoperator.operator.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonSubsetTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          identical                         | {"a":1,"b":"x"}                      | {"a":1,"b":"x"}          | true
          extra observed fields ignored     | {"a":1,"clusterIP":"10.0.0.1"}        | {"a":1}                  | true
          changed value                     | {"a":2}                              | {"a":1}                  | false
          missing field                     | {"b":1}                              | {"a":1}                  | false
          foreign label kept                | {"labels":{"x":"1","team":"a"}}      | {"labels":{"x":"1"}}     | true
          defaulted container fields        | {"c":[{"name":"s","tmp":"/dev"}]}    | {"c":[{"name":"s"}]}     | true
          list length differs               | {"c":[1,2]}                          | {"c":[1]}                | false
          empty desired list, absent field  | {"a":1}                              | {"args":[]}              | true
          empty desired list, non-empty     | {"args":["x"]}                       | {"args":[]}              | false
          quantities compare by value       | {"limits":{"cpu":"0.5"}}             | {"limits":{"cpu":"500m"}}| true
          quantities that differ            | {"requests":{"memory":"1Gi"}}        | {"requests":{"memory":"512Mi"}} | false
          number versus string              | {"port":"80"}                        | {"port":80}              | false
          """)
  void observedContainsDesired(String name, String observed, String desired, boolean expected) {
    assertThat(JsonSubset.contains(json(observed), json(desired))).isEqualTo(expected);
  }

  @Test
  void mergeWritesDesiredFieldsOverObservedAndKeepsTheRest() {
    JsonObject merged =
        JsonSubset.merge(
            json(
                """
                {"metadata":{"labels":{"team":"a"},"resourceVersion":"7"},
                 "spec":{"clusterIP":"10.0.0.1","ports":[{"port":80,"nodePort":30001}],"args":["a","b"]}}
                """),
            json(
                """
                {"metadata":{"labels":{"app":"x"}},
                 "spec":{"ports":[{"port":8080}],"args":["c"]}}
                """));

    assertThat(merged)
        .isEqualTo(
            json(
                """
                {"metadata":{"labels":{"team":"a","app":"x"},"resourceVersion":"7"},
                 "spec":{"clusterIP":"10.0.0.1","ports":[{"port":8080,"nodePort":30001}],"args":["c"]}}
                """));
    assertThat(JsonSubset.contains(merged, json("{\"spec\":{\"ports\":[{\"port\":8080}]}}")))
        .isTrue();
  }

  private static JsonObject json(String text) {
    return JsonParser.parseString(text).getAsJsonObject();
  }
}
