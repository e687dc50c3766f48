package io.mcpoperator.mcp;

import io.mcpoperator.testsupport.NoSleepingTests;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** No test of this module sleeps to wait for a condition (test-support {@code NoSleepingTests}). */
class NoSleepingTestsTest {
  @Test
  void testsWaitWithADeadlineInsteadOfSleeping() {
    NoSleepingTests.check("io.mcpoperator.mcp", Map.of());
  }
}
