package io.mcpoperator.operator.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import io.mcpoperator.operator.api.McpTool;
import io.mcpoperator.operator.api.Parsed;
import io.mcpoperator.operator.api.ToolParser;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ConflictsTest {

  /** Each entry: object name, tool name, creationTimestamp ("" for none). */
  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of(
            List.of("b:x:2026-01-02T00:00:00Z", "a:x:2026-01-03T00:00:00Z"),
            List.of("b"),
            List.of("tool \"x\": MCPTool ns/a is not served (MCPTool ns/b, older, is)")),
        Arguments.of(
            List.of("b:x:2026-01-01T00:00:00Z", "a:x:2026-01-01T00:00:00Z"),
            List.of("a"),
            List.of("tool \"x\": MCPTool ns/b is not served (MCPTool ns/a, older, is)")),
        Arguments.of(
            List.of("c:x:", "b:x:2026-05-01T00:00:00Z"),
            List.of("b"),
            List.of("tool \"x\": MCPTool ns/c is not served (MCPTool ns/b, older, is)")),
        Arguments.of(List.of("c:zeta:", "b:alpha:", "a:mid:"), List.of("b", "a", "c"), List.of()),
        Arguments.of(
            List.of("a:x:", "b:x:", "c:x:"),
            List.of("a"),
            List.of(
                "tool \"x\": MCPTool ns/b is not served (MCPTool ns/a, older, is)",
                "tool \"x\": MCPTool ns/c is not served (MCPTool ns/a, older, is)")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void olderWinsThenNamespaceAndNameAndServedAreSortedByName(
      List<String> tools, List<String> served, List<String> conflicts) {
    List<ToolEntry> entries = tools.stream().map(ConflictsTest::entry).toList();

    Conflicts.Resolved<ToolEntry> resolved = Conflicts.resolve("tool", entries);

    assertThat(resolved.served()).extracting(e -> e.source().name()).isEqualTo(served);
    assertThat(resolved.conflicts()).extracting(Conflict::describe).isEqualTo(conflicts);
  }

  @org.junit.jupiter.api.Test
  void resourcesConflictOnNameOrInlineUri() {
    var a = TestMembers.resource("ns", "a", "{}", "name: one\ncontent: {uri: 'docs://x', text: t}");
    var b = TestMembers.resource("ns", "b", "{}", "name: two\ncontent: {uri: 'docs://x', text: t}");
    var c = TestMembers.resource("ns", "c", "{}", "name: one\ncontent: {uri: 'docs://y', text: t}");

    var resolved =
        Conflicts.resolve(
            "resource",
            List.of(a.entry().orElseThrow(), b.entry().orElseThrow(), c.entry().orElseThrow()));

    assertThat(resolved.served()).extracting(ResourceEntry::name).containsExactly("one");
    assertThat(resolved.conflicts())
        .extracting(Conflict::what)
        .containsExactly("resource URI docs://x", "resource \"one\"");
  }

  private static ToolEntry entry(String spec) {
    String[] parts = spec.split(":", 3);
    JsonObject raw =
        TestMembers.raw(
            "MCPTool", "ns", parts[0], "{}", "name: " + parts[1] + "\nservice: {name: s}");
    if (!parts[2].isEmpty()) {
      raw.getAsJsonObject("metadata").addProperty("creationTimestamp", parts[2]);
    }
    McpTool tool = ((Parsed.Valid<McpTool>) ToolParser.parse(raw)).value();
    return new ToolEntry(tool, "http://s");
  }
}
