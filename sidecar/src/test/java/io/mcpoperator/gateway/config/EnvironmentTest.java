package io.mcpoperator.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EnvironmentTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      nullValues = "unset",
      value = {"unset, 200000", "0, 0", "50, 50000", "' 7 ', 7000"})
  void theSpinLimitComesFromTheSystemPropertyInMicroseconds(String property, long nanos) {
    var env =
        Environment.of(
            Map.of("A", "1"), name -> name.equals(Environment.SPIN_PROPERTY) ? property : null);

    assertThat(env.maxSpin()).isEqualTo(Duration.ofNanos(nanos));
    assertThat(env.variable("A")).contains("1");
    assertThat(env.variable("B")).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"-1", "fast", "1.5", ""})
  void aBadSpinLimitIsRefusedNamingTheProperty(String property) {
    assertThatThrownBy(() -> Environment.of(Map.of(), name -> property))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "-Dmcp.gateway.spinMicros must be a whole number of microseconds (0 turns spinning"
                + " off), got "
                + property);
  }
}
