package io.mcpoperator.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcpoperator.mcp.McpRequest;
import io.mcpoperator.mcp.jsonrpc.Json;
import io.mcpoperator.mcp.jsonrpc.JsonRpcMessage;
import io.mcpoperator.mcp.jsonrpc.JsonRpcMessage.Request;
import io.mcpoperator.mcp.session.ClientSession;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Where a server-to-client request of a stdio upstream goes when several sessions are busy. */
class ServerRequestRoutingTest {

  static Stream<Arguments> cases() {
    var samplingA = route("a", "2025-11-25", "sampling");
    var samplingA2 = route("a", "2025-11-25", "sampling");
    var elicitB = route("b", "2025-06-18", "elicitation");
    var samplingC = route("c", "2025-11-25", "sampling");
    var modern = route(null, "2026-07-28", "sampling");
    var modern2 = route(null, "2026-07-28", "sampling");
    var modernWithout = route(null, "2026-07-28", "elicitation");
    var modernListing = routeOf("tools/list", null, "2026-07-28", "sampling");
    var bare = route("d", "2025-11-25");
    return Stream.of(
        Arguments.of(
            "only one session busy", "sampling/createMessage", List.of(samplingA, samplingA2), "a"),
        Arguments.of(
            "the only busy session able to sample",
            "sampling/createMessage",
            List.of(samplingA, elicitB, bare),
            "a"),
        Arguments.of(
            "the only busy session able to elicit",
            "elicitation/create",
            List.of(samplingA, elicitB, bare),
            "b"),
        Arguments.of(
            "two sessions able to sample",
            "sampling/createMessage",
            List.of(samplingA, samplingC),
            "ambiguous 2"),
        Arguments.of("nobody declared roots", "roots/list", List.of(samplingA, elicitB), "nobody"),
        Arguments.of(
            "a stateless tool call that declared sampling is asked (input_required)",
            "sampling/createMessage",
            List.of(modern),
            "stateless"),
        Arguments.of(
            "a stateless client that did not declare the capability is not",
            "sampling/createMessage",
            List.of(modernWithout),
            "nobody"),
        Arguments.of(
            "a stateless tools/list cannot answer input_required",
            "sampling/createMessage",
            List.of(modernListing),
            "nobody"),
        Arguments.of(
            "two stateless requests are two clients",
            "sampling/createMessage",
            List.of(modern, modern2),
            "ambiguous 2"),
        Arguments.of(
            "a stateless request and a session both able to sample",
            "sampling/createMessage",
            List.of(modern, samplingC),
            "ambiguous 2"),
        Arguments.of(
            "a stateless client unable to answer does not make it ambiguous",
            "sampling/createMessage",
            List.of(modernWithout, modernListing, samplingC),
            "c"),
        Arguments.of(
            "a method MRTR cannot carry never reaches a stateless client",
            "ping/custom",
            List.of(modern),
            "nobody"),
        Arguments.of("a method with no capability", "ping/custom", List.of(bare), "d"),
        Arguments.of("nothing in flight", "sampling/createMessage", List.of(), "nobody"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void picks(String name, String method, List<Route> inFlight, String expected) {
    var choice =
        ServerRequestRouting.pick(
            new Request(Json.string("up-1"), method, JsonValue.EMPTY_JSON_OBJECT),
            Optional.empty(),
            inFlight);
    assertThat(describe(choice)).isEqualTo(expected);
  }

  @org.junit.jupiter.api.Test
  void theRequestItCameWithWinsOverHeuristics() {
    var related = route("b", "2025-11-25");
    var choice =
        ServerRequestRouting.pick(
            new Request(Json.string("up-1"), "sampling/createMessage", JsonValue.EMPTY_JSON_OBJECT),
            Optional.of(related),
            List.of(route("a", "2025-11-25", "sampling"), related));
    assertThat(describe(choice)).isEqualTo("b");
  }

  private static String describe(ServerRequestRouting.Choice choice) {
    return switch (choice) {
      case ServerRequestRouting.Choice.To(Route r) -> r.client().session().id().orElse("stateless");
      case ServerRequestRouting.Choice.Nobody() -> "nobody";
      case ServerRequestRouting.Choice.Ambiguous(int n) -> "ambiguous " + n;
    };
  }

  private static Route route(String session, String version, String... capabilities) {
    return routeOf("tools/call", session, version, capabilities);
  }

  private static Route routeOf(
      String method, String session, String version, String... capabilities) {
    var caps = Json.object();
    for (String c : capabilities) {
      caps.add(c, Json.object());
    }
    var client =
        new ClientSession(
            Optional.ofNullable(session),
            version,
            JsonValue.EMPTY_JSON_OBJECT,
            caps.build(),
            Optional.empty());
    return new Route(
        "gw-1", new FixedRequest(method, client), Optional.empty(), new CompletableFuture<>());
  }

  private record FixedRequest(String method, ClientSession session) implements McpRequest {
    @Override
    public JsonObject params() {
      return JsonValue.EMPTY_JSON_OBJECT;
    }

    @Override
    public JsonValue id() {
      return Json.string("c-1");
    }

    @Override
    public void notify(String method, JsonObject params) {}

    @Override
    public CompletableFuture<JsonRpcMessage.Response> request(String method, JsonObject params) {
      return new CompletableFuture<>();
    }

    @Override
    public boolean cancelled() {
      return false;
    }

    @Override
    public void onCancel(Runnable action) {}
  }
}
