package io.mcpoperator.mcp.session;

/**
 * One server-sent event of a session, as recorded for resumption.
 *
 * @param id the SSE event id, unique within the session ({@code <streamId>.<sequence>})
 * @param streamId the logical stream the event belongs to
 * @param data the JSON-RPC message text
 * @param last true when the event ends its stream (the final response of a POST stream)
 */
public record StoredEvent(String id, String streamId, String data, boolean last) {

  /** The stream id encoded in an event id, if it has the {@code <streamId>.<sequence>} form. */
  public static java.util.Optional<String> streamOf(String eventId) {
    int dot = eventId.lastIndexOf('.');
    return dot > 0 ? java.util.Optional.of(eventId.substring(0, dot)) : java.util.Optional.empty();
  }
}
