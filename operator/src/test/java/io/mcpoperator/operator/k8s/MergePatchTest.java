package io.mcpoperator.operator.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MergePatchTest {

  private static JsonObject json(String text) {
    return JsonParser.parseString(text.replace('\'', '"')).getAsJsonObject();
  }

  @ParameterizedTest(name = "{0} -> {1} = {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{'phase':'Running'} | {'phase':'Running'} | {}",
        "{'phase':'Pending'} | {'phase':'Running'} | {'phase':'Running'}",
        "{'phase':'Running','url':'http://a'} | {'phase':'Running'} | {'url':null}",
        "{} | {'url':'http://a'} | {'url':'http://a'}",
        "{'a':{'x':1,'y':2}} | {'a':{'x':1}} | {'a':{'y':null}}",
        "{'a':{'x':1}} | {'a':{'x':1}} | {}",
        "{'c':[1,2]} | {'c':[2]} | {'c':[2]}",
        "{'a':{'x':1}} | {'a':5} | {'a':5}",
        "{'url':null} | {} | {}",
      })
  void patchTurnsBeforeIntoAfter(String before, String after, String patch) {
    assertThat(MergePatch.between(json(before), json(after))).isEqualTo(json(patch));
  }

  @ParameterizedTest(name = "{0} vs {1}: {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{'phase':'Running'} | {'phase':'Running'} | true",
        "{'phase':'Running','url':null} | {'phase':'Running'} | true",
        "{'phase':'Pending'} | {'phase':'Running'} | false",
      })
  void sameIgnoresNullsLeftByAStore(String before, String after, boolean same) {
    assertThat(MergePatch.same(json(before), json(after))).isEqualTo(same);
  }
}
