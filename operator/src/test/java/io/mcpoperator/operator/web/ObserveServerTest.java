package io.mcpoperator.operator.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ObserveServerTest {

  private static final class Signals implements HealthSignals {
    volatile boolean live = true;
    volatile boolean ready;

    @Override
    public boolean live() {
      return live;
    }

    @Override
    public boolean ready() {
      return ready;
    }

    @Override
    public String role() {
      return "leader";
    }
  }

  private final Signals signals = new Signals();
  private final ObserveServer server = ObserveServer.start("127.0.0.1", 0, signals);
  private final HttpClient http = HttpClient.newHttpClient();

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void readinessFollowsTheOperatorAndLivenessStaysUp() throws Exception {
    assertThat(get("/observe/health/ready").statusCode()).isEqualTo(503);
    assertThat(get("/observe/health/live").statusCode()).isEqualTo(200);

    signals.ready = true;

    HttpResponse<String> ready = get("/observe/health/ready");
    assertThat(ready.statusCode()).isEqualTo(200);
    HttpResponse<String> all = get("/observe/health");
    assertThat(all.statusCode()).isEqualTo(200);
    assertThat(all.body()).contains("\"status\":\"UP\"").contains("leader");
  }

  @Test
  void anOperatorThatLostItsLeaseIsNotLive() throws Exception {
    signals.live = false;
    assertThat(get("/observe/health/live").statusCode()).isEqualTo(503);
  }

  @Test
  void metricsAreServedInPrometheusFormat() throws Exception {
    ReconcileMetrics.of("mcpserver").reconciled(Duration.ofMillis(12), true);

    HttpResponse<String> metrics = get("/observe/metrics");

    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.body())
        .contains("mcp_operator_reconcile_total{")
        .contains("mcp_operator_reconcile_errors_total{")
        .contains("mcp_operator_reconcile_duration_seconds_count{")
        .contains("mcp_operator_servers{");
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
