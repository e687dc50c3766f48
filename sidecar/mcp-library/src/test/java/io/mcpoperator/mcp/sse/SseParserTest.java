package io.mcpoperator.mcp.sse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SseParserTest {

  private static List<SseEvent> parse(String text, SseParser[] out) throws IOException {
    var parser = new SseParser(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    if (out != null) {
      out[0] = parser;
    }
    List<SseEvent> events = new ArrayList<>();
    parser.forEach(events::add);
    return events;
  }

  @Test
  void parsesFieldsCommentsAndMultiLineData() throws IOException {
    var events =
        parse(
            ": hello\n\nid: 1\nevent: endpoint\ndata: /messages?x=1\n\n"
                + "data: {\"a\":\ndata:1}\r\nretry: 1500\r\n\r\n",
            null);
    assertThat(events)
        .containsExactly(
            new SseEvent(Optional.of("1"), "endpoint", "/messages?x=1", Optional.empty()),
            new SseEvent(Optional.empty(), "message", "{\"a\":\n1}", Optional.of(1500L)));
  }

  @Test
  void anEventWithoutDataIsNotDispatchedButItsIdCounts() throws IOException {
    SseParser[] parser = new SseParser[1];
    var events = parse("id: p1.0\ndata\n\nid: p1.1\n\n", parser);
    assertThat(events).hasSize(1);
    assertThat(events.getFirst().data()).isEmpty();
    assertThat(parser[0].lastEventId()).contains("p1.1");
  }

  @Test
  void anUnterminatedEventAtTheEndIsDropped() throws IOException {
    assertThat(parse("data: partial", null)).isEmpty();
    assertThat(parse("retry: soon\ndata: x\n\n", null).getFirst().retry()).isEmpty();
  }
}
