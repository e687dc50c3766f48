package io.mcpoperator.k8stools.web;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerResponse;
import jakarta.json.JsonStructure;

/** Sends JSON and HTML answers. */
final class JsonReply {
  private JsonReply() {}

  static void send(ServerResponse res, int status, JsonStructure json) {
    res.status(Status.create(status));
    res.header(HeaderNames.CONTENT_TYPE, "application/json");
    res.send(json.toString());
  }

  static void html(ServerResponse res, String html) {
    res.header(HeaderNames.CONTENT_TYPE, "text/html; charset=utf-8");
    res.send(html);
  }
}
