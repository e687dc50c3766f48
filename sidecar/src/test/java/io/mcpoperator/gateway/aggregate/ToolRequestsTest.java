package io.mcpoperator.gateway.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcpoperator.gateway.aggregate.HttpCall.Pair;
import io.mcpoperator.mcp.jsonrpc.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ToolRequestsTest {
  private static final Map<String, String> ENV = Map.of("TOKEN_ENV", "Bearer s3cret");

  static ToolSpec tool(String method, Optional<Duration> timeout, List<ToolSpec.Header> headers) {
    return new ToolSpec(
        "t",
        "",
        method,
        "http://svc:8080/do",
        JsonValue.EMPTY_JSON_OBJECT,
        Optional.empty(),
        headers,
        timeout,
        Optional.empty(),
        Optional.empty());
  }

  private static ToolRequests.Built build(ToolSpec tool, String arguments) {
    return ToolRequests.build(
        tool,
        (JsonObject) Json.parse(arguments),
        name -> Optional.ofNullable(ENV.get(name)),
        Duration.ofSeconds(30));
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          GET    | {"city": "Lisbon", "days": 2}       | city=Lisbon&days=2           |
          DELETE | {"id": "a b"}                      | id=a b                       |
          GET    | {"tag": ["x", "y"], "flag": true}  | tag=x&tag=y&flag=true        |
          GET    | {"skip": null, "o": {"a": 1}}      | o={"a":1}                    |
          GET    | {"n": 1.50}                        | n=1.50                       |
          POST   | {"text": "hi", "to": "de"}         |                              | {"text":"hi","to":"de"}
          PUT    | {}                                 |                              | {}
          PATCH  | {"a": [1, 2]}                      |                              | {"a":[1,2]}
          """)
  void placesArgumentsByMethod(String method, String arguments, String query, String body) {
    var built = build(tool(method, Optional.empty(), List.of()), arguments);

    assertThat(built).isInstanceOf(ToolRequests.Ready.class);
    HttpCall call = ((ToolRequests.Ready) built).call();
    assertThat(call.method()).isEqualTo(method);
    assertThat(call.uri()).hasToString("http://svc:8080/do");
    assertThat(
            String.join("&", call.query().stream().map(p -> p.name() + "=" + p.value()).toList()))
        .isEqualTo(query == null ? "" : query);
    assertThat(call.jsonBody()).isEqualTo(Optional.ofNullable(body));
  }

  @Test
  void sendsStaticAndSecretHeadersAndTheToolsTimeout() {
    var headers =
        List.of(
            new ToolSpec.Header("X-Client", Optional.of("mcp-gateway"), Optional.empty()),
            new ToolSpec.Header("Authorization", Optional.empty(), Optional.of("TOKEN_ENV")));
    var call =
        ((ToolRequests.Ready)
                build(tool("POST", Optional.of(Duration.ofSeconds(3)), headers), "{}"))
            .call();

    assertThat(call.headers())
        .containsExactly(
            new Pair("X-Client", "mcp-gateway"), new Pair("Authorization", "Bearer s3cret"));
    assertThat(call.timeout()).isEqualTo(Duration.ofSeconds(3));
  }

  @Test
  void withoutItsOwnTimeoutTheRequestTimeoutApplies() {
    var call = ((ToolRequests.Ready) build(tool("GET", Optional.empty(), List.of()), "{}")).call();
    assertThat(call.timeout()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void anUnsetSecretVariableRefusesTheCallNamingTheHeader() {
    var headers =
        List.of(new ToolSpec.Header("Authorization", Optional.empty(), Optional.of("MISSING_ENV")));

    var built = build(tool("GET", Optional.empty(), headers), "{}");

    assertThat(built)
        .isInstanceOfSatisfying(
            ToolRequests.Refused.class,
            r ->
                assertThat(r.message())
                    .contains("header Authorization")
                    .contains("MISSING_ENV")
                    .contains("Secret"));
  }
}
