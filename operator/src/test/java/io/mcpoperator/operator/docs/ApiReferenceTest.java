package io.mcpoperator.operator.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.yaml.snakeyaml.Yaml;

/**
 * docs/api-reference.md is what crds/ generate, and reads as a user expects. With {@code
 * -Dapi-reference.write=true} the first test rewrites the file instead of failing.
 */
class ApiReferenceTest {
  private static final String FIX =
      "./mvnw -pl operator test -Dtest=ApiReferenceTest -Dapi-reference.write=true";

  @Test
  void committedReferenceIsWhatTheCrdsGenerate() throws IOException {
    String generated = ApiReference.renderFiles(ApiReference.crdFiles());
    Path file = ApiReference.file();
    if (Boolean.getBoolean("api-reference.write")) {
      Files.writeString(file, generated);
    }
    String committed = Files.exists(file) ? Files.readString(file) : "";

    assertThat(committed)
        .withFailMessage(
            "docs/api-reference.md differs from what crds/ generate (%s); rewrite it with: %s",
            firstDifference(committed, generated), FIX)
        .isEqualTo(generated);
  }

  @Test
  void theOrderOfTheCrdFilesDoesNotChangeTheReference() {
    List<Path> files = new ArrayList<>(ApiReference.crdFiles());
    String sorted = ApiReference.renderFiles(files);
    java.util.Collections.reverse(files);

    assertThat(ApiReference.renderFiles(files)).isEqualTo(sorted);
  }

  @ParameterizedTest
  @CsvSource({"MCPServer,mcps", "MCPTool,mcpt", "MCPPrompt,mcpp", "MCPResource,mcpr"})
  void everyKindHasItsSectionWithGroupVersionScopeAndShortName(String kind, String shortName) {
    String section = section(kind);

    assertThat(generated()).contains("- [" + kind + "](#" + kind.toLowerCase() + ")");
    assertThat(section)
        .contains("| API version | `mcpoperator.io/v1alpha1` |")
        .contains("| Scope | Namespaced |")
        .contains("`" + shortName + "` (short name)")
        .contains("### " + kind + " fields");
    assertThat(cells(section, "spec")).startsWith("`spec`", "object", "yes", "", "");
  }

  @Test
  void ingressAnnotationsAreAMapWithTheirDescriptionAndLimit() {
    List<String> row = cells(section("MCPServer"), "spec.ingress.annotations");

    assertThat(row.get(1)).isEqualTo("map of string");
    assertThat(row.get(2)).isEqualTo("no");
    assertThat(row.get(5))
        .contains("an empty value removes a default")
        .contains("at most 64 entries")
        .contains("Each value: at most 4096 characters.");
  }

  @Test
  void portAndTransportShowTheirDefaultsEnumAndRange() {
    String section = section("MCPServer");

    assertThat(cells(section, "spec.port"))
        .containsSubsequence("integer (int32)", "no", "`8080`")
        .last()
        .asString()
        .contains("1–65535");
    assertThat(cells(section, "spec.transport").get(3)).isEqualTo("`stdio`");
    assertThat(cells(section, "spec.transport").get(4))
        .isEqualTo("`stdio`, `streamable-http`, `sse`");
    assertThat(cells(section, "spec.config").get(3)).isEqualTo("`{}`");
  }

  @Test
  void celRulesShowTheirMessagesWhereTheyApply() {
    String section = section("MCPServer");

    assertThat(section)
        .contains("Rules on the whole object:\n\n- metadata.name names the server's Service");
    assertThat(cells(section, "spec").get(5))
        .contains("*Rule:* spec.image, spec.registry or spec.toolSelector is required");
    assertThat(cells(section, "spec.env").get(5))
        .contains("Keyed by `name`")
        .contains("Each item: *Rule:* an env entry sets either value or valueFrom, not both.");
    assertThat(cells(section("MCPTool"), "spec.headers").get(5))
        .contains("a header sets exactly one of value or valueFrom");
  }

  @Test
  void nestedFieldsAreListedWithTheirRequiredFlag() {
    String server = section("MCPServer");

    assertThat(cells(server, "spec.env[].name").get(2)).isEqualTo("yes");
    assertThat(cells(server, "spec.env[].valueFrom.secretKeyRef.key").get(2)).isEqualTo("yes");
    assertThat(cells(server, "status.conditions[].lastTransitionTime").get(1))
        .isEqualTo("string (date-time)");
    assertThat(cells(section("MCPTool"), "spec.name").get(2)).isEqualTo("yes");
    assertThat(cells(section("MCPPrompt"), "spec.variables[].name").get(5))
        .contains("Limits: 1–63 characters; pattern `^[A-Za-z_][A-Za-z0-9_]*$`.");
  }

  @Test
  void theUrlColumnIsShownWithWide() {
    assertThat(section("MCPServer"))
        .contains("| URL | string | `.status.url` | with `-o wide` | In-cluster MCP endpoint. |")
        .contains("| Phase | string | `.status.phase` | always |  |");
  }

  @Test
  void proseIsEscapedAndCodeSpansHoldBackticksAndPipes() {
    String crd =
        """
        spec:
          group: example.io
          scope: Cluster
          names: {kind: Thing, plural: things, singular: thing}
          versions:
            - name: v1
              schema:
                openAPIV3Schema:
                  type: object
                  required: [spec]
                  properties:
                    spec:
                      type: object
                      properties:
                        url:
                          type: string
                          description: "http://<host>:<port> | plain"
                          pattern: "^[a`|b]+$"
                        size:
                          x-kubernetes-int-or-string: true
                          x-kubernetes-validations:
                            - rule: self != 0
                        items:
                          type: array
                          items:
                            type: object
                            required: [name]
                            properties:
                              name: {type: string, enum: ["", a]}
        """;
    Map<String, Object> yaml = new Yaml().load(crd);
    String doc = ApiReference.render(List.of(yaml));

    assertThat(doc)
        .contains("| Scope | Cluster |")
        .contains("| Subresources | none |")
        .doesNotContain("### Columns");
    assertThat(doc)
        .contains(
            "| `spec.url` | string | no |  |  | http://&lt;host&gt;:&lt;port&gt; \\| plain."
                + " Limits: pattern ``^[a`\\|b]+$``. |");
    assertThat(doc).contains("| `spec.size` | int-or-string | no |  |  | *Rule:* `self != 0` must");
    assertThat(doc).contains("| `spec.items[].name` | string | yes |  | `\"\"`, `a` |  |");
  }

  /**
   * The reference as generated: the first test holds the committed file to it, and reading the
   * generated text keeps these tests independent of the order in which a rewrite runs.
   */
  private static String generated() {
    return GENERATED;
  }

  private static final String GENERATED = ApiReference.renderFiles(ApiReference.crdFiles());

  /** Where two texts first differ, as a line number and both lines. */
  static String firstDifference(String actual, String expected) {
    List<String> a = actual.lines().toList();
    List<String> e = expected.lines().toList();
    int i = 0;
    while (i < a.size() && i < e.size() && a.get(i).equals(e.get(i))) {
      i++;
    }
    String was = i < a.size() ? a.get(i) : "<end of file>";
    String want = i < e.size() ? e.get(i) : "<end of file>";
    return "first difference, line %d:%n  %s%nthe CRDs give%n  %s".formatted(i + 1, was, want);
  }

  /** The section of a kind: from its heading to the next kind's. */
  private static String section(String kind) {
    String doc = generated();
    int start = doc.indexOf("\n## " + kind + "\n");
    assertThat(start).as("docs/api-reference.md has a section ## %s", kind).isNotNegative();
    int end = doc.indexOf("\n## ", start + 1);
    return doc.substring(start, end < 0 ? doc.length() : end);
  }

  /** The cells of the fields-table row of a path (escaped pipes kept inside their cell). */
  private static List<String> cells(String section, String path) {
    String prefix = "| `" + path + "` |";
    String line =
        section
            .lines()
            .filter(l -> l.startsWith(prefix))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no row for " + path));
    String inner = line.substring(2, line.length() - 2);
    return Arrays.stream(inner.split(" \\| ", -1)).map(String::strip).toList();
  }
}
