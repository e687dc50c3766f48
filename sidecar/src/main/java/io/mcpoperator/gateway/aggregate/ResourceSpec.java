package io.mcpoperator.gateway.aggregate;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** An aggregated MCPResource: inline content, or HTTP operations behind URI templates. */
public sealed interface ResourceSpec {
  String name();

  String description();

  /** Inline content: exactly one of {@code text} and {@code blob} (base64) is present. */
  record Inline(
      String name,
      String description,
      String uri,
      String mimeType,
      Optional<String> text,
      Optional<String> blob)
      implements ResourceSpec {}

  /** Resources read from an HTTP service, one URI template per operation. */
  record Http(
      String name, String description, List<Operation> operations, Optional<Duration> cacheTtl)
      implements ResourceSpec {}

  /**
   * One operation: {@code url} has {@code {variable}} placeholders for its path parameters.
   *
   * @param uriTemplate RFC 6570: level 1 path expressions and one {@code {?a,b}} query expression
   */
  record Operation(
      String description,
      String method,
      String uriTemplate,
      String url,
      String mimeType,
      List<Parameter> parameters) {}

  /** Where a parameter goes in the HTTP request. */
  enum In {
    PATH,
    QUERY,
    HEADER
  }

  /** A parameter of an operation; {@code variable} is its name in the URI template. */
  record Parameter(String name, In in, boolean required, String variable) {}
}
