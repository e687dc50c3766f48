package io.mcpoperator.operator.crd;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Defaults the API server fills in, which the operator's own defaults must equal (the in-JVM API
 * server and {@code render -f} do not apply CRD defaults, so the operator applies the same ones).
 */
class CrdDefaultsTest {

  @ParameterizedTest(name = "{0} {1} = {2}")
  @CsvSource({
    "MCPServer, spec.tag, latest",
    "MCPServer, spec.replicas, 1",
    "MCPServer, spec.port, 8080",
    "MCPServer, spec.serviceType, ClusterIP",
    "MCPServer, spec.transport, stdio",
    "MCPServer, spec.path, /mcp",
    "MCPServer, spec.redis.port, 6379",
    "MCPServer, spec.redis.database, 0",
    "MCPServer, spec.redis.passwordSecret.key, password",
    "MCPServer, spec.ingress.pathPrefix, /mcp",
    "MCPServer, spec.config, {}",
    "MCPServer, spec.config.requestTimeout, 30s",
    "MCPServer, spec.config.maxConcurrentRequests, 100",
    "MCPServer, spec.config.maxBodySize, 4Mi",
    "MCPServer, spec.config.sessionIdleTimeout, 30m",
    "MCPTool, spec.method, POST",
    "MCPTool, spec.service.port, 80",
    "MCPTool, spec.service.path, /",
    "MCPTool, spec.timeout, 30s",
    "MCPTool, spec.inputSchema, {type=object}",
    "MCPPrompt, spec.variables[].required, false",
    "MCPResource, spec.content.mimeType, text/plain",
    "MCPResource, spec.operations[].method, GET",
    "MCPResource, spec.operations[].mimeType, application/json",
    "MCPResource, spec.operations[].service.port, 80",
    "MCPResource, spec.operations[].service.path, /",
    "MCPResource, spec.operations[].parameters[].in, query",
    "MCPResource, spec.operations[].parameters[].required, false"
  })
  void defaultIs(String kind, String field, String expected) {
    Object value = YamlTree.at(Crd.of(kind).schema(), schemaPath(field));

    assertThat(value).as("%s %s has a default", kind, field).isNotNull();
    assertThat(String.valueOf(value)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} {1} has no default")
  @CsvSource({
    "MCPServer, spec.image",
    "MCPServer, spec.command",
    "MCPServer, spec.resources",
    "MCPServer, spec.toolSelector",
    "MCPServer, spec.redis",
    "MCPServer, spec.ingress"
  })
  void optionalPartsStayAbsent(String kind, String field) {
    Object[] path = schemaPath(field);
    Map<String, Object> node =
        YamlTree.map(Crd.of(kind).schema(), List.of(path).subList(0, path.length - 1).toArray());

    assertThat(node).doesNotContainKey("default");
  }

  /** {@code spec.a[].b} → properties/spec/properties/a/items/properties/b/default. */
  private static Object[] schemaPath(String field) {
    List<Object> path = new ArrayList<>();
    for (String step : field.split("\\.")) {
      boolean list = step.endsWith("[]");
      path.add("properties");
      path.add(list ? step.substring(0, step.length() - 2) : step);
      if (list) {
        path.add("items");
      }
    }
    path.add("default");
    return path.toArray();
  }
}
