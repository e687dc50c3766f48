package io.mcpoperator.operator.crd;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What {@code kubectl get} shows and accepts: names, short names, categories, columns. */
class CrdNamesTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "MCPServer, mcpservers, mcpserver, mcps",
    "MCPTool, mcptools, mcptool, mcpt",
    "MCPPrompt, mcpprompts, mcpprompt, mcpp",
    "MCPResource, mcpresources, mcpresource, mcpr",
    "MCPRegistry, mcpregistries, mcpregistry, mcpreg"
  })
  void namesShortNamesAndCategory(String kind, String plural, String singular, String shortName) {
    Crd crd = Crd.of(kind);

    assertThat(YamlTree.string(crd.yaml(), "spec", "group")).isEqualTo(Crd.GROUP);
    assertThat(YamlTree.string(crd.yaml(), "spec", "scope")).isEqualTo("Namespaced");
    assertThat(crd.names())
        .containsEntry("plural", plural)
        .containsEntry("singular", singular)
        .containsEntry("listKind", kind + "List")
        .containsEntry("shortNames", List.of(shortName))
        .containsEntry("categories", List.of("mcp"));
    assertThat(YamlTree.list(crd.yaml(), "spec", "versions")).hasSize(1);
    assertThat(crd.version())
        .containsEntry("name", Crd.VERSION)
        .containsEntry("served", true)
        .containsEntry("storage", true);
    assertThat(YamlTree.at(crd.version(), "subresources", "status")).isEqualTo(Map.of());
  }

  @Test
  void mcpServerScalesThroughSpecReplicasAndStatusSelector() {
    Crd crd = Crd.of("MCPServer");

    assertThat(YamlTree.map(crd.version(), "subresources", "scale"))
        .containsEntry("specReplicasPath", ".spec.replicas")
        .containsEntry("statusReplicasPath", ".status.replicas")
        .containsEntry("labelSelectorPath", ".status.selector");
    assertThat(
            YamlTree.string(crd.schema(), "properties", "status", "properties", "selector", "type"))
        .isEqualTo("string");
    assertThat(
            YamlTree.string(crd.schema(), "properties", "status", "properties", "replicas", "type"))
        .isEqualTo("integer");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "MCPServer | IMAGE=.spec.image, TAG=.spec.tag, REPLICAS=.spec.replicas,"
            + " READY=.status.readyReplicas, TOOLS=.status.toolCount, PHASE=.status.phase,"
            + " AGE=.metadata.creationTimestamp",
        "MCPTool | TOOL=.spec.name, SERVICE=.spec.service.name, READY=.status.ready,"
            + " SERVERS=.status.servers, AGE=.metadata.creationTimestamp",
        "MCPPrompt | PROMPT=.spec.name, VARIABLES=.status.variableCount, VALID=.status.validated,"
            + " AGE=.metadata.creationTimestamp",
        "MCPResource | RESOURCE=.spec.name, OPERATIONS=.status.operationCount,"
            + " READY=.status.ready, AGE=.metadata.creationTimestamp",
        "MCPRegistry | SOURCE=.status.source, SERVERS=.status.serverCount,"
            + " SYNCED=.status.synced, AGE=.metadata.creationTimestamp"
      })
  void defaultColumnsAreTheDocumentedOnes(String kind, String expected) {
    List<String> columns =
        Crd.of(kind).printerColumns().stream()
            .filter(c -> priority(c) == 0)
            .map(c -> c.get("name").toString().toUpperCase() + "=" + c.get("jsonPath"))
            .toList();

    assertThat(columns).containsExactly(expected.split(",\\s*"));
  }

  @Test
  void urlShowsOnlyInWideOutput() {
    List<Map<String, Object>> wide =
        Crd.of("MCPServer").printerColumns().stream().filter(c -> priority(c) > 0).toList();

    assertThat(wide).hasSize(1);
    assertThat(wide.getFirst())
        .containsEntry("name", "URL")
        .containsEntry("jsonPath", ".status.url")
        .containsEntry("priority", 1);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"MCPServer", "MCPTool", "MCPPrompt", "MCPResource", "MCPRegistry"})
  void everyColumnPointsAtAFieldOfTheSchemaWithItsType(String kind) {
    Crd crd = Crd.of(kind);
    for (Map<String, Object> column : crd.printerColumns()) {
      String path = (String) column.get("jsonPath");
      if (path.equals(".metadata.creationTimestamp")) {
        assertThat(column.get("type")).isEqualTo("date");
        continue;
      }
      Object[] steps = path.substring(1).split("\\.");
      Object[] schemaPath = new Object[steps.length * 2];
      for (int i = 0; i < steps.length; i++) {
        schemaPath[2 * i] = "properties";
        schemaPath[2 * i + 1] = steps[i];
      }
      Map<String, Object> field = YamlTree.map(crd.schema(), schemaPath);
      String expectedType =
          switch ((String) field.get("type")) {
            case "array" -> "string";
            default -> (String) field.get("type");
          };
      assertThat(column.get("type")).as("%s column %s", kind, path).isEqualTo(expectedType);
    }
  }

  private static int priority(Map<String, Object> column) {
    return column.get("priority") instanceof Integer p ? p : 0;
  }
}
