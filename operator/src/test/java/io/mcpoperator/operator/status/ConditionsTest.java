package io.mcpoperator.operator.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcpoperator.operator.api.Condition;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConditionsTest {
  static final OffsetDateTime NOW = OffsetDateTime.parse("2025-06-01T08:00:00Z");

  @ParameterizedTest
  @CsvSource({
    "ApplyFailed, ApplyFailed",
    "'Conflict: 409', Conflict409",
    "'', Unknown",
    "'409', Unknown",
    "too-many-requests, toomanyrequests"
  })
  void reasonsAreMadeAcceptableToTheApi(String given, String written) {
    List<Condition> conditions =
        new Conditions(List.of(), 1, NOW).set("Reconciled", false, given, "m").list();

    assertThat(conditions.getFirst().reason()).isEqualTo(written);
  }

  @Test
  void overlongMessagesAreCutToTheCrdLimit() {
    String message = "x".repeat(40_000);

    Condition condition =
        new Conditions(List.of(), 1, NOW).set("Ready", false, "R", message).list().getFirst();

    assertThat(condition.message()).hasSize(Conditions.MAX_MESSAGE).endsWith("(truncated)");
  }

  @Test
  void nullReasonAndMessageAreFilledIn() {
    Condition condition =
        new Conditions(List.of(), 1, NOW).set("Ready", true, null, null).list().getFirst();

    assertThat(condition.reason()).isEqualTo("Unknown");
    assertThat(condition.message()).isEmpty();
  }
}
