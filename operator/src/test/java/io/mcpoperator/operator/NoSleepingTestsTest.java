package io.mcpoperator.operator;

import io.mcpoperator.testsupport.NoSleepingTests;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** No test of this module sleeps to wait for a condition (test-support {@code NoSleepingTests}). */
class NoSleepingTestsTest {
  @Test
  void testsWaitWithADeadlineInsteadOfSleeping() {
    NoSleepingTests.check(
        "io.mcpoperator.operator",
        Map.of(
            "io.mcpoperator.operator.image.ImageConfigsIT",
            "lets time pass to show a cached answer is not refreshed from a registry that is gone",
            "io.mcpoperator.operator.mcpregistry.LoopbackRegistry",
            "answers slowly on purpose to play a slow registry; it waits for no condition",
            "io.mcpoperator.operator.reconcile.MissingCrdsIT",
            "lets discovery rounds pass to show the operator keeps serving without a CRD"));
  }
}
