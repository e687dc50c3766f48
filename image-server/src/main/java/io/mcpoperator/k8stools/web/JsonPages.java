package io.mcpoperator.k8stools.web;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import jakarta.json.JsonObject;

/** {@code GET /openapi.json} and {@code GET /docs} (the same document as HTML). */
public final class JsonPages implements HttpService {
  private final JsonObject openapi;
  private final String docs;

  public JsonPages(JsonObject openapi, String docs) {
    this.openapi = openapi;
    this.docs = docs;
  }

  @Override
  public void routing(HttpRules rules) {
    rules.get("/openapi.json", (req, res) -> JsonReply.send(res, 200, openapi));
    rules.get("/docs", (req, res) -> JsonReply.html(res, docs));
  }
}
