package io.mcpoperator.mcp.sse;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Reads a {@code text/event-stream} body (WHATWG HTML "server-sent events" parsing rules): fields
 * {@code event}, {@code data} (several lines joined with {@code \n}), {@code id}, {@code retry};
 * comment lines start with a colon; an empty line dispatches the event; events without data are not
 * dispatched, except that their id still counts as the last event id.
 */
public final class SseParser {
  private final BufferedReader reader;
  private String lastEventId;

  public SseParser(InputStream in) {
    this.reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
  }

  /** The id of the last event seen, for {@code Last-Event-ID}. */
  public Optional<String> lastEventId() {
    return Optional.ofNullable(lastEventId);
  }

  /** Reads events until end of stream, handing each to {@code sink}. */
  public void forEach(Consumer<SseEvent> sink) throws IOException {
    Optional<SseEvent> event;
    while ((event = next()).isPresent()) {
      sink.accept(event.get());
    }
  }

  /** The next event with data; empty at end of stream. */
  public Optional<SseEvent> next() throws IOException {
    String id = null;
    String type = null;
    Long retry = null;
    StringBuilder data = null;
    String line;
    while ((line = reader.readLine()) != null) {
      if (line.isEmpty()) {
        if (id != null) {
          lastEventId = id;
        }
        if (data != null) {
          return Optional.of(
              new SseEvent(
                  Optional.ofNullable(id),
                  type == null ? "message" : type,
                  data.toString(),
                  Optional.ofNullable(retry)));
        }
        id = null;
        type = null;
        retry = null;
        continue;
      }
      if (line.startsWith(":")) {
        continue;
      }
      int colon = line.indexOf(':');
      String field = colon < 0 ? line : line.substring(0, colon);
      String value = colon < 0 ? "" : line.substring(colon + 1);
      if (value.startsWith(" ")) {
        value = value.substring(1);
      }
      switch (field) {
        case "data" ->
            data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
        case "event" -> type = value;
        case "id" -> id = value.contains("\0") ? id : value;
        case "retry" -> retry = digits(value) ? Long.valueOf(value) : retry;
        default -> {}
      }
    }
    return Optional.empty();
  }

  private static boolean digits(String value) {
    return !value.isEmpty() && value.length() < 18 && value.chars().allMatch(Character::isDigit);
  }
}
