package io.mcpoperator.gateway;

import io.mcpoperator.testsupport.NoSleepingTests;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** No test of this module sleeps to wait for a condition (test-support {@code NoSleepingTests}). */
class NoSleepingTestsTest {
  @Test
  void testsWaitWithADeadlineInsteadOfSleeping() {
    NoSleepingTests.check(
        "io.mcpoperator.gateway",
        Map.of(
            "io.mcpoperator.gateway.limits.ConnectionLimitsIT",
            "plays slow clients (a byte every 200 ms, a head held open) and lets deadlines pass",
            "io.mcpoperator.gateway.upstream.StreamResumptionIT",
            "plays an upstream that keeps a resumed stream open with keep-alives",
            "io.mcpoperator.gateway.aggregate.ToolBackendServer",
            "plays a slow HTTP tool",
            "io.mcpoperator.gateway.session.RedisRegistryIT",
            "uses a session over time against a 2 s TTL (each use must refresh it)",
            "io.mcpoperator.gateway.testing.FakeUpstream",
            "plays an upstream whose gate tool waits for a file the test writes",
            "io.mcpoperator.gateway.testing.StatelessFixture",
            "plays an upstream that streams keep-alives before a slow answer"));
  }
}
