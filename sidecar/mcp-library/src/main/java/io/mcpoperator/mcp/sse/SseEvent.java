package io.mcpoperator.mcp.sse;

import java.util.Optional;

/**
 * One server-sent event.
 *
 * @param id the {@code id} field, if the event had one
 * @param event the event type ({@code message} when absent)
 * @param data the data lines joined with {@code \n}
 * @param retry the reconnection time in milliseconds, if given
 */
public record SseEvent(Optional<String> id, String event, String data, Optional<Long> retry) {}
