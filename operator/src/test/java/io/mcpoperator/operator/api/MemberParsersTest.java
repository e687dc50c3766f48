package io.mcpoperator.operator.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import io.mcpoperator.operator.aggregate.TestMembers;
import java.time.Duration;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MemberParsersTest {
  private static final Function<JsonObject, Parsed<?>> TOOL = ToolParser::parse;
  private static final Function<JsonObject, Parsed<?>> PROMPT = PromptParser::parse;
  private static final Function<JsonObject, Parsed<?>> RESOURCE = ResourceParser::parse;

  static Stream<Arguments> invalid() {
    return Stream.of(
        Arguments.of("MCPTool", "service: {name: s}", "spec.name is required"),
        Arguments.of("MCPTool", "name: 1st\nservice: {name: s}", "spec.name \"1st\" must be"),
        Arguments.of("MCPTool", "name: t", "spec.service is required"),
        Arguments.of("MCPTool", "name: t\nservice: {port: 80}", "spec.service.name is required"),
        Arguments.of(
            "MCPTool", "name: t\nservice: {name: s, port: 0}", "spec.service.port must be between"),
        Arguments.of("MCPTool", "name: t\nservice: {name: s, path: x}", "spec.service.path must"),
        Arguments.of("MCPTool", "name: t\nservice: {name: s}\nmethod: HEAD", "spec.method must"),
        Arguments.of(
            "MCPTool", "name: t\nservice: {name: s}\ninputSchema: [1]", "must be an object"),
        Arguments.of("MCPTool", "name: t\nservice: {name: s}\ntimeout: soon", "spec.timeout must"),
        Arguments.of("MCPTool", "name: t\nservice: {name: s}\ncache: {}", "spec.cache.ttl"),
        Arguments.of(
            "MCPTool", "name: t\nservice: {name: s}\nrateLimit: {burst: 2}", "requestsPerMinute"),
        Arguments.of(
            "MCPTool",
            "name: t\nservice: {name: s}\nheaders: [{name: A}]",
            "spec.headers[0].value or valueFrom.secretKeyRef must be set"),
        Arguments.of(
            "MCPTool",
            "name: t\nservice: {name: s}\nheaders: [{name: A, value: x}, {name: a, value: y}]",
            "spec.headers[1].name repeats header"),
        Arguments.of("MCPPrompt", "name: p", "spec.template is required"),
        Arguments.of("MCPPrompt", "name: p\ntemplate: '" + "x".repeat(10_001) + "'", "limit is"),
        Arguments.of(
            "MCPPrompt",
            "name: p\ntemplate: t\nvariables: [{name: a-b}]",
            "spec.variables[0].name"),
        Arguments.of(
            "MCPPrompt",
            "name: p\ntemplate: t\nvariables: [{name: a}, {name: a}]",
            "declares \"a\" a second time"),
        Arguments.of("MCPResource", "name: r", "spec.content or spec.operations must be set"),
        Arguments.of("MCPResource", "name: r\ncontent: {uri: 'no scheme'}", "spec.content.uri"),
        Arguments.of(
            "MCPResource", "name: r\ncontent: {uri: 'a:b', text: t, blob: YQ==}", "are both set"),
        Arguments.of(
            "MCPResource", "name: r\ncontent: {uri: 'a:b', blob: '!!'}", "not valid base64"),
        Arguments.of("MCPResource", "name: r\noperations: []", "at least one operation"),
        Arguments.of(
            "MCPResource",
            "name: r\noperations: [{ingressPath: '/a/{id', service: {name: s}}]",
            "unbalanced"),
        Arguments.of(
            "MCPResource",
            "name: r\noperations: [{ingressPath: '/a/{x}/{x}', service: {name: s}}]",
            "uses a placeholder twice"),
        Arguments.of(
            "MCPResource",
            "name: r\noperations: [{ingressPath: /a, service: {name: s},"
                + " parameters: [{name: id, in: path}]}]",
            "ingressPath has no {id}"),
        Arguments.of(
            "MCPResource",
            "name: r\noperations: [{ingressPath: /a, service: {name: s},"
                + " parameters: [{name: a, in: cookie}]}]",
            "must be path, query or header"),
        Arguments.of(
            "MCPResource",
            "name: r\noperations: [{ingressPath: /a, service: {name: s},"
                + " parameters: [{name: a-b}, {name: a.b, in: header}]}]",
            "both become URI template variable a_b"),
        Arguments.of(
            "MCPResource",
            "name: r\noperations: [{ingressPath: '/a/{id}', service: {name: s, path: /v1/a}}]",
            "does not use path parameter {id}"),
        Arguments.of(
            "MCPResource",
            "name: r\noperations: [{ingressPath: /a, service: {name: s, path: '/v1/{id}'}}]",
            "uses {id}, which ingressPath does not have"),
        Arguments.of(
            "MCPResource",
            "name: r\noperations: [{ingressPath: '/a/{x}', service: {name: s}},"
                + " {ingressPath: '/a/{y}', service: {name: s}}]",
            "matches the same URIs as an earlier operation"));
  }

  @ParameterizedTest(name = "{0}: {2}")
  @MethodSource("invalid")
  void invalidSpecsSayWhatToFix(String kind, String spec, String message) {
    Parsed<?> parsed = parser(kind).apply(TestMembers.raw(kind, "ns", "x", "{}", spec));

    assertThat(parsed).isInstanceOf(Parsed.Invalid.class);
    assertThat(((Parsed.Invalid<?>) parsed).message()).contains(message);
    assertThat(parsed.meta().name()).isEqualTo("x");
  }

  @Test
  void toolDefaultsFollowTheCrd() {
    McpTool tool =
        valid(
            ToolParser.parse(
                TestMembers.raw("MCPTool", "ns", "t", "{a: b}", "name: t\nservice: {name: s}")));

    assertThat(tool.method()).isEqualTo("POST");
    assertThat(tool.service()).isEqualTo(new ServiceRef(java.util.Optional.empty(), "s", 80, "/"));
    assertThat(tool.inputSchema().toString()).isEqualTo("{\"type\":\"object\"}");
    assertThat(tool.timeout()).isEmpty();
    assertThat(tool.meta().labels()).containsEntry("a", "b");
  }

  @Test
  void toolReadsEveryField() {
    McpTool tool =
        valid(
            ToolParser.parse(
                TestMembers.raw(
                    "MCPTool",
                    "ns",
                    "t",
                    "{}",
                    """
                    name: t
                    service: {name: s, namespace: other, port: 8080, path: /x}
                    method: GET
                    headers: [{name: A, valueFrom: {secretKeyRef: {name: sec, key: k}}}]
                    timeout: 1m30s
                    cache: {ttl: 500ms}
                    rateLimit: {requestsPerMinute: 30}""")));

    assertThat(tool.service().namespaceFor("ns")).isEqualTo("other");
    assertThat(tool.headers().getFirst().secret()).contains(new SecretKeyRef("sec", "k"));
    assertThat(tool.timeout()).contains(Duration.ofSeconds(90));
    assertThat(tool.cacheTtl()).contains(Duration.ofMillis(500));
    assertThat(tool.rateLimit()).contains(new GatewayConfigSpec.RateLimit(30, 30));
  }

  @Test
  void undeclaredPathPlaceholdersBecomeRequiredPathParameters() {
    McpResource resource =
        TestMembers.validResource(
            "name: r\noperations: [{ingressPath: '/a/{id}', service: {name: s},"
                + " parameters: [{name: q}]}]");

    assertThat(resource.operations().getFirst().parameters())
        .containsExactly(
            new McpResource.Parameter("q", "query", false, ""),
            new McpResource.Parameter("id", "path", true, ""));
    assertThat(resource.operations().getFirst().method()).isEqualTo("GET");
    assertThat(resource.operations().getFirst().mimeType()).isEqualTo("application/json");
  }

  private static Function<JsonObject, Parsed<?>> parser(String kind) {
    return switch (kind) {
      case "MCPTool" -> TOOL;
      case "MCPPrompt" -> PROMPT;
      default -> RESOURCE;
    };
  }

  private static <T extends Member> T valid(Parsed<T> parsed) {
    assertThat(parsed).isInstanceOf(Parsed.Valid.class);
    return ((Parsed.Valid<T>) parsed).value();
  }
}
