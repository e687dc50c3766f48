package io.mcpoperator.k8stools.web;

import io.mcpoperator.mcp.transport.OriginPolicy;
import java.util.Locale;
import java.util.Optional;

/**
 * What a REST call must show before its body is read, so that a web page a user happens to open
 * cannot drive the CLIs through the user's browser: an allowed {@code Origin} (none at all means a
 * non-browser client, which passes; the rules are the gateway's, see {@link OriginPolicy}) and, for
 * a POST, {@code Content-Type: application/json} (a page's form can send only {@code text/plain},
 * {@code application/x-www-form-urlencoded} or {@code multipart/form-data} without a CORS
 * preflight).
 */
record RestGate(OriginPolicy origins) {
  private static final int SHOWN_CHARS = 100;

  /** Why a call is refused: the HTTP status and a message for the caller. */
  record Refusal(int status, String message) {}

  /** The refusal of a call, or empty when it may go on. */
  Optional<Refusal> check(boolean post, Optional<String> origin, Optional<String> contentType) {
    if (!origins.permits(origin)) {
      return Optional.of(
          new Refusal(
              403,
              "Origin '"
                  + shown(origin.orElse(""))
                  + "' is not allowed: browser requests need their origin in the server's"
                  + " --allowed-origins (K8S_TOOLS_ALLOWED_ORIGINS); clients that are not browsers"
                  + " send no Origin header"));
    }
    if (post && !isJson(contentType)) {
      return Optional.of(
          new Refusal(
              415,
              contentType
                  .map(t -> "Content-Type must be application/json, got '" + shown(t) + "'")
                  .orElse("Content-Type must be application/json; the request sent none")));
    }
    return Optional.empty();
  }

  private static boolean isJson(Optional<String> contentType) {
    return contentType
        .map(t -> t.split(";", 2)[0].strip().toLowerCase(Locale.ROOT))
        .filter("application/json"::equals)
        .isPresent();
  }

  private static String shown(String value) {
    String flat = value.replaceAll("\\p{Cntrl}", "?");
    return flat.length() <= SHOWN_CHARS ? flat : flat.substring(0, SHOWN_CHARS) + "...";
  }
}
