package io.mcpoperator.mcp.transport;

import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.mcpoperator.mcp.McpProtocol;
import io.mcpoperator.mcp.jsonrpc.Json;
import io.mcpoperator.mcp.jsonrpc.JsonRpcMessage.Request;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The request metadata headers of the 2026-07-28 Streamable HTTP transport: {@code
 * MCP-Protocol-Version}, {@code Mcp-Method} and {@code Mcp-Name} mirror the body ({@code _meta}
 * protocol version, {@code method}, {@code params.name} or {@code params.uri}); a value that is not
 * plain header-safe ASCII travels as {@code =?base64?...?=}.
 */
public final class ModernHeaders {
  public static final HeaderName METHOD = HeaderNames.create("Mcp-Method");
  public static final HeaderName NAME = HeaderNames.create("Mcp-Name");
  private static final Set<String> NAMED_BY_NAME = Set.of("tools/call", "prompts/get");
  private static final Set<String> NAMED_BY_URI = Set.of("resources/read");
  private static final String PREFIX = "=?base64?";
  private static final String SUFFIX = "?=";

  private ModernHeaders() {}

  /** The {@code _meta} protocol version of a request, when it names a stateless revision. */
  public static Optional<String> statelessVersion(JsonObject params) {
    return Json.object(params, "_meta")
        .flatMap(m -> Json.string(m, McpProtocol.META_PROTOCOL_VERSION))
        .filter(McpProtocol::stateless);
  }

  /**
   * Hands the headers a client sends with a 2026-07-28 request to {@code header}: nothing when the
   * request's {@code _meta} does not name a stateless revision.
   */
  public static void mirror(Request request, BiConsumer<HeaderName, String> header) {
    Optional<String> version = statelessVersion(request.params());
    if (version.isEmpty()) {
      return;
    }
    header.accept(McpHeaders.PROTOCOL_VERSION, version.get());
    header.accept(METHOD, encode(request.method()));
    bodyName(request).ifPresent(name -> header.accept(NAME, encode(name)));
  }

  /** {@code params.name} or {@code params.uri}, for the methods whose Mcp-Name mirrors it. */
  public static Optional<String> bodyName(Request request) {
    if (NAMED_BY_NAME.contains(request.method())) {
      return Optional.of(Json.string(request.params(), "name").orElse(""));
    }
    if (NAMED_BY_URI.contains(request.method())) {
      return Optional.of(Json.string(request.params(), "uri").orElse(""));
    }
    return Optional.empty();
  }

  /**
   * A value as a header carries it: as is when it is visible ASCII (inner spaces allowed), else
   * (and when it looks like the sentinel form itself) Base64 of its UTF-8 in {@code =?base64?…?=}.
   */
  public static String encode(String value) {
    if (plain(value)) {
      return value;
    }
    return PREFIX
        + Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8))
        + SUFFIX;
  }

  /** A header value in the {@code =?base64?...?=} form decoded; any other value as is. */
  public static String decode(String value) {
    if (value.startsWith(PREFIX) && value.endsWith(SUFFIX) && value.length() >= 11) {
      try {
        byte[] bytes =
            Base64.getDecoder().decode(value.substring(PREFIX.length(), value.length() - 2));
        return new String(bytes, StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        return value;
      }
    }
    return value;
  }

  private static boolean plain(String value) {
    if (value.isEmpty()) {
      return true;
    }
    if (value.startsWith(PREFIX) && value.endsWith(SUFFIX)) {
      return false;
    }
    if (value.charAt(0) == ' ' || value.charAt(value.length() - 1) == ' ') {
      return false;
    }
    return value.chars().allMatch(c -> c >= 0x20 && c <= 0x7E);
  }
}
