package io.mcpoperator.operator.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcpoperator.operator.api.McpServer;
import io.mcpoperator.operator.desired.TestServers;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AggregatorTest {
  private static final String SERVED = "{team: a}";
  private static final McpServer SERVER =
      TestMembers.server(
          "ns",
          "gw",
          "{matchLabels: {team: a}, matchExpressions: [{key: tier, operator: NotIn, values: [beta]}]}");

  private static final Aggregator.Candidates CANDIDATES =
      new Aggregator.Candidates(
          List.of(
              TestMembers.tool("ns", "zed", SERVED, "name: zed\nservice: {name: s}"),
              TestMembers.tool("ns", "alpha", SERVED, "name: alpha\nservice: {name: s}"),
              TestMembers.tool(
                  "ns", "beta", "{team: a, tier: beta}", "name: b\nservice: {name: s}"),
              TestMembers.tool("other", "elsewhere", SERVED, "name: e\nservice: {name: s}"),
              TestMembers.tool("ns", "unlabelled", "{}", "name: u\nservice: {name: s}"),
              TestMembers.tool("ns", "lost", SERVED, "name: lost\nservice: {name: missing}"),
              TestMembers.tool("ns", "bad", SERVED, "name: bad\nservice: {name: s}\nmethod: HEAD")),
          List.of(
              TestMembers.prompt(
                  "ns", "p", SERVED, "name: p\ntemplate: 'hi {{who}}'\nvariables: [{name: who}]"),
              TestMembers.prompt("ns", "q", SERVED, "name: q\ntemplate: 'hi {{who}}'")),
          List.of(
              TestMembers.resource("ns", "r", SERVED, "name: r\ncontent: {uri: 'a:b', text: t}"),
              TestMembers.resource("ns", "e", SERVED, "name: e\ncontent: {uri: 'a:c', text: ''}")));

  @Test
  void servesTheReadySelectedObjectsOfItsNamespaceSortedByName() {
    Aggregation aggregation = Aggregator.of(SERVER, CANDIDATES);

    assertThat(aggregation.selecting()).isTrue();
    assertThat(aggregation.tools()).extracting(ToolEntry::name).containsExactly("alpha", "zed");
    assertThat(aggregation.prompts()).extracting(PromptEntry::name).containsExactly("p");
    assertThat(aggregation.resources()).extracting(ResourceEntry::name).containsExactly("r");
    assertThat(aggregation.tools().getFirst().url()).isEqualTo("http://s.ns.svc.cluster.local:80/");
  }

  @Test
  void selectedObjectsThatAreNotReadyAreListedWithTheirReason() {
    Aggregation aggregation = Aggregator.of(SERVER, CANDIDATES);

    assertThat(aggregation.notReady())
        .extracting(Aggregation.NotReady::describe)
        .containsExactly(
            "MCPPrompt ns/q: UndeclaredVariables (spec.template uses variables not declared in"
                + " spec.variables: who)",
            "MCPResource ns/e: EmptyContent (spec.content has no text and no blob: set"
                + " spec.content.text or spec.content.blob)",
            "MCPTool ns/bad: InvalidSpec (spec.method must be one of GET, POST, PUT, DELETE,"
                + " PATCH; got \"HEAD\")",
            "MCPTool ns/lost: ServiceNotFound (Service ns/missing not found)");
  }

  @Test
  void aServerWithoutSelectorServesNothing() {
    McpServer imageOnly = TestServers.valid(TestServers.yaml("image: mcp/x\ntransport: sse"));

    assertThat(Aggregator.of(imageOnly, CANDIDATES)).isEqualTo(Aggregation.none());
    assertThat(Aggregator.selectsLabels(imageOnly, "ns", Map.of())).isFalse();
  }

  @Test
  void anEmptySelectorSelectsEveryObjectOfTheNamespace() {
    Aggregation aggregation = Aggregator.of(TestMembers.server("ns", "all", "{}"), CANDIDATES);

    assertThat(aggregation.tools())
        .extracting(ToolEntry::name)
        .containsExactly("alpha", "b", "u", "zed");
  }

  @Test
  void secretHeadersBecomeOneVariablePerSecretKey() {
    String headers =
        "headers: [{name: A, valueFrom: {secretKeyRef: {name: api, key: token}}},"
            + " {name: B, valueFrom: {secretKeyRef: {name: api, key: token}}}]";
    Aggregation aggregation =
        Aggregator.of(
            SERVER,
            new Aggregator.Candidates(
                List.of(
                    TestMembers.tool(
                        "ns", "t1", SERVED, "name: t1\nservice: {name: s}\n" + headers),
                    TestMembers.tool(
                        "ns", "t2", SERVED, "name: t2\nservice: {name: s}\n" + headers)),
                List.of(),
                List.of()));

    assertThat(aggregation.secretEnvs()).hasSize(1);
    assertThat(aggregation.secretEnvs().getFirst().variable()).startsWith("MCP_SECRET_API_TOKEN_");
  }
}
