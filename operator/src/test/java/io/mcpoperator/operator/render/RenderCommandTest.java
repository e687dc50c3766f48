package io.mcpoperator.operator.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RenderCommandTest {
  static final String SERVER =
      """
      apiVersion: mcpoperator.io/v1alpha1
      kind: MCPServer
      metadata: {name: %s}
      spec: {image: mcp/%s, transport: streamable-http}
      """;
  static final String SECRET =
      """
      apiVersion: v1
      kind: Secret
      metadata: {name: db}
      stringData: {url: postgres://x}
      """;

  @TempDir Path dir;
  final ByteArrayOutputStream out = new ByteArrayOutputStream();
  final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @Test
  void rendersEveryServerInADirectoryTreeAndSkipsOtherKinds() throws IOException {
    write("a.yaml", SERVER.formatted("alpha", "alpha") + "---\n" + SECRET);
    write("nested/b.yml", SERVER.formatted("beta", "beta"));
    write("notes.txt", "kind: MCPServer");

    int exit = run("-f", dir.toString());

    assertThat(exit).isZero();
    assertThat(err())
        .isEqualTo(
            "render: skipped: "
                + dir.resolve("a.yaml")
                + ": document 2 (Secret db): not an mcpoperator.io kind; apply it yourself\n");
    assertThat(kinds())
        .containsExactly(
            "ConfigMap", "Deployment", "Service", "ConfigMap", "Deployment", "Service");
    assertThat(out()).contains("name: alpha-gateway").contains("name: beta-gateway");
    assertThat(out()).contains("namespace: default").doesNotContain("kind: Secret");
  }

  @Test
  void anMcpRegistryIsCheckedAndSaidToBeLeftToTheOperator() throws IOException {
    write(
        "reg.yaml",
        SERVER.formatted("alpha", "alpha")
            + """
            ---
            apiVersion: mcpoperator.io/v1alpha1
            kind: MCPRegistry
            metadata: {name: official}
            spec: {source: {api: {url: "https://registry.modelcontextprotocol.io"}}}
            """);

    int exit = run("-f", dir.toString());

    assertThat(exit).isZero();
    assertThat(err())
        .isEqualTo(
            "render: skipped: "
                + dir.resolve("reg.yaml")
                + ": document 2 (MCPRegistry default/official): checked; render syncs no registry"
                + " (it sees no cluster), so apply it yourself and the operator syncs it\n");
    assertThat(out()).doesNotContain("kind: MCPRegistry").contains("name: alpha-gateway");
  }

  @Test
  void anMcpRegistryThatBreaksItsSchemaIsAnError() throws IOException {
    write(
        "reg.yaml",
        SERVER.formatted("alpha", "alpha")
            + """
            ---
            apiVersion: mcpoperator.io/v1alpha1
            kind: MCPRegistry
            metadata: {name: broken}
            spec: {source: {api: {url: "https://r.example"}}, syncInterval: often}
            """);

    int exit = run("-f", dir.toString());

    assertThat(exit).isNotZero();
    assertThat(err())
        .contains("error: " + dir.resolve("reg.yaml") + ": document 2 (MCPRegistry default/broken)")
        .contains("spec.syncInterval often is not a duration");
  }

  @Test
  void theAggregatedExampleServesItsToolsPromptAndResourcesWithoutWarnings() {
    int exit = run("-f", "../examples/aggregated", "-n", "demo");

    assertThat(exit).isZero();
    assertThat(err()).doesNotContain("error:").doesNotContain("warning:");
    assertThat(out())
        .contains("\"name\": \"get-weather\"")
        .contains("\"name\": \"echo\"")
        .contains("\"name\": \"weather-report\"")
        .contains("\"uri\": \"docs://runbook\"")
        .contains("http://demo-backend.demo.svc.cluster.local:80/customers/{id}")
        .contains("\"transport\": \"none\"");
  }

  @Test
  void selectedObjectsThatCannotBeServedAreWarnedAbout() throws IOException {
    write(
        "agg.yaml",
        """
        apiVersion: mcpoperator.io/v1alpha1
        kind: MCPServer
        metadata: {name: gw}
        spec: {toolSelector: {matchLabels: {a: b}}}
        ---
        apiVersion: mcpoperator.io/v1alpha1
        kind: MCPPrompt
        metadata: {name: p, labels: {a: b}}
        spec: {name: p, template: '{{x}}'}
        ---
        apiVersion: mcpoperator.io/v1alpha1
        kind: MCPTool
        metadata: {name: t, labels: {a: b}}
        spec: {name: t, service: {name: api, port: 81}}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: api}
        spec: {ports: [{port: 80}]}
        """);

    int exit = run("-f", dir.toString());

    assertThat(exit).isZero();
    assertThat(err())
        .contains(
            "render: warning: "
                + dir.resolve("agg.yaml")
                + ": document 1 (MCPServer default/gw): does not serve MCPPrompt default/p:"
                + " UndeclaredVariables")
        .contains(
            "MCPTool default/t: PortNotFound (Service default/api has no port 81 (it has [80]))");
    assertThat(out()).contains("\"tools\": []");
  }

  @Test
  void anInvalidServerLeavesStdoutEmptyUnlessKeepGoing() throws IOException {
    write(
        "servers.yaml",
        SERVER.formatted("good", "good")
            + "---\napiVersion: mcpoperator.io/v1alpha1\nkind: MCPServer\n"
            + "metadata: {name: bad, namespace: team}\nspec: {image: mcp/bad, transport: sse, port: 8090}\n");

    int exit = run("-f", dir.resolve("servers.yaml").toString());

    assertThat(exit).isEqualTo(1);
    assertThat(err())
        .startsWith(
            "render: error: "
                + dir.resolve("servers.yaml")
                + ": document 2 (MCPServer team/bad): spec.port 8090 is the port of the gateway")
        .endsWith("render: 1 error; nothing printed (--keep-going prints the valid servers)\n");
    assertThat(out()).isEmpty();

    assertThat(run("-f", dir.resolve("servers.yaml").toString(), "--keep-going")).isEqualTo(1);
    assertThat(out()).contains("name: good-gateway").doesNotContain("name: bad");
  }

  @Test
  void optionsSetNamespaceAndGateway() throws IOException {
    write("s.yaml", SERVER.formatted("s", "s"));

    int exit =
        run(
            "--filename", dir.toString(),
            "-n", "tools",
            "--gateway-image", "example.com/gw:9",
            "--gateway-port", "7000");

    assertThat(exit).isZero();
    assertThat(out())
        .contains("namespace: tools")
        .contains("image: example.com/gw:9")
        .contains("containerPort: 7000");
  }

  @Test
  void listsFromKubectlAreUnpacked() throws IOException {
    write(
        "list.yaml",
        "apiVersion: v1\nkind: List\nitems:\n"
            + SERVER.formatted("one", "one").indent(2).replaceFirst("^  ", "- "));

    assertThat(run("-f", dir.toString())).isZero();
    assertThat(out()).contains("name: one-gateway");
  }

  @Test
  void gatewayPortClashIsInvalid() throws IOException {
    write("s.yaml", SERVER.formatted("s", "s").replace("transport:", "port: 7000, transport:"));

    assertThat(run("-f", dir.toString(), "--gateway-port", "7000")).isEqualTo(1);
    assertThat(err()).contains("spec.port 7000 is the port of the gateway sidecar");
  }

  @Test
  void missingFileAndBrokenYamlAreErrors() throws IOException {
    write("broken.yaml", "kind: [unclosed");

    int exit = run("-f", dir.resolve("absent.yaml").toString(), "-f", dir.toString());

    assertThat(exit).isEqualTo(1);
    assertThat(err()).contains("absent.yaml: no such file or directory").contains("not valid YAML");
    assertThat(out()).isEmpty();
  }

  @Test
  void usageErrorsExitWithTwo() {
    assertThat(run()).isEqualTo(2);
    assertThat(err()).contains("-f <file-or-dir> is required").contains("Usage: render");
    assertThat(run("--bogus")).isEqualTo(2);
    assertThat(err()).contains("render: unknown option \"--bogus\"");
    assertThat(run("-f", "x", "examples/")).isEqualTo(2);
    assertThat(err())
        .contains("unexpected argument \"examples/\": name files and directories with -f");
    assertThat(run("-f", "-", "-f", "-")).isEqualTo(2);
    assertThat(run("-f", "x", "--strict=maybe")).isEqualTo(2);
    assertThat(err()).contains("--strict takes no value");
    assertThat(run("-f")).isEqualTo(2);
    assertThat(run("-f", "x", "--gateway-port", "http")).isEqualTo(2);
    assertThat(err()).contains("--gateway-port must be a port number, got http");
  }

  @Test
  void aMalformedImageOfAServerWithoutCommandIsAnErrorNamingTheField() throws IOException {
    write(
        "s.yaml",
        """
        apiVersion: mcpoperator.io/v1alpha1
        kind: MCPServer
        metadata: {name: upper}
        spec: {image: Team/Server}
        ---
        apiVersion: mcpoperator.io/v1alpha1
        kind: MCPServer
        metadata: {name: tagged}
        spec: {image: mcp/time, tag: "-bad"}
        """);

    int exit = run("-f", dir.toString());

    assertThat(exit).isEqualTo(1);
    assertThat(err())
        .contains(
            "(MCPServer default/upper): spec.image: image reference \"Team/Server:latest\" has a"
                + " malformed repository \"Team/Server\"")
        .contains(
            "(MCPServer default/tagged): spec.tag: image reference"
                + " \"mcp/time:-bad\" has a malformed tag \"-bad\"")
        .contains("expected e.g. registry.example.com/team/server:1.0");
    assertThat(out()).isEmpty();
  }

  @Test
  void offlineListsTheServerLeftWithoutItsEntrypointAndExitsZero() throws IOException {
    write(
        "s.yaml",
        """
        apiVersion: mcpoperator.io/v1alpha1
        kind: MCPServer
        metadata: {name: time, namespace: tools}
        spec: {image: mcp/time}
        """);

    assertThat(run("-f", dir.toString(), "--offline")).isZero();
    assertThat(err())
        .isEqualTo(
            "render: warning: "
                + dir.resolve("s.yaml")
                + ": document 1 (MCPServer tools/time): entrypoint of image mcp/time:latest left"
                + " unresolved (--offline); rendered without it: the shim has no command, so the"
                + " Deployment differs from the operator's, which reads the entrypoint at run"
                + " time; set spec.command to render the exact Deployment\n");
    assertThat(kinds()).containsExactly("ConfigMap", "Deployment", "Service");
  }

  @Test
  void aDockerConfigThatCannotBeReadIsAUsageError() throws IOException {
    write("s.yaml", SERVER.formatted("s", "s"));
    write("config.json", "{");

    assertThat(run("-f", dir.toString(), "--docker-config", dir.resolve("config.json").toString()))
        .isEqualTo(2);
    assertThat(err()).contains("is not a docker config file");
    assertThat(out()).isEmpty();
  }

  @Test
  void helpPrintsUsageWithTheExitCodesOnStdout() {
    assertThat(run("--help")).isZero();
    assertThat(out())
        .contains("Usage: render -f <file-or-dir>")
        .contains("--strict")
        .contains("--keep-going")
        .contains("--offline")
        .contains("--docker-config FILE")
        .contains("3 no MCPServer found");
    assertThat(err()).isEmpty();
  }

  private int run(String... args) {
    out.reset();
    err.reset();
    return RenderCommand.run(
        List.of(args),
        InputStream.nullInputStream(),
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private void write(String name, String content) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  private List<String> kinds() {
    return out().lines().filter(l -> l.startsWith("kind: ")).map(l -> l.substring(6)).toList();
  }
}
