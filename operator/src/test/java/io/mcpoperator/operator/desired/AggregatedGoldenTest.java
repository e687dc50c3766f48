package io.mcpoperator.operator.desired;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcpoperator.operator.render.RenderCommand;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * An aggregating server with a representative selection (conflict, unready and excluded objects,
 * Secret headers, prompt, inline and HTTP resources): its children as a golden file, and its
 * gateway configuration as the shared fixture the gateway's loader is tested against.
 */
class AggregatedGoldenTest {
  static final Path AGGREGATED_FIXTURE =
      Path.of("../sidecar/src/test/resources/config/operator-generated-aggregated.json");

  private static String out;
  private static String err;

  @BeforeAll
  static void render() {
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    int exit =
        RenderCommand.run(
            List.of("-f", Golden.DIR.resolve("input/aggregated.yaml").toString()),
            InputStream.nullInputStream(),
            new PrintStream(stdout, true, StandardCharsets.UTF_8),
            new PrintStream(stderr, true, StandardCharsets.UTF_8));
    assertThat(exit).isZero();
    out = stdout.toString(StandardCharsets.UTF_8);
    err = stderr.toString(StandardCharsets.UTF_8);
  }

  @Test
  void childrenMatchTheGoldenFile() {
    Golden.assertMatches(Golden.DIR.resolve("aggregated.yaml"), out);
  }

  @Test
  void gatewayConfigurationIsTheSharedAggregatedFixture() {
    Golden.assertMatches(AGGREGATED_FIXTURE, configJson());
  }

  @Test
  void objectsLeftOutAreReportedWithTheirReason() {
    assertThat(err)
        .contains(
            "(MCPServer team-a/assistant): does not serve tool \"get-weather\": MCPTool"
                + " team-a/weather-v2 is not served (MCPTool team-a/weather, older, is)")
        .contains("MCPTool team-a/stocks: PortNotFound")
        .doesNotContain("beta");
  }

  @Test
  void secretHeadersReachTheGatewayThroughAnOptionalSecretKeyRef() {
    assertThat(out)
        .contains("name: MCP_SECRET_WEATHER_API_TOKEN_")
        .contains("key: token")
        .contains("optional: true");
    assertThat(configJson()).doesNotContain("weather-api").contains("\"valueEnv\"");
  }

  @SuppressWarnings("unchecked")
  private static String configJson() {
    for (Object doc : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(out)) {
      Map<String, Object> object = (Map<String, Object>) doc;
      if ("ConfigMap".equals(object.get("kind"))) {
        return (String) ((Map<String, Object>) object.get("data")).get(GatewayConfig.KEY);
      }
    }
    throw new AssertionError("no ConfigMap rendered");
  }
}
