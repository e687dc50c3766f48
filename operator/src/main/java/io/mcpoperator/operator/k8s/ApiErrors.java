package io.mcpoperator.operator.k8s;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import io.kubernetes.client.openapi.ApiException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Classifies API failures: transient ones are retried with backoff. */
public final class ApiErrors {

  private ApiErrors() {}

  /** Conflicts, throttling, server errors and failures to reach the server at all. */
  public static boolean isTransient(ApiException e) {
    int code = e.getCode();
    return code == 0 || code == 409 || code == 429 || code >= 500;
  }

  private static final Pattern STATUS_MESSAGE = Pattern.compile("(?m)^\\s*message: (.+)$");

  /**
   * A short description for status messages and logs, in one line: the HTTP status and the API
   * server's message (from the Status body, or from the V1Status that client-java's generic API
   * puts in the exception's message instead of the body), e.g. {@code HTTP 500 Internal error
   * occurred: failed to allocate a serviceIP for Service "web": range is full}.
   */
  public static String describe(ApiException e) {
    if (e.getCode() == 0) {
      return "API server unreachable: " + oneLine(String.valueOf(e.getMessage()));
    }
    return ("HTTP " + e.getCode() + " " + message(e)).strip();
  }

  private static String message(ApiException e) {
    String body = e.getResponseBody();
    if (body != null && !body.isBlank()) {
      try {
        JsonElement parsed = JsonParser.parseString(body);
        if (parsed.isJsonObject()
            && parsed.getAsJsonObject().get("message") instanceof JsonPrimitive message) {
          return oneLine(message.getAsString());
        }
      } catch (RuntimeException notJson) {
        // the body as it is
      }
      return oneLine(body);
    }
    Matcher status = STATUS_MESSAGE.matcher(String.valueOf(e.getMessage()));
    return status.find() && !"null".equals(status.group(1).strip()) ? oneLine(status.group(1)) : "";
  }

  private static String oneLine(String text) {
    String line = text.strip().lines().findFirst().orElse("");
    return line.length() > 300 ? line.substring(0, 300) + "..." : line;
  }
}
