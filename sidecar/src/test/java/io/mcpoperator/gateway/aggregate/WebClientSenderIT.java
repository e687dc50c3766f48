package io.mcpoperator.gateway.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcpoperator.gateway.aggregate.HttpCall.Pair;
import io.mcpoperator.mcp.jsonrpc.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@org.junit.jupiter.api.Timeout(60)
class WebClientSenderIT {
  private final ToolBackendServer service = new ToolBackendServer();
  private final WebClientSender sender = new WebClientSender(1 << 16);

  @AfterEach
  void stop() {
    service.close();
  }

  private HttpCall get(String path, List<Pair> query, List<Pair> headers, Duration timeout) {
    return new HttpCall(
        "GET", URI.create(service.baseUri() + path), query, headers, Optional.empty(), timeout);
  }

  private static JsonObject json(HttpOutcome outcome) {
    assertThat(outcome).isInstanceOf(HttpOutcome.Answered.class);
    assertThat(((HttpOutcome.Answered) outcome).status())
        .as(((HttpOutcome.Answered) outcome).text())
        .isEqualTo(200);
    return (JsonObject) Json.parse(((HttpOutcome.Answered) outcome).text());
  }

  @Test
  void encodesQueryParametersAndKeepsEncodedPathSegments() throws Exception {
    String path = "/api/v1/customers/" + ResourceReader.encodePathSegment("a b+ü");
    var outcome =
        sender.send(
            get(
                path,
                List.of(new Pair("verbose", "x&y=z")),
                List.of(new Pair("X-Tenant", "acme")),
                Duration.ofSeconds(5)),
            action -> {});

    assertThat(json(outcome))
        .isEqualTo(Json.parse("{\"id\":\"a b+ü\",\"tenant\":\"acme\",\"verbose\":\"x&y=z\"}"));
  }

  @Test
  void aCancelledCallReturnsAtOnce() throws Exception {
    var cancel = new CompletableFuture<Runnable>();
    var outcome =
        CompletableFuture.supplyAsync(
            () ->
                sender.send(
                    get("/slow", List.of(), List.of(), Duration.ofSeconds(30)), cancel::complete));
    cancel.get(5, TimeUnit.SECONDS).run();

    assertThat(outcome.get(2, TimeUnit.SECONDS))
        .isEqualTo(new HttpOutcome.Failed("cancelled by the client", false));
  }

  @Test
  void aLargeBodyIsCutAtTheLimit() {
    var small = new WebClientSender(10);
    var outcome =
        small.send(
            get("/forecast", List.of(new Pair("city", "Lisbon")), List.of(), Duration.ofSeconds(5)),
            action -> {});

    assertThat(outcome)
        .isInstanceOfSatisfying(
            HttpOutcome.Answered.class,
            a -> {
              assertThat(a.body()).hasSize(10);
              assertThat(a.truncated()).isTrue();
            });
  }
}
