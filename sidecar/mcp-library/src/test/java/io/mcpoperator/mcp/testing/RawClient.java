package io.mcpoperator.mcp.testing;

import io.mcpoperator.mcp.jsonrpc.Json;
import jakarta.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Plain HTTP against an MCP endpoint, for asserting exact statuses and headers. */
public final class RawClient {
  public static final String ACCEPT_BOTH = "application/json, text/event-stream";
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;

  public RawClient(String base) {
    this.base = base;
  }

  public HttpResponse<String> send(
      String method, String path, Map<String, String> headers, String body) {
    var builder =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(20))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(builder::header);
    try {
      return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A POST to /mcp with the usual headers plus {@code extra}. */
  public HttpResponse<String> post(Map<String, String> extra, String body) {
    var headers = new java.util.HashMap<String, String>();
    headers.put("Content-Type", "application/json");
    headers.put("Accept", ACCEPT_BOTH);
    headers.putAll(extra);
    return send("POST", "/mcp", headers, body);
  }

  /** Initializes a session with {@code version}; returns its id. */
  public String initialize(String version) {
    var res = post(Map.of(), initializeBody(version));
    if (res.statusCode() != 200) {
      throw new IllegalStateException("initialize failed: " + res.statusCode() + " " + res.body());
    }
    String id = res.headers().firstValue("Mcp-Session-Id").orElseThrow();
    post(
        Map.of("Mcp-Session-Id", id),
        "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
    return id;
  }

  public static String initializeBody(String version) {
    return "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\""
        + version
        + "\",\"capabilities\":{},\"clientInfo\":{\"name\":\"raw\",\"version\":\"1\"}}}";
  }

  public static String call(int id, String tool) {
    return "{\"jsonrpc\":\"2.0\",\"id\":"
        + id
        + ",\"method\":\"tools/call\",\"params\":{\"name\":\""
        + tool
        + "\",\"arguments\":{\"text\":\"t\"}}}";
  }

  /** Opens an SSE response and reads events from it. */
  public SseReader openStream(
      String method, String path, Map<String, String> headers, String body) {
    var builder =
        HttpRequest.newBuilder(URI.create(base + path))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(builder::header);
    try {
      var res = http.send(builder.build(), HttpResponse.BodyHandlers.ofInputStream());
      return new SseReader(res);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A minimal blocking SSE reader for tests. */
  public static final class SseReader implements AutoCloseable {
    public final HttpResponse<InputStream> response;
    private final BufferedReader reader;

    SseReader(HttpResponse<InputStream> response) {
      this.response = response;
      this.reader =
          new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
    }

    /** The next event with data, as {id, event, data}; comments and priming events skipped. */
    public Map<String, String> next() {
      try {
        var fields = new java.util.HashMap<String, String>();
        String line;
        while ((line = reader.readLine()) != null) {
          if (line.isEmpty()) {
            if (fields.containsKey("data") && !fields.get("data").isEmpty()) {
              return fields;
            }
            fields.clear();
          } else if (!line.startsWith(":")) {
            int colon = line.indexOf(':');
            fields.put(line.substring(0, colon), line.substring(colon + 1).trim());
          }
        }
        return Map.of();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    public JsonObject nextJson() {
      return Json.parse(next().get("data")).asJsonObject();
    }

    public List<Map<String, String>> next(int n) {
      var out = new ArrayList<Map<String, String>>();
      for (int i = 0; i < n; i++) {
        out.add(next());
      }
      return out;
    }

    @Override
    public void close() {
      try {
        response.body().close();
      } catch (IOException e) {
        // closed
      }
    }
  }
}
