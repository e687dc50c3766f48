package io.mcpoperator.k8stools.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcpoperator.k8stools.command.ErrorCode;
import io.mcpoperator.k8stools.command.Tool;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The static document stays in step with the code it describes. */
class OpenApiDocumentTest {
  private final JsonObject doc = OpenApiDocument.build("1.2.3");

  @Test
  void carriesTheServerVersion() {
    assertThat(doc.getJsonObject("info").getString("version")).isEqualTo("1.2.3");
  }

  @Test
  void toolEnumIsTheToolList() {
    JsonObject tool =
        doc.getJsonObject("paths")
            .getJsonObject("/tools/{tool}")
            .getJsonObject("post")
            .getJsonArray("parameters")
            .getJsonObject(0);
    assertThat(tool.getJsonObject("schema").getJsonArray("enum").getValuesAs(JsonString::getString))
        .containsExactlyElementsOf(Tool.names());
  }

  @Test
  void errorCodeEnumIsTheErrorCodeList() {
    JsonObject errorCode =
        doc.getJsonObject("components")
            .getJsonObject("schemas")
            .getJsonObject("ToolResponse")
            .getJsonObject("properties")
            .getJsonObject("error_code");
    assertThat(errorCode.getJsonArray("enum").getValuesAs(JsonString::getString))
        .containsExactlyElementsOf(Arrays.stream(ErrorCode.values()).map(Enum::name).toList());
  }

  @Test
  void everyResponseSchemaReferenceResolves() {
    JsonObject schemas = doc.getJsonObject("components").getJsonObject("schemas");
    assertThat(refs(doc.toString()))
        .allSatisfy(name -> assertThat(schemas.containsKey(name)).as(name).isTrue());
  }

  private static java.util.List<String> refs(String json) {
    var matcher = java.util.regex.Pattern.compile("#/components/schemas/(\\w+)").matcher(json);
    var names = new java.util.ArrayList<String>();
    while (matcher.find()) {
      names.add(matcher.group(1));
    }
    return names;
  }
}
