package io.mcpoperator.operator.web;

import io.helidon.health.HealthCheckResponse;
import io.helidon.health.HealthCheckType;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.observe.ObserveFeature;
import io.helidon.webserver.observe.health.HealthObserver;
import io.helidon.webserver.observe.metrics.MetricsObserver;
import java.util.List;

/**
 * Helidon WebServer for probes and scraping: {@code /observe/health} (and {@code /live}, {@code
 * /ready}) and {@code /observe/metrics} in Prometheus format.
 */
public final class ObserveServer implements AutoCloseable {

  private final WebServer server;

  private ObserveServer(WebServer server) {
    this.server = server;
  }

  /** Starts the server; {@code port} 0 picks a free port. */
  public static ObserveServer start(String host, int port, HealthSignals signals) {
    HealthObserver health =
        HealthObserver.builder()
            .details(true)
            .useSystemServices(false)
            .addCheck(
                () ->
                    HealthCheckResponse.builder()
                        .status(signals.live())
                        .detail("role", signals.role())
                        .build(),
                HealthCheckType.LIVENESS,
                "operator")
            .addCheck(() -> readiness(signals), HealthCheckType.READINESS, "caches")
            .build();
    ObserveFeature observe =
        ObserveFeature.builder().addObserver(health).addObserver(MetricsObserver.create()).build();
    WebServer server =
        WebServer.builder().host(host).port(port).addFeature(observe).build().start();
    return new ObserveServer(server);
  }

  private static HealthCheckResponse readiness(HealthSignals signals) {
    HealthCheckResponse.Builder response =
        HealthCheckResponse.builder().status(signals.ready()).detail("role", signals.role());
    List<String> missing = signals.missingCrds();
    if (!missing.isEmpty()) {
      response.detail("missingCrds", missing);
    }
    return response.build();
  }

  public int port() {
    return server.port();
  }

  @Override
  public void close() {
    server.stop();
  }
}
