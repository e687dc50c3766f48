package io.mcpoperator.mcp.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class McpHeadersAcceptTest {

  @ParameterizedTest(name = "[{0}] admits {1}: {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "application/json, text/event-stream | text/event-stream | true",
        "application/json, text/event-stream | application/json | true",
        "application/json | text/event-stream | false",
        "TEXT/Event-Stream | text/event-stream | true",
        "text/* | text/event-stream | true",
        "text/*;q=0.5 | text/event-stream | true",
        "application/* | text/event-stream | false",
        "*/* | application/json | true",
        "  application/json ;charset=utf-8 ,text/html | application/json | true",
        "application/jsonx | application/json | false",
        "application/js | application/json | false",
        "text/event-stream-x | text/event-stream | false",
        "te/* | text/event-stream | false",
        "'' | application/json | false",
        ", , | application/json | false",
        "application/json;q=1,text/event-stream;q=0.9 | text/event-stream | true",
      })
  void readsTheMediaRangesOfTheAcceptField(String accept, String type, boolean admitted) {
    assertThat(McpHeaders.accepts(List.of(accept), type)).isEqualTo(admitted);
  }

  @ParameterizedTest
  @CsvSource({"text/event-stream, true", "application/json, true", "text/html, false"})
  void repeatedFieldsCountTogether(String type, boolean admitted) {
    assertThat(McpHeaders.accepts(List.of("application/json", "text/event-stream"), type))
        .isEqualTo(admitted);
  }
}
