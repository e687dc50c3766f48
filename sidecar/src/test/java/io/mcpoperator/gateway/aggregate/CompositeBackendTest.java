package io.mcpoperator.gateway.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mcpoperator.gateway.aggregate.limits.InMemoryRateLimiter;
import io.mcpoperator.gateway.aggregate.limits.InMemoryResponseCache;
import io.mcpoperator.mcp.McpBackend;
import io.mcpoperator.mcp.McpException;
import io.mcpoperator.mcp.jsonrpc.Json;
import io.mcpoperator.mcp.jsonrpc.JsonRpcError;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CompositeBackendTest {
  private final FakeSender sender = new FakeSender();
  private final FakeUpstream upstream = new FakeUpstream();
  private final RecordingClients clients = new RecordingClients();

  private CompositeBackend backend(Optional<McpBackend> upstream) throws IOException {
    var outbound =
        new Outbound(
            sender,
            new InMemoryResponseCache(100),
            new InMemoryRateLimiter(),
            name ->
                Optional.ofNullable(Map.of("MCP_SECRET_WEATHER_API_TOKEN_679DFD", "t0k").get(name)),
            new AggregateMetrics());
    var backend =
        new CompositeBackend(
            upstream,
            Json.object().add("name", "team-a/assistant").add("version", "1").build(),
            AggregateConfigTest.fixture(),
            outbound);
    backend.bind(clients);
    return backend;
  }

  private static List<String> names(JsonObject result, String key, String id) {
    return result.getJsonArray(key).stream().map(v -> v.asJsonObject().getString(id)).toList();
  }

  private static String text(JsonObject result) {
    return result.getJsonArray("content").getJsonObject(0).getString("text");
  }

  @Test
  void withoutUpstreamServesTheCatalogAlone() throws Exception {
    var backend = backend(Optional.empty());

    var identity = backend.identity();
    assertThat(identity.serverInfo().getString("name")).isEqualTo("team-a/assistant");
    for (String capability : List.of("tools", "prompts", "resources")) {
      assertThat(identity.capabilities().getJsonObject(capability).getBoolean("listChanged"))
          .isTrue();
    }
    assertThat(names(backend.handle(FakeRequest.of("tools/list", "{}")), "tools", "name"))
        .containsExactly("get-weather", "translate");
    assertThat(names(backend.handle(FakeRequest.of("prompts/list", "{}")), "prompts", "name"))
        .containsExactly("summarize");
    assertThat(names(backend.handle(FakeRequest.of("resources/list", "{}")), "resources", "uri"))
        .containsExactly("docs://runbook");
    assertThat(
            names(
                backend.handle(FakeRequest.of("resources/templates/list", "{}")),
                "resourceTemplates",
                "uriTemplate"))
        .containsExactly(
            "resource://customers/customers/{id}{?verbose,X_Tenant}",
            "resource://customers/customers{?q}");
  }

  @Test
  void withoutUpstreamUnknownNamesAreInvalidParams() throws Exception {
    var backend = backend(Optional.empty());

    assertThatThrownBy(() -> backend.handle(FakeRequest.of("tools/list", "{\"cursor\": \"x\"}")))
        .satisfies(e -> assertThat(code(e)).isEqualTo(JsonRpcError.INVALID_PARAMS));
    assertThatThrownBy(() -> backend.handle(FakeRequest.of("tools/call", "{\"name\": \"nope\"}")))
        .satisfies(e -> assertThat(code(e)).isEqualTo(JsonRpcError.INVALID_PARAMS))
        .hasMessageContaining("unknown tool nope");
    assertThatThrownBy(() -> backend.handle(FakeRequest.of("prompts/get", "{\"name\": \"nope\"}")))
        .satisfies(e -> assertThat(code(e)).isEqualTo(JsonRpcError.INVALID_PARAMS));
    assertThatThrownBy(
            () -> backend.handle(FakeRequest.of("resources/read", "{\"uri\": \"x://y\"}")))
        .satisfies(e -> assertThat(code(e)).isEqualTo(-32002))
        .hasMessageContaining("x://y");
    assertThatThrownBy(() -> backend.handle(FakeRequest.of("tools/call", "{}")))
        .satisfies(e -> assertThat(code(e)).isEqualTo(JsonRpcError.INVALID_PARAMS));
    assertThatThrownBy(() -> backend.handle(FakeRequest.of("completion/complete", "{}")))
        .satisfies(e -> assertThat(code(e)).isEqualTo(JsonRpcError.METHOD_NOT_FOUND));
  }

  private static int code(Throwable e) {
    return ((McpException) e).error().code();
  }

  @Test
  void mergesWithTheUpstreamAndTheUpstreamWinsNameConflicts() throws Exception {
    var backend = backend(Optional.of(upstream));

    JsonObject first = backend.handle(FakeRequest.of("tools/list", "{}"));
    assertThat(names(first, "tools", "name")).containsExactly("up-a", "translate");
    assertThat(first.getString("nextCursor")).isEqualTo("p2");
    JsonObject second = backend.handle(FakeRequest.of("tools/list", "{\"cursor\": \"p2\"}"));
    assertThat(names(second, "tools", "name")).containsExactly("get-weather", "up-b");

    assertThat(
            text(
                backend.handle(
                    FakeRequest.of(
                        "tools/call",
                        "{\"name\": \"get-weather\", \"arguments\": {\"city\": \"Lisbon\"}}"))))
        .isEqualTo("upstream:get-weather");
    assertThat(text(backend.handle(FakeRequest.of("tools/call", "{\"name\": \"up-b\"}"))))
        .isEqualTo("upstream:up-b");
    assertThat(sender.calls).isEmpty();
  }

  @Test
  void routingDoesNotDependOnWhichPagesTheClientRead() throws Exception {
    var backend = backend(Optional.of(upstream));

    // no list first: the gateway reads the upstream's whole list itself
    backend.handle(
        FakeRequest.of(
            "tools/call", "{\"name\": \"get-weather\", \"arguments\": {\"city\": \"Lisbon\"}}"));
    assertThat(upstream.methods).containsExactly("tools/list", "tools/list@p2", "tools/call");
    backend.handle(
        FakeRequest.of(
            "tools/call",
            "{\"name\": \"translate\", \"arguments\": {\"text\": \"hi\", \"to\": \"de\"}}"));
    assertThat(sender.calls).hasSize(1);
    assertThat(upstream.methods).hasSize(3);
  }

  @Test
  void anUpstreamListChangeIsTakenIntoAccount() throws Exception {
    var backend = backend(Optional.of(upstream));
    assertThat(backend.shadowed().getJsonArray("tools")).isEmpty();
    backend.handle(FakeRequest.of("tools/list", "{}"));
    assertThat(backend.shadowed().toString())
        .isEqualTo("{\"tools\":[\"get-weather\"],\"prompts\":[],\"resources\":[]}");

    upstream.secondPage = List.of("up-b");
    upstream.clients.notifyAll(
        "notifications/tools/list_changed", JsonValue.EMPTY_JSON_OBJECT, s -> true);

    assertThat(clients.broadcast).containsExactly("notifications/tools/list_changed");
    // the report keeps the last complete listing until the next one
    assertThat(backend.shadowed().getJsonArray("tools")).hasSize(1);
    JsonObject result =
        backend.handle(
            FakeRequest.of(
                "tools/call",
                "{\"name\": \"get-weather\", \"arguments\": {\"city\": \"Lisbon\"}}"));
    assertThat(result.getJsonObject("structuredContent").getInt("temperatureC")).isEqualTo(20);
    assertThat(names(backend.handle(FakeRequest.of("tools/list", "{}")), "tools", "name"))
        .containsExactly("up-a", "get-weather", "translate");
    assertThat(backend.shadowed().getJsonArray("tools")).isEmpty();
  }

  @Test
  void aggregatedToolsKeepWorkingWhileTheUpstreamRestarts() throws Exception {
    var backend = backend(Optional.of(upstream));
    upstream.down = true;

    JsonObject result =
        backend.handle(
            FakeRequest.of(
                "tools/call",
                "{\"name\": \"translate\", \"arguments\": {\"text\": \"a\", \"to\": \"de\"}}"));

    assertThat(result.containsKey("isError")).isFalse();
    assertThatThrownBy(() -> backend.handle(FakeRequest.of("tools/list", "{}")))
        .satisfies(e -> assertThat(code(e)).isEqualTo(JsonRpcError.SERVER_UNAVAILABLE));
  }

  @Test
  void identityKeepsTheUpstreamsAndAdvertisesListChanges() throws Exception {
    var identity = backend(Optional.of(upstream)).identity();

    assertThat(identity.serverInfo().getString("name")).isEqualTo("upstream");
    assertThat(identity.instructions()).contains("Upstream instructions");
    assertThat(identity.capabilities().getJsonObject("resources").getBoolean("subscribe")).isTrue();
    assertThat(identity.capabilities().getJsonObject("resources").getBoolean("listChanged"))
        .isTrue();
    assertThat(identity.capabilities().getJsonObject("prompts").getBoolean("listChanged")).isTrue();
    assertThat(identity.capabilities().containsKey("logging")).isTrue();
  }

  @Test
  void listsTheUpstreamLacksAreServedFromTheCatalogAlone() throws Exception {
    var backend = backend(Optional.of(upstream));

    assertThat(names(backend.handle(FakeRequest.of("prompts/list", "{}")), "prompts", "name"))
        .containsExactly("summarize");
    JsonObject prompt =
        backend.handle(
            FakeRequest.of(
                "prompts/get", "{\"name\": \"summarize\", \"arguments\": {\"text\": \"T\"}}"));
    assertThat(prompt.getJsonArray("messages")).hasSize(1);
    assertThat(upstream.methods).isEmpty();
    assertThat(names(backend.handle(FakeRequest.of("resources/list", "{}")), "resources", "uri"))
        .containsExactly("up://r", "docs://runbook");
  }

  @Test
  void resourcesAreRoutedByUri() throws Exception {
    var backend = backend(Optional.of(upstream));

    assertThat(text(backend.handle(FakeRequest.of("resources/read", "{\"uri\": \"up://r\"}"))))
        .isEqualTo("upstream:up://r");
    JsonObject runbook =
        backend.handle(FakeRequest.of("resources/read", "{\"uri\": \"docs://runbook\"}"));
    assertThat(runbook.getJsonArray("contents").getJsonObject(0).getString("mimeType"))
        .isEqualTo("text/markdown");
    assertThat(
            backend.handle(FakeRequest.of("resources/subscribe", "{\"uri\": \"docs://runbook\"}")))
        .isEmpty();
    assertThat(text(backend.handle(FakeRequest.of("resources/subscribe", "{\"uri\": \"up://r\"}"))))
        .isEqualTo("upstream:up://r");
    assertThat(text(backend.handle(FakeRequest.of("resources/read", "{\"uri\": \"other://x\"}"))))
        .isEqualTo("upstream:other://x");
  }

  @Test
  void readsAnHttpResourceWithPathQueryAndHeaderParameters() throws Exception {
    var backend = backend(Optional.empty());
    sender.next = FakeSender.json(200, "{\"id\": 42}");

    JsonObject result =
        backend.handle(
            FakeRequest.of(
                "resources/read",
                "{\"uri\": \"resource://customers/customers/4%202?verbose=1&X_Tenant=acme\"}"));

    var content = result.getJsonArray("contents").getJsonObject(0);
    assertThat(content.getString("uri"))
        .isEqualTo("resource://customers/customers/4%202?verbose=1&X_Tenant=acme");
    assertThat(content.getString("mimeType")).isEqualTo("application/json");
    assertThat(content.getString("text")).isEqualTo("{\"id\": 42}");
    HttpCall call = sender.calls.getFirst();
    assertThat(call.uri())
        .hasToString("http://customers-api.team-a.svc.cluster.local:8080/api/v1/customers/4%202");
    assertThat(call.query()).containsExactly(new HttpCall.Pair("verbose", "1"));
    assertThat(call.headers()).containsExactly(new HttpCall.Pair("X-Tenant", "acme"));
  }

  @Test
  void aResourceReadMissingARequiredParameterIsInvalidParamsNamingIt() throws Exception {
    var backend = backend(Optional.empty());

    assertThatThrownBy(
            () ->
                backend.handle(
                    FakeRequest.of(
                        "resources/read", "{\"uri\": \"resource://customers/customers/42\"}")))
        .satisfies(e -> assertThat(code(e)).isEqualTo(JsonRpcError.INVALID_PARAMS))
        .hasMessageContaining("'X-Tenant'")
        .hasMessageContaining("X_Tenant");
    assertThat(sender.calls).isEmpty();
  }

  @Test
  void invalidArgumentsAreAToolErrorAndNoCallIsMade() throws Exception {
    var backend = backend(Optional.empty());

    JsonObject result =
        backend.handle(
            FakeRequest.of(
                "tools/call",
                "{\"name\": \"get-weather\", \"arguments\": {\"city\": \"x\", \"days\": 9}}"));

    assertThat(result.getBoolean("isError")).isTrue();
    assertThat(text(result))
        .isEqualTo("Invalid arguments for tool get-weather: days: must have a maximum value of 3");
    assertThat(
            text(
                backend.handle(
                    FakeRequest.of("tools/call", "{\"name\": \"translate\", \"arguments\": [1]}"))))
        .contains("arguments must be an object");
    assertThat(sender.calls).isEmpty();
  }

  @Test
  void aCachedToolIsCalledOncePerTtlAndArgumentOrderDoesNotMatter() throws Exception {
    var backend = backend(Optional.empty());
    var outbound = new AggregateMetrics();
    long hitsBefore = outbound.cacheHits();

    JsonObject first =
        backend.handle(
            FakeRequest.of(
                "tools/call",
                "{\"name\": \"get-weather\", \"arguments\": {\"city\": \"Lisbon\", \"days\": 2}}"));
    JsonObject second =
        backend.handle(
            FakeRequest.of(
                "tools/call",
                "{\"name\": \"get-weather\", \"arguments\": {\"days\": 2, \"city\": \"Lisbon\"}}"));
    backend.handle(
        FakeRequest.of(
            "tools/call", "{\"name\": \"get-weather\", \"arguments\": {\"city\": \"Porto\"}}"));

    assertThat(second).isEqualTo(first);
    assertThat(sender.calls).hasSize(2);
    assertThat(sender.calls.getFirst().headers())
        .contains(new HttpCall.Pair("Authorization", "t0k"));
    assertThat(outbound.cacheHits() - hitsBefore).isEqualTo(1);
  }

  @Test
  void failedCallsAreNotCached() throws Exception {
    var backend = backend(Optional.empty());
    sender.next = FakeSender.json(503, "busy");
    String call = "{\"name\": \"get-weather\", \"arguments\": {\"city\": \"Oslo\"}}";

    assertThat(backend.handle(FakeRequest.of("tools/call", call)).getBoolean("isError")).isTrue();
    sender.next = FakeSender.json(200, "{\"temperatureC\": 1}");
    assertThat(backend.handle(FakeRequest.of("tools/call", call)).containsKey("isError")).isFalse();
    assertThat(sender.calls).hasSize(2);
  }

  @Test
  void theRateLimitAppliesPerSessionAndSaysWhenToRetry() throws Exception {
    var backend = backend(Optional.empty());
    int allowed = 0;
    JsonObject last = JsonValue.EMPTY_JSON_OBJECT;
    for (int i = 0; i < 11; i++) {
      // distinct arguments: cache hits take no token
      last =
          backend.handle(
              new FakeRequest(
                  "tools/call",
                  (JsonObject)
                      Json.parse(
                          "{\"name\": \"get-weather\", \"arguments\": {\"city\": \"c" + i + "\"}}"),
                  "s1"));
      allowed += last.containsKey("isError") ? 0 : 1;
    }
    JsonObject otherSession =
        backend.handle(
            new FakeRequest(
                "tools/call",
                (JsonObject)
                    Json.parse("{\"name\": \"get-weather\", \"arguments\": {\"city\": \"z\"}}"),
                "s2"));

    assertThat(allowed).isEqualTo(10);
    assertThat(text(last))
        .matches(
            "Rate limit reached for tool get-weather \\(60 calls per minute, burst 10\\): retry in 1 second\\.");
    assertThat(otherSession.containsKey("isError")).isFalse();
  }

  @Test
  void aMissingSecretFailsOnlyThatTool() throws Exception {
    var outbound =
        new Outbound(
            sender,
            new InMemoryResponseCache(10),
            new InMemoryRateLimiter(),
            name -> Optional.empty(),
            new AggregateMetrics());
    var backend =
        new CompositeBackend(
            Optional.empty(), JsonValue.EMPTY_JSON_OBJECT, AggregateConfigTest.fixture(), outbound);

    JsonObject weather =
        backend.handle(
            FakeRequest.of(
                "tools/call", "{\"name\": \"get-weather\", \"arguments\": {\"city\": \"x\"}}"));
    JsonObject translate =
        backend.handle(
            FakeRequest.of(
                "tools/call",
                "{\"name\": \"translate\", \"arguments\": {\"text\": \"x\", \"to\": \"de\"}}"));

    assertThat(weather.getBoolean("isError")).isTrue();
    assertThat(text(weather))
        .contains("header Authorization")
        .contains("MCP_SECRET_WEATHER_API_TOKEN_679DFD");
    assertThat(translate.containsKey("isError")).isFalse();
  }

  @Test
  void updateNotifiesOnlyTheListsThatChanged() throws Exception {
    var backend = backend(Optional.empty());
    AggregateConfig fixture = AggregateConfigTest.fixture();

    backend.update(fixture);
    assertThat(clients.broadcast).isEmpty();

    backend.update(
        new AggregateConfig(
            fixture.tools().subList(0, 1),
            fixture.prompts(),
            fixture.resources(),
            List.of(),
            Duration.ofSeconds(30)));
    assertThat(clients.broadcast).containsExactly("notifications/tools/list_changed");
    assertThat(names(backend.handle(FakeRequest.of("tools/list", "{}")), "tools", "name"))
        .containsExactly("get-weather");

    clients.broadcast.clear();
    backend.update(AggregateConfig.empty());
    assertThat(clients.broadcast)
        .containsExactly(
            "notifications/tools/list_changed",
            "notifications/prompts/list_changed",
            "notifications/resources/list_changed");
    assertThat(backend.handle(FakeRequest.of("tools/list", "{}")).getJsonArray("tools")).isEmpty();
  }

  @Test
  void sessionEventsReachTheUpstream() throws Exception {
    var backend = backend(Optional.of(upstream));
    backend.onSessionEnd("s1");
    assertThat(upstream.ended).containsExactly("s1");
  }
}
