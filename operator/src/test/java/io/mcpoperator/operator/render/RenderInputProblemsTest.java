package io.mcpoperator.operator.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
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

/** How render reports bad input: all of it at once, where it is, with distinct exit codes. */
class RenderInputProblemsTest {
  static final String SERVER =
      """
      apiVersion: mcpoperator.io/v1alpha1
      kind: MCPServer
      metadata: {name: %s}
      spec: {image: mcp/x, transport: streamable-http}
      """;

  @TempDir Path dir;
  final ByteArrayOutputStream out = new ByteArrayOutputStream();
  final ByteArrayOutputStream err = new ByteArrayOutputStream();
  InputStream stdin = InputStream.nullInputStream();

  @Test
  void unknownFieldsAreWarningsNamedLikeKubectlAndRenderStill() throws IOException {
    Path file =
        write(
            "x.yaml",
            SERVER.formatted("first")
                + "---\n"
                + """
                apiVersion: mcpoperator.io/v1alpha1
                kind: MCPServer
                metadata: {name: foo, labelz: {a: b}}
                spec:
                  image: mcp/x
                  imagee: typo
                  transport: streamable-http
                  config: {requestTimeout: 5s, requestTimeoutt: 6s}
                  tolerations: [{key: a, operator: Exists, effectt: NoSchedule}]
                  nodeSelector: {disk: ssd}
                  affinity: {podAntiAffinity: {preferredDuringSchedulingIgnoredDuringExecution: []}}
                """);

    int exit = run("-f", file.toString());

    assertThat(exit).as(err()).isZero();
    String where = file + ": document 2 (MCPServer default/foo): ";
    assertThat(err().lines())
        .containsExactly(
            "render: warning: " + where + "unknown field \"metadata.labelz\"",
            "render: warning: " + where + "unknown field \"spec.imagee\"",
            "render: warning: " + where + "unknown field \"spec.config.requestTimeoutt\"",
            "render: warning: " + where + "unknown field \"spec.tolerations[0].effectt\"");
    // pruned as the API server would: the operator never sees them
    assertThat(out())
        .contains("name: foo-gateway")
        .contains("key: a")
        .doesNotContain("effectt")
        .doesNotContain("labelz");
  }

  @Test
  void strictMakesUnknownFieldsErrorsAndPrintsNothing() throws IOException {
    Path file = write("x.yaml", SERVER.formatted("foo").replace("image:", "imagee: y, image:"));

    int exit = run("-f", file.toString(), "--strict");

    assertThat(exit).isEqualTo(1);
    assertThat(err())
        .contains(
            "render: error: "
                + file
                + ": document 1 (MCPServer default/foo): unknown field \"spec.imagee\"");
    assertThat(out()).isEmpty();
  }

  @Test
  void everyProblemOfEveryFileIsReportedInOneRun() throws IOException {
    write(
        "a.yaml",
        """
        apiVersion: mcpoperator.io/v1alpha1
        kind: MCPServerz
        metadata: {name: wrongkind}
        ---
        apiVersion: mcpoperator.io/v1
        kind: MCPServer
        metadata: {name: oldversion}
        spec: {image: mcp/x}
        ---
        - a list
        - of things
        ---
        just a scalar
        ---
        metadata: {name: untyped}
        """);
    write("b.yaml", SERVER.formatted("dup") + "---\n" + SERVER.formatted("dup"));
    write("c.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: [unclosed\n");
    write("d.yaml", SERVER.formatted("valid"));

    int exit = run("-f", dir.toString());

    assertThat(exit).isEqualTo(1);
    assertThat(out()).isEmpty();
    assertThat(err().lines().filter(l -> l.startsWith("render: error: ")))
        .containsExactly(
            error(
                "a.yaml",
                1,
                "(MCPServerz default/wrongkind): unknown kind \"MCPServerz\" in"
                    + " mcpoperator.io (kinds: MCPPrompt, MCPRegistry, MCPResource, MCPServer, MCPTool)"),
            error(
                "a.yaml",
                2,
                "(MCPServer default/oldversion): apiVersion \"mcpoperator.io/v1\""
                    + " is not served for MCPServer (use mcpoperator.io/v1alpha1)"),
            error(
                "a.yaml",
                3,
                "a YAML list is not a Kubernetes object: write one object per"
                    + " document, separated by ---, or a kind: List with items"),
            error("a.yaml", 4, "the scalar \"just a scalar\" is not a Kubernetes object"),
            error("a.yaml", 5, "(object untyped): apiVersion not set, kind not set"),
            error(
                "b.yaml",
                2,
                "(MCPServer default/dup): duplicate MCPServer default/dup: first"
                    + " defined at "
                    + dir.resolve("b.yaml")
                    + ": document 1"),
            error(
                "c.yaml",
                1,
                "not valid YAML: expected ',' or ']', but got <stream end> at line"
                    + " 4, column 1"));
    assertThat(err())
        .endsWith(
            "render: 7 errors; nothing printed (--keep-going prints the valid" + " servers)\n");
  }

  @Test
  void keepGoingPrintsTheValidServersAndStillFails() throws IOException {
    write("b.yaml", SERVER.formatted("dup") + "---\n" + SERVER.formatted("dup"));
    write("d.yaml", SERVER.formatted("valid"));

    int exit = run("-f", dir.toString(), "--keep-going");

    assertThat(exit).isEqualTo(1);
    assertThat(out()).contains("name: valid-gateway").contains("name: dup-gateway");
    assertThat(out().lines().filter("kind: Deployment"::equals)).hasSize(2);
    assertThat(err()).contains("printed the objects of the valid servers");
  }

  @Test
  void stdinIsReadForDash() {
    stdin = new ByteArrayInputStream(SERVER.formatted("piped").getBytes(StandardCharsets.UTF_8));

    int exit = run("-f", "-");

    assertThat(exit).as(err()).isZero();
    assertThat(out()).contains("name: piped-gateway");
  }

  @Test
  void problemsOnStdinAreNamedStdin() {
    stdin = new ByteArrayInputStream("- not\n- an object\n".getBytes(StandardCharsets.UTF_8));

    assertThat(run("-f", "-")).isEqualTo(1);
    assertThat(err()).startsWith("render: error: <stdin>: document 1: a YAML list");
  }

  @Test
  void anEmptyFileIsNothingFound() throws IOException {
    Path file = write("empty.yaml", "");

    assertThat(run("-f", file.toString())).isEqualTo(3);
    assertThat(err())
        .isEqualTo("render: No MCPServer found in " + file + " (0 objects in 1 file)\n");
    assertThat(out()).isEmpty();
  }

  @Test
  void aDirectoryWithoutYamlIsNothingFound() throws IOException {
    write("notes.txt", SERVER.formatted("ignored"));

    assertThat(run("-f", dir.toString())).isEqualTo(3);
    assertThat(err()).contains("No MCPServer found in " + dir + " (0 objects in 0 files)");
  }

  @Test
  void onlyOtherKindsIsNothingFoundAndListsWhatWasSkipped() throws IOException {
    Path file =
        write(
            "other.yaml",
            """
            apiVersion: v1
            kind: Secret
            metadata: {name: db, namespace: team}
            ---
            apiVersion: mcpoperator.io/v1alpha1
            kind: MCPPrompt
            metadata: {name: p}
            spec: {name: p, template: hi}
            """);

    assertThat(run("-f", file.toString())).isEqualTo(3);
    assertThat(err().lines())
        .containsExactly(
            "render: skipped: "
                + file
                + ": document 1 (Secret team/db): not an mcpoperator.io kind; apply it yourself",
            "render: No MCPServer found in " + file + " (2 objects in 1 file)");
  }

  @Test
  void theAggregatedServerAloneWarnsThatItsSelectorMatchesNothing() {
    int exit = run("-f", "../examples/aggregated/server.yaml");

    assertThat(exit).as(err()).isZero();
    assertThat(err())
        .contains(
            "render: warning: ../examples/aggregated/server.yaml: document 1 (MCPServer"
                + " default/assistant): spec.toolSelector selects no MCPTool, MCPPrompt or"
                + " MCPResource in the given inputs");
    assertThat(out()).contains("\"tools\": []");
  }

  @Test
  void aSelectorThatMatchesSomethingDoesNotWarn() {
    assertThat(run("-f", "../examples/aggregated")).isZero();
    assertThat(err()).doesNotContain("selects no");
  }

  @Test
  void itemsOfAListAreLocatedByItem() throws IOException {
    Path file =
        write(
            "list.yaml",
            "apiVersion: v1\nkind: List\nitems:\n"
                + SERVER.formatted("ok").indent(2).replaceFirst("^  ", "- ")
                + "- {apiVersion: mcpoperator.io/v1alpha1, kind: MCPTooll, metadata: {name: t}}\n");

    assertThat(run("-f", file.toString())).isEqualTo(1);
    assertThat(err())
        .startsWith("render: error: " + file + ": document 1 item 2 (MCPTooll default/t)");
  }

  @Test
  void textThatIsNotUtf8IsNamed() throws IOException {
    Path file = dir.resolve("latin1.yaml");
    Files.write(file, new byte[] {'a', ':', ' ', (byte) 0xE9, '\n'});

    assertThat(run("-f", file.toString())).isEqualTo(1);
    assertThat(err()).startsWith("render: error: " + file + ": is not UTF-8 text");
  }

  @Test
  void duplicateKeysAreAnError() throws IOException {
    Path file = write("dup.yaml", SERVER.formatted("a") + "kind: MCPServer\n");

    assertThat(run("-f", file.toString())).isEqualTo(1);
    assertThat(err()).contains("not valid YAML: found duplicate key kind at line");
  }

  @Test
  void malformedObjectsAreErrorsNamedByFieldNotCrashes() throws IOException {
    Path file =
        write(
            "bad.yaml",
            """
            apiVersion: mcpoperator.io/v1alpha1
            kind: MCPServer
            metadata: "x"
            spec: 5
            ---
            apiVersion: mcpoperator.io/v1alpha1
            kind: MCPPrompt
            metadata: {name: [1], namespace: {x: 1}, labels: {a: 1}}
            spec: {name: p, template: hi}
            ---
            apiVersion: [mcpoperator.io/v1alpha1]
            kind: MCPServer
            ---
            apiVersion: mcpoperator.io/v1alpha1
            kind: MCPTool
            metadata: {name: unselected}
            spec: {name: t}
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: s}
            spec: {ports: [{port: http}, 5]}
            ---
            apiVersion: mcpoperator.io/v1alpha1
            kind: MCPServer
            metadata: {name: ok}
            spec: {image: mcp/x, transport: streamable-http}
            """);

    int exit = run("-f", file.toString(), "--keep-going");

    assertThat(exit).isEqualTo(1);
    assertThat(err().lines().filter(l -> l.startsWith("render: error: ")))
        .containsExactly(
            error("bad.yaml", 1, "(MCPServer <no name>): metadata must be an object with a name"),
            error("bad.yaml", 2, "(MCPPrompt <no name>): metadata.name must be a non-empty string"),
            error("bad.yaml", 2, "(MCPPrompt <no name>): metadata.namespace must be a string"),
            error(
                "bad.yaml",
                2,
                "(MCPPrompt <no name>): metadata.labels must map strings to strings"),
            error("bad.yaml", 3, "(MCPServer <no name>): apiVersion must be a string"),
            error("bad.yaml", 4, "(MCPTool default/unselected): spec.service is required"));
    assertThat(out()).contains("name: ok-gateway");
  }

  @Test
  void optionsTakeTheirValueAfterEquals() throws IOException {
    Path file = write("s.yaml", SERVER.formatted("s"));

    assertThat(run("--filename=" + file, "--namespace=tools", "--strict=true")).isZero();
    assertThat(out()).contains("namespace: tools");
  }

  private String error(String file, int document, String message) {
    String sep = message.startsWith("(") ? " " : ": ";
    return "render: error: " + dir.resolve(file) + ": document " + document + sep + message;
  }

  private int run(String... args) {
    return RenderCommand.run(
        List.of(args),
        stdin,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private Path write(String name, String content) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
    return file;
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }
}
