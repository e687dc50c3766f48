package io.mcpoperator.operator.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcpoperator.operator.aggregate.Aggregation;
import io.mcpoperator.operator.aggregate.Aggregator;
import io.mcpoperator.operator.aggregate.TestMembers;
import io.mcpoperator.operator.api.Condition;
import io.mcpoperator.operator.api.McpServerParser;
import io.mcpoperator.operator.api.McpServerStatus;
import io.mcpoperator.operator.api.ParsedServer;
import io.mcpoperator.operator.api.Phase;
import io.mcpoperator.operator.desired.ChildSettings;
import io.mcpoperator.operator.desired.SpecValidator;
import io.mcpoperator.operator.desired.TestServers;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Counts and the Aggregated condition of an aggregating MCPServer's status. */
class AggregatedStatusTest {
  private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-03-01T10:00:00Z");
  private static final String SELECTOR = "toolSelector: {matchLabels: {a: b}}";

  static Stream<Arguments> cases() {
    String t1 = "name: t\nservice: {name: s}";
    String t2 = "name: t\nservice: {name: s2}";
    String lost = "name: lost\nservice: {name: missing}";
    Optional<Shadowed> unknown = Optional.empty();
    Optional<Shadowed> none = Optional.of(Shadowed.none());
    Optional<Shadowed> echo =
        Optional.of(new Shadowed(List.of("echo", "t"), List.of(), List.of("docs://a")));
    return Stream.of(
        Arguments.of(
            List.of(),
            unknown,
            "True/AllSelectedServed",
            "serving 0 tools, 0 prompts, 0 resources",
            0),
        Arguments.of(
            List.of(t1), unknown, "True/AllSelectedServed", "serving 1 tool, 0 prompts", 1),
        Arguments.of(List.of(t1), none, "True/AllSelectedServed", "serving 1 tool, 0 prompts", 1),
        Arguments.of(
            List.of(t1),
            echo,
            "False/ShadowedByUpstream",
            "not served: shadowed by the upstream server: tools echo, t; resource docs://a",
            1),
        Arguments.of(
            List.of(t1, lost),
            unknown,
            "False/SelectedNotReady",
            "not served: MCPTool ns/x1: ServiceNotFound (Service ns/missing not found)",
            1),
        Arguments.of(
            List.of(t1, lost),
            echo,
            "False/ShadowedByUpstream",
            "shadowed by the upstream server: tools echo, t; resource docs://a; MCPTool ns/x1:"
                + " ServiceNotFound",
            1),
        Arguments.of(
            List.of(t1, t2, lost),
            echo,
            "False/NameConflict",
            "tool \"t\": MCPTool ns/x1 is not served (MCPTool ns/x0, older, is); shadowed by the"
                + " upstream server: tools echo, t; resource docs://a; MCPTool ns/x2:"
                + " ServiceNotFound",
            1));
  }

  @ParameterizedTest(name = "{2} {1}")
  @MethodSource("cases")
  void aggregatedConditionListsWhatIsNotServed(
      List<String> tools,
      Optional<Shadowed> shadowed,
      String condition,
      String message,
      int toolCount) {
    var candidates =
        new Aggregator.Candidates(
            java.util.stream.IntStream.range(0, tools.size())
                .mapToObj(i -> TestMembers.tool("ns", "x" + i, "{a: b}", tools.get(i)))
                .toList(),
            List.of(),
            List.of());
    ParsedServer server = parse(SELECTOR);
    Aggregation aggregation = Aggregator.of(((ParsedServer.Valid) server).server(), candidates);

    McpServerStatus status = StatusCalculator.compute(input(server, aggregation, shadowed));

    Condition aggregated = status.condition("Aggregated").orElseThrow();
    assertThat(aggregated.status() + "/" + aggregated.reason()).isEqualTo(condition);
    assertThat(aggregated.message()).contains(message);
    assertThat(status.toolCount()).isEqualTo(toolCount);
    assertThat(status.promptCount()).isZero();
  }

  @org.junit.jupiter.api.Test
  void imageOnlyServersHaveNoAggregatedCondition() {
    McpServerStatus status =
        StatusCalculator.compute(input(parse("image: mcp/x\ntransport: sse"), Aggregation.none()));

    assertThat(status.condition("Aggregated")).isEmpty();
    assertThat(status.toolCount()).isZero();
  }

  @org.junit.jupiter.api.Test
  void anInvalidServerKeepsTheCountsOfWhatItStillServes() {
    var json =
        TestServers.json(TestServers.yaml(SELECTOR + "\nport: 8090\nimage: mcp/x\ntransport: sse"));
    json.add(
        "status",
        new McpServerStatus(Phase.RUNNING, 1, 1, 1, 1L, null, null, 3, 2, 1, null, List.of())
            .toJson());

    McpServerStatus status =
        StatusCalculator.compute(
            input(
                SpecValidator.validated(McpServerParser.parse(json), ChildSettings.defaults()),
                Aggregation.none()));

    assertThat(status.phase().word()).isEqualTo("Failed");
    assertThat(List.of(status.toolCount(), status.promptCount(), status.resourceCount()))
        .containsExactly(3, 2, 1);
  }

  private static ParsedServer parse(String spec) {
    return McpServerParser.parse(TestServers.json(TestServers.yaml(spec)));
  }

  private static StatusInput input(ParsedServer server, Aggregation aggregation) {
    return input(server, aggregation, Optional.empty());
  }

  private static StatusInput input(
      ParsedServer server, Aggregation aggregation, Optional<Shadowed> shadowed) {
    return new StatusInput(
        server, Optional.empty(), List.of(), ReconcileOutcome.ok(), NOW, aggregation, shadowed);
  }
}
