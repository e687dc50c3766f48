package io.mcpoperator.testsupport;

import java.io.PrintStream;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Prints, when a test run ends, one line per reason tests were skipped (an assumption that failed,
 * a disabled condition): how many tests, and the reason, which names the variable to set or the
 * tool to install. Registered for every module through {@code META-INF/services}, so a build
 * without Redis, Node or a registry says what it did not test instead of passing quietly.
 */
public final class SkipSummary implements TestExecutionListener {
  private static final String ASSUMPTION_PREFIX = "Assumption failed: ";

  private final PrintStream out;
  private final Map<String, Integer> skipped = new TreeMap<>();
  private TestPlan plan;

  /** Prints to standard output, which the build shows. */
  public SkipSummary() {
    this(System.out);
  }

  /** Prints to {@code out}. */
  public SkipSummary(PrintStream out) {
    this.out = out;
  }

  @Override
  public void testPlanExecutionStarted(TestPlan testPlan) {
    plan = testPlan;
    skipped.clear();
  }

  @Override
  public void executionSkipped(TestIdentifier id, String reason) {
    count(id, reason);
  }

  @Override
  public void executionFinished(TestIdentifier id, TestExecutionResult result) {
    if (result.getStatus() == TestExecutionResult.Status.ABORTED) {
      count(id, result.getThrowable().map(Throwable::getMessage).orElse("aborted"));
    }
  }

  @Override
  public void testPlanExecutionFinished(TestPlan testPlan) {
    if (skipped.isEmpty()) {
      return;
    }
    StringBuilder text = new StringBuilder("Skipped tests, by reason:\n");
    skipped.forEach(
        (reason, count) ->
            text.append("  SKIPPED ")
                .append(count)
                .append(count == 1 ? " test: " : " tests: ")
                .append(reason)
                .append('\n'));
    out.print(text);
    out.flush();
  }

  /** The lines printed so far would hold {@code reason} with {@code count} tests. */
  Map<String, Integer> skipped() {
    return Map.copyOf(skipped);
  }

  private void count(TestIdentifier id, String reason) {
    long tests =
        id.isTest()
            ? 1
            : Optional.ofNullable(plan)
                .map(p -> p.getDescendants(id).stream().filter(TestIdentifier::isTest).count())
                .orElse(0L);
    if (tests == 0) {
      tests = 1;
    }
    skipped.merge(clean(reason), (int) tests, Integer::sum);
  }

  private static String clean(String reason) {
    String text = reason == null || reason.isBlank() ? "no reason given" : reason.strip();
    if (text.startsWith(ASSUMPTION_PREFIX)) {
      text = text.substring(ASSUMPTION_PREFIX.length());
    }
    return text.replaceAll("\\s*\\R\\s*", " ");
  }
}
