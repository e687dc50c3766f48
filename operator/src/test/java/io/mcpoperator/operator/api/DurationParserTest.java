package io.mcpoperator.operator.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationParserTest {
  @ParameterizedTest
  @CsvSource({
    "30s, 30000",
    "1m30s, 90000",
    "500ms, 500",
    "2h, 7200000",
    "1.5s, 1500",
    "1h0m1s, 3601000"
  })
  void parsesKubernetesDurations(String text, long millis) {
    assertThat(DurationParser.parse(text)).contains(Duration.ofMillis(millis));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "30", "s", "1d", "-5s", "5 s", "99999999999999h"})
  void rejectsOtherText(String text) {
    assertThat(DurationParser.parse(text)).isEmpty();
  }
}
