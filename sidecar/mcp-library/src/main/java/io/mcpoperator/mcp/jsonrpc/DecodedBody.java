package io.mcpoperator.mcp.jsonrpc;

import java.util.List;

/**
 * What a request body held: one message or a batch. Each entry is either a valid message or the
 * error response owed for an invalid one, so a batch with one bad element still serves the others.
 */
public record DecodedBody(boolean batch, List<Entry> entries) {

  public DecodedBody {
    entries = List.copyOf(entries);
  }

  /** One element of the body. */
  public sealed interface Entry {}

  /** A well-formed message. */
  public record Valid(JsonRpcMessage message) implements Entry {}

  /** A malformed element and the error response it earns. */
  public record Invalid(JsonRpcMessage.Failure response) implements Entry {}

  /** True when the whole body failed to parse as JSON. */
  public boolean parseError() {
    return entries.size() == 1
        && entries.getFirst() instanceof Invalid(var failure)
        && failure.error().code() == JsonRpcError.PARSE_ERROR;
  }
}
