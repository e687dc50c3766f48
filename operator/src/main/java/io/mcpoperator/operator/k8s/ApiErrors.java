package io.mcpoperator.operator.k8s;

import io.kubernetes.client.openapi.ApiException;

/** Classifies API failures: transient ones are retried with backoff. */
public final class ApiErrors {

  private ApiErrors() {}

  /** Conflicts, throttling, server errors and failures to reach the server at all. */
  public static boolean isTransient(ApiException e) {
    int code = e.getCode();
    return code == 0 || code == 409 || code == 429 || code >= 500;
  }

  /** A short description for status messages and logs. */
  public static String describe(ApiException e) {
    if (e.getCode() == 0) {
      return "API server unreachable: " + e.getMessage();
    }
    return "HTTP " + e.getCode() + " " + firstLine(e.getResponseBody());
  }

  private static String firstLine(String body) {
    if (body == null || body.isBlank()) {
      return "";
    }
    String line = body.strip().lines().findFirst().orElse("");
    return line.length() > 300 ? line.substring(0, 300) : line;
  }
}
