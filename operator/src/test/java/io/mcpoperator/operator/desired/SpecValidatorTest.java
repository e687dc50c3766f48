package io.mcpoperator.operator.desired;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcpoperator.operator.api.McpServerParser;
import io.mcpoperator.operator.api.ParsedServer;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SpecValidatorTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          gateway port         | {image: mcp/x, transport: sse, port: 8090} | spec.port 8090 is the port of the gateway sidecar in the same pod: choose another spec.port
          reserved volume name | {image: mcp/x, transport: sse, volumes: [{name: mcp-stdio, emptyDir: {}}]} | spec.volumes[0].name "mcp-stdio" is reserved for the operator's volumes: rename it
          mount without volume | {image: mcp/x, transport: sse, volumeMounts: [{name: data, mountPath: /data}]} | spec.volumeMounts[0].name "data" matches no entry of spec.volumes: add the volume or fix the name
          reserved mount path  | {image: mcp/x, transport: sse, volumes: [{name: d, emptyDir: {}}], volumeMounts: [{name: d, mountPath: /opt/mcp-shim/}]} | spec.volumeMounts[0].mountPath /opt/mcp-shim/ is used by the operator for the stdio connection: choose another path
          """)
  void rejectsWhatTheOperatorsPodCannotRun(String name, String spec, String message) {
    assertThat(
            SpecValidator.validate(
                TestServers.valid(TestServers.yaml(spec)), ChildSettings.defaults()))
        .contains(message);
  }

  @Test
  void gatewayPortIsFreeForAggregationOnlyServers() {
    assertThat(
            SpecValidator.validate(
                TestServers.valid(TestServers.yaml("{toolSelector: {}, port: 8090}")),
                ChildSettings.defaults()))
        .isEmpty();
  }

  @Test
  void validatedTurnsARejectedServerInvalidAndKeepsOthers() {
    ParsedServer clash =
        McpServerParser.parse(
            TestServers.json(TestServers.yaml("{image: x, transport: sse, port: 9000}")));
    ChildSettings settings = ChildSettings.defaults().withGatewayPort(9000);

    ParsedServer result = SpecValidator.validated(clash, settings);

    assertThat(result).isInstanceOf(ParsedServer.Invalid.class);
    assertThat(result.meta()).isEqualTo(clash.meta());
    assertThat(SpecValidator.validated(clash, ChildSettings.defaults())).isSameAs(clash);
    ParsedServer invalid = new ParsedServer.Invalid(clash.meta(), Optional.empty(), "broken");
    assertThat(SpecValidator.validated(invalid, settings)).isSameAs(invalid);
  }
}
