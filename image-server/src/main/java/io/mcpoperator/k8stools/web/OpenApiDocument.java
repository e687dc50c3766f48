package io.mcpoperator.k8stools.web;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The OpenAPI 3.1 description of this server's HTTP API, served at {@code /openapi.json}. The
 * document is the resource {@code openapi.json}; only its version is filled in at startup.
 */
public final class OpenApiDocument {
  private OpenApiDocument() {}

  public static JsonObject build(String version) {
    JsonObject doc;
    try (InputStream in = OpenApiDocument.class.getResourceAsStream("/openapi.json");
        JsonReader reader = Json.createReader(in)) {
      doc = reader.readObject();
    } catch (IOException e) {
      throw new UncheckedIOException("openapi.json is missing from the jar", e);
    }
    JsonObject info =
        Json.createObjectBuilder(doc.getJsonObject("info")).add("version", version).build();
    return Json.createObjectBuilder(doc).add("info", info).build();
  }
}
