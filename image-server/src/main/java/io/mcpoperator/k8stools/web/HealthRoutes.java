package io.mcpoperator.k8stools.web;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import jakarta.json.Json;

/** {@code GET /health}: {@code {"status": "UP", "version": ...}}. */
public final class HealthRoutes implements HttpService {
  private final String version;

  public HealthRoutes(String version) {
    this.version = version;
  }

  @Override
  public void routing(HttpRules rules) {
    rules.get(
        "/health",
        (req, res) ->
            JsonReply.send(
                res,
                200,
                Json.createObjectBuilder().add("status", "UP").add("version", version).build()));
  }
}
