package io.mcpoperator.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mcpoperator.gateway.config.CommandLine.FromFile;
import io.mcpoperator.gateway.config.CommandLine.FromFlags;
import io.mcpoperator.gateway.config.GatewayConfig.Transport;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CommandLineTest {

  private static GatewayConfig flags(String... args) {
    return ((FromFlags) CommandLine.parse(List.of(args), Map.of())).config();
  }

  @Test
  void configFileComesFromTheFlagOrTheEnvironment() {
    assertThat(CommandLine.parse(List.of("--config", "/etc/c.json"), Map.of()))
        .isEqualTo(new FromFile(Path.of("/etc/c.json")));
    assertThat(CommandLine.parse(List.of(), Map.of("MCP_GATEWAY_CONFIG", "/x.json")))
        .isEqualTo(new FromFile(Path.of("/x.json")));
  }

  @Test
  void flagsMeanTheSameAsTheConfigFile() {
    GatewayConfig stdio =
        flags(
            "--port",
            "9000",
            "--upstream-command",
            "npx -y \"@scope/server\" --root '/a b'",
            "--redis",
            "redis://r:6380/3");
    assertThat(stdio.port()).isEqualTo(9000);
    assertThat(stdio.upstream().transport()).isEqualTo(Transport.STDIO);
    assertThat(stdio.upstream().command())
        .containsExactly("npx", "-y", "@scope/server", "--root", "/a b");
    assertThat(stdio.redis().orElseThrow().host()).isEqualTo("r");
    assertThat(stdio.redis().orElseThrow().port()).isEqualTo(6380);
    assertThat(stdio.redis().orElseThrow().database()).isEqualTo(3);
    GatewayConfig sse =
        flags("--upstream-url", "http://127.0.0.1:3001/sse", "--upstream-transport", "sse");
    assertThat(sse.upstream().transport()).isEqualTo(Transport.SSE);
    assertThat(sse.port()).isEqualTo(8090);
    assertThat(flags("--upstream-url", "http://h/mcp").upstream().transport())
        .isEqualTo(Transport.STREAMABLE_HTTP);
    assertThat(flags("--fifo-dir", "/tmp/f").upstream().fifoDir()).isEqualTo("/tmp/f");
  }

  @Test
  void theUpstreamProtocolCanBeForced() {
    assertThat(flags("--upstream-url", "http://h/mcp").upstream().protocolVersion()).isEmpty();
    assertThat(
            flags("--upstream-url", "http://h/mcp", "--upstream-protocol", "2026-07-28")
                .upstream()
                .protocolVersion())
        .contains("2026-07-28");
    assertThatThrownBy(() -> flags("--upstream-command", "srv", "--upstream-protocol", "2026"))
        .hasMessage(
            "--upstream-protocol must be one of [2024-11-05, 2025-03-26, 2025-06-18, 2025-11-25,"
                + " 2026-07-28], got \"2026\"");
  }

  @Test
  void rejectsUnusableCommands() {
    assertThatThrownBy(() -> CommandLine.parse(List.of("--upstream-command", "x \"y"), Map.of()))
        .hasMessageContaining("unbalanced quote");
    assertThatThrownBy(() -> CommandLine.parse(List.of("--upstream-command", "   "), Map.of()))
        .hasMessageContaining("is empty");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "--port                                   | missing value for --port",
        "--port,http                              | --port must be a port number",
        "--bogus,1                                | unknown option --bogus",
        "--port,1                                 | no upstream",
        "--redis,http://x,--fifo-dir,/f           | --redis must look like redis://",
        "--help                                   | Usage:",
      })
  void rejectsBadFlagsWithUsefulMessages(String args, String message) {
    assertThatThrownBy(() -> CommandLine.parse(List.of(args.split(",")), Map.of()))
        .hasMessageContaining(message);
  }

  @Test
  void hostComesFromTheFlagThenTheEnvironment() {
    assertThat(CommandLine.host(List.of("--host", "127.0.0.1", "--port", "1"), Map.of()))
        .isEqualTo("127.0.0.1");
    assertThat(CommandLine.host(List.of("--host=::1"), Map.of("MCP_GATEWAY_HOST", "10.0.0.1")))
        .isEqualTo("::1");
    assertThat(CommandLine.host(List.of(), Map.of("MCP_GATEWAY_HOST", "10.0.0.1")))
        .isEqualTo("10.0.0.1");
    assertThat(CommandLine.host(List.of(), Map.of())).isEqualTo("0.0.0.0");
  }

  @Test
  void flagsTakeTheirValueAfterAnEqualsSignToo() {
    CommandLine.Launch launch =
        CommandLine.parse(List.of("--host=127.0.0.1", "--config=/etc/gw.json"), Map.of());
    assertThat(launch).isEqualTo(new CommandLine.FromFile(java.nio.file.Path.of("/etc/gw.json")));
  }
}
