package io.mcpoperator.operator.testing;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.util.Map;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;

/**
 * Test-only OkHttp interceptor that lets client-java talk to fabric8's mock API server: fills in
 * {@code kind}/{@code apiVersion} on request bodies, turns empty error bodies into a v1 Status and
 * carries {@code ?watch=true} requests over the mock's WebSocket watch.
 */
final class MockApiCompatibility implements Interceptor {

  private static final MediaType JSON = MediaType.get("application/json");
  private static final Map<String, String> KINDS =
      Map.ofEntries(
          Map.entry("configmaps", "ConfigMap"),
          Map.entry("services", "Service"),
          Map.entry("pods", "Pod"),
          Map.entry("events", "Event"),
          Map.entry("secrets", "Secret"),
          Map.entry("namespaces", "Namespace"),
          Map.entry("deployments", "Deployment"),
          Map.entry("replicasets", "ReplicaSet"),
          Map.entry("ingresses", "Ingress"),
          Map.entry("poddisruptionbudgets", "PodDisruptionBudget"),
          Map.entry("leases", "Lease"),
          Map.entry("mcpservers", "MCPServer"),
          Map.entry("customresourcedefinitions", "CustomResourceDefinition"));

  private final WatchBridge watches;
  private final InstalledCrds crds;

  MockApiCompatibility(WatchBridge watches, InstalledCrds crds) {
    this.watches = watches;
    this.crds = crds;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    String path = request.url().encodedPath();
    String prefix = "/apis/" + InstalledCrds.GROUP_VERSION;
    if (path.equals(prefix) || path.equals(prefix + "/")) {
      return crds.any() ? answer(request, 200, crds.discovery()) : answer(request, 404, notFound());
    }
    if (path.startsWith(prefix + "/") && !crds.has(ApiPath.of(path).plural())) {
      return answer(request, 404, notFound());
    }
    if ("GET".equals(request.method()) && "true".equals(request.url().queryParameter("watch"))) {
      return watches.open(request);
    }
    Response response = chain.proceed(withTypeMeta(request));
    return withStatusBody(response);
  }

  private static Response answer(Request request, int code, String body) {
    return new Response.Builder()
        .request(request)
        .protocol(okhttp3.Protocol.HTTP_1_1)
        .code(code)
        .message(code == 200 ? "OK" : "Not Found")
        .body(ResponseBody.create(body, JSON))
        .build();
  }

  /** What a real API server answers for a kind it does not serve. */
  private static String notFound() {
    JsonObject status = new JsonObject();
    status.addProperty("kind", "Status");
    status.addProperty("apiVersion", "v1");
    status.addProperty("status", "Failure");
    status.addProperty("message", "the server could not find the requested resource");
    status.addProperty("reason", "NotFound");
    status.addProperty("code", 404);
    return status.toString();
  }

  private static Request withTypeMeta(Request request) throws IOException {
    RequestBody body = request.body();
    if (body == null || !("POST".equals(request.method()) || "PUT".equals(request.method()))) {
      return request;
    }
    Buffer buffer = new Buffer();
    body.writeTo(buffer);
    String text = buffer.readUtf8();
    if (text.isBlank() || !text.startsWith("{")) {
      return request.newBuilder().method(request.method(), RequestBody.create(text, JSON)).build();
    }
    JsonObject json = JsonParser.parseString(text).getAsJsonObject();
    ApiPath path = ApiPath.of(request.url().encodedPath());
    if (!json.has("apiVersion")) {
      json.addProperty("apiVersion", path.apiVersion());
    }
    if (!json.has("kind") && KINDS.containsKey(path.plural())) {
      json.addProperty("kind", KINDS.get(path.plural()));
    }
    return request
        .newBuilder()
        .method(request.method(), RequestBody.create(json.toString(), JSON))
        .build();
  }

  private static Response withStatusBody(Response response) throws IOException {
    if (response.code() < 400) {
      return response;
    }
    ResponseBody body = response.body();
    String text = body == null ? "" : body.string();
    if (text.isBlank() || !text.contains("\"kind\"")) {
      JsonObject status = new JsonObject();
      status.addProperty("kind", "Status");
      status.addProperty("apiVersion", "v1");
      status.addProperty("status", "Failure");
      status.addProperty("code", response.code());
      status.addProperty("reason", reason(response.code()));
      status.addProperty("message", text.isBlank() ? reason(response.code()) : text);
      text = status.toString();
    }
    return response.newBuilder().body(ResponseBody.create(text, JSON)).build();
  }

  private static String reason(int code) {
    return switch (code) {
      case 404 -> "NotFound";
      case 409 -> "Conflict";
      case 422 -> "Invalid";
      default -> "Unknown";
    };
  }

  /** The pieces of a Kubernetes API path this interceptor needs. */
  record ApiPath(String apiVersion, String plural) {
    static ApiPath of(String path) {
      String[] parts = path.replaceFirst("^/", "").split("/");
      String apiVersion;
      int rest;
      if ("api".equals(parts[0])) {
        apiVersion = parts[1];
        rest = 2;
      } else {
        apiVersion = parts[1] + "/" + parts[2];
        rest = 3;
      }
      if (parts.length > rest + 1 && "namespaces".equals(parts[rest])) {
        rest += 2;
      }
      String plural = parts.length > rest ? parts[rest] : "namespaces";
      return new ApiPath(apiVersion, plural);
    }
  }
}
