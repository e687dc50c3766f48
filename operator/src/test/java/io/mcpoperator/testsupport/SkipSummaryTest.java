package io.mcpoperator.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/** Runs small test classes through a JUnit launcher and reads what SkipSummary prints. */
class SkipSummaryTest {

  @Test
  void printsOneLinePerReasonWithTheNumberOfTestsSkipped() {
    String printed = run(Skipping.class);

    assertThat(printed)
        .startsWith("Skipped tests, by reason:\n")
        .contains("  SKIPPED 2 tests: MCP_TEST_REDIS_URL is not set: skipping Redis tests\n")
        .contains("  SKIPPED 3 tests: docker-registry is not installed\n")
        .contains("  SKIPPED 1 test: needs a cluster\n")
        .doesNotContain("Assumption failed");
  }

  @Test
  void printsNothingWhenNothingSkipped() {
    assertThat(run(Passing.class)).isEmpty();
  }

  private static String run(Class<?> tests) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    SkipSummary summary = new SkipSummary(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    LauncherFactory.create(
            LauncherConfig.builder()
                .enableTestExecutionListenerAutoRegistration(false)
                .addTestExecutionListeners(summary)
                .build())
        .execute(
            LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(tests))
                .configurationParameter("junit.jupiter.conditions.deactivate", "")
                .build());
    return bytes.toString(StandardCharsets.UTF_8);
  }

  /**
   * A fixture, not a test of its own: SkipSummaryTest runs it through the JUnit launcher (surefire
   * does not pick up static nested classes), so its assumptions and its {@code @Disabled} are the
   * skips whose summary is checked.
   */
  static class Skipping {
    @Test
    void redisOne() {
      assumeTrue(false, "MCP_TEST_REDIS_URL is not set: skipping Redis tests");
    }

    @Test
    void redisTwo() {
      assumeTrue(false, "MCP_TEST_REDIS_URL is not set: skipping Redis tests");
    }

    @Test
    @Disabled("needs a cluster")
    void cluster() {}

    @Test
    void runs() {}

    @Nested
    class Registry {
      @BeforeAll
      static void registry() {
        assumeTrue(false, "docker-registry is not installed");
      }

      @Test
      void one() {}

      @Test
      void two() {}

      @Test
      void three() {}
    }
  }

  static class Passing {
    @Test
    void runs() {}
  }
}
