package io.mcpoperator.gateway.aggregate;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * One HTTP request to a tool or resource backend.
 *
 * @param uri the URL without query; path variables already percent-encoded
 * @param query query parameters, encoded when sent
 * @param jsonBody a JSON body (POST, PUT, PATCH tools)
 */
public record HttpCall(
    String method,
    URI uri,
    List<Pair> query,
    List<Pair> headers,
    Optional<String> jsonBody,
    Duration timeout) {

  public HttpCall {
    query = List.copyOf(query);
    headers = List.copyOf(headers);
  }

  /** A query parameter or a header. */
  public record Pair(String name, String value) {}
}
