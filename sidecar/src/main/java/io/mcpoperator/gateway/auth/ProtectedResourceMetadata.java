package io.mcpoperator.gateway.auth;

import io.helidon.common.media.type.MediaTypes;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.mcpoperator.gateway.config.AuthConfig;
import io.mcpoperator.mcp.jsonrpc.Json;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * RFC 9728 Protected Resource Metadata, public and readable from any origin, at {@code
 * /.well-known/oauth-protected-resource} and its path-inserted forms for the MCP paths the gateway
 * serves ({@code /mcp}, {@code /sse}) and the path of {@code resourceUrl}: {@code resource}, {@code
 * authorization_servers}, {@code scopes_supported}, {@code bearer_methods_supported}.
 */
final class ProtectedResourceMetadata implements HttpService {
  static final String WELL_KNOWN = "/.well-known/oauth-protected-resource";
  private final Set<String> paths;
  private final String document;

  ProtectedResourceMetadata(AuthConfig config, List<String> scopesSupported) {
    String resource = config.resourceUrl().orElseThrow();
    var paths = new LinkedHashSet<String>();
    paths.add(WELL_KNOWN);
    paths.add(WELL_KNOWN + "/mcp");
    paths.add(WELL_KNOWN + "/sse");
    String path = URI.create(resource).getRawPath();
    if (path != null && !path.isEmpty() && !path.equals("/")) {
      paths.add(WELL_KNOWN + path);
    }
    this.paths = paths;
    var servers = Json.array();
    config.authorizationServers().forEach(servers::add);
    var scopes = Json.array();
    scopesSupported.forEach(scopes::add);
    this.document =
        Json.write(
            Json.object()
                .add("resource", resource)
                .add("authorization_servers", servers)
                .add("scopes_supported", scopes)
                .add("bearer_methods_supported", Json.array().add("header"))
                .build());
  }

  /** Where the metadata of {@code resourceUrl} is: the well-known path inserted before its path. */
  static String url(String resourceUrl) {
    URI uri = URI.create(resourceUrl);
    String path = uri.getRawPath() == null || uri.getRawPath().equals("/") ? "" : uri.getRawPath();
    return uri.getScheme() + "://" + uri.getRawAuthority() + WELL_KNOWN + path;
  }

  @Override
  public void routing(HttpRules rules) {
    for (String path : paths) {
      rules.get(path, this::serve);
      rules.options(path, ProtectedResourceMetadata::preflight);
    }
  }

  private void serve(ServerRequest req, ServerResponse res) {
    res.header(HeaderNames.create("Access-Control-Allow-Origin"), "*");
    res.header(HeaderNames.CACHE_CONTROL, "max-age=300");
    res.headers().contentType(MediaTypes.APPLICATION_JSON);
    res.send(document);
  }

  private static void preflight(ServerRequest req, ServerResponse res) {
    res.status(Status.NO_CONTENT_204);
    res.header(HeaderNames.create("Access-Control-Allow-Origin"), "*");
    res.header(HeaderNames.create("Access-Control-Allow-Methods"), "GET, OPTIONS");
    res.header(
        HeaderNames.create("Access-Control-Allow-Headers"), "MCP-Protocol-Version, Authorization");
    res.header(HeaderNames.create("Access-Control-Max-Age"), "86400");
    res.send();
  }
}
