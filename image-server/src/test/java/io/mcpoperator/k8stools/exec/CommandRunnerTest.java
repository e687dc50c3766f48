package io.mcpoperator.k8stools.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mcpoperator.k8stools.FakeClis;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandRunnerTest {
  @TempDir Path tmp;
  private FakeClis fakes;
  private final CommandRunner runner = new CommandRunner();

  @BeforeEach
  void setUp() throws Exception {
    fakes = FakeClis.in(tmp);
  }

  @Test
  void passesArgumentsVerbatimWithoutAShell() throws Exception {
    ExecutionResult result = run(List.of("args", "a b", "$HOME", "*", "'q'"), List.of());
    assertThat(result.exitCode()).isZero();
    assertThat(result.stdout()).isEqualTo("[a b]\n[$HOME]\n[*]\n['q']\n");
  }

  @Test
  void reportsExitCodeAndStderrSeparately() throws Exception {
    ExecutionResult result = run(List.of("fail"), List.of());
    assertThat(result.exitCode()).isEqualTo(3);
    assertThat(result.stdout()).isEqualTo("partial output\n");
    assertThat(result.stderr()).isEqualTo("something broke\n");
    assertThat(result.timedOut()).isFalse();
  }

  @Test
  void pipesThroughFiltersWithoutAShell() throws Exception {
    ExecutionResult result =
        run(
            List.of("lines"),
            List.of(List.of("/usr/bin/sort", "-u"), List.of("/usr/bin/head", "-n", "2")));
    assertThat(result.exitCode()).isZero();
    assertThat(result.stdout()).isEqualTo("apple\nbanana\n");
  }

  @Test
  void aFilterThatStopsReadingEarlyIsNotAFailure() throws Exception {
    ExecutionResult result = run(List.of("flood"), List.of(List.of("/usr/bin/head", "-n", "1")));
    assertThat(result.exitCode()).isZero();
    assertThat(result.stdout()).isEqualTo("line 0 of a long output that goes on and on\n");
  }

  @Test
  void aFailingStageFailsThePipeline() throws Exception {
    ExecutionResult noMatch = run(List.of("lines"), List.of(List.of("/usr/bin/grep", "kiwi")));
    assertThat(noMatch.exitCode()).isEqualTo(1);
    ExecutionResult toolFailed = run(List.of("fail"), List.of(List.of("/usr/bin/wc", "-l")));
    assertThat(toolFailed.exitCode()).isEqualTo(3);
    assertThat(toolFailed.stdout().strip()).isEqualTo("1");
  }

  @Test
  void capsHugeOutputAndMarksIt() throws Exception {
    ExecutionResult result =
        runner.run(
            new ExecutionSpec(
                List.of(tmp.resolve("kubectl").toString(), "flood"),
                List.of(),
                Map.of(),
                tmp,
                Duration.ofSeconds(60),
                1000));
    assertThat(result.exitCode()).isZero();
    assertThat(result.stdout()).hasSize(1000).startsWith("line 0 ");
    assertThat(result.truncated()).isTrue();
  }

  @Test
  void passesTheEnvironment() throws Exception {
    ExecutionResult result =
        runner.run(
            new ExecutionSpec(
                List.of(tmp.resolve("kubectl").toString(), "env"),
                List.of(),
                Map.of("KUBECONFIG", "/nonexistent/kubeconfig"),
                tmp,
                Duration.ofSeconds(60),
                10_000));
    assertThat(result.stdout()).contains("KUBECONFIG=/nonexistent/kubeconfig", "PWD=" + tmp);
  }

  @Test
  void killsTheProcessTreeAtTheTimeout() throws Exception {
    ExecutionResult result =
        runner.run(
            new ExecutionSpec(
                List.of(tmp.resolve("kubectl").toString(), "hang"),
                List.of(),
                Map.of(),
                tmp,
                Duration.ofSeconds(2),
                10_000));
    assertThat(result.timedOut()).isTrue();
    assertThat(result.exitCode()).isEqualTo(-1);
    assertThat(result.stdout()).isEqualTo("started\n");
    long child = Long.parseLong(Files.readString(fakes.file("hang.child")).strip());
    assertThat(Processes.awaitGone(child))
        .as("background child %d of the timed-out CLI", child)
        .isTrue();
  }

  @Test
  void cancellationKillsTheProcessTree() throws Exception {
    var failure = new java.util.concurrent.atomic.AtomicReference<Throwable>();
    Thread caller =
        Thread.ofVirtual()
            .start(
                () -> {
                  try {
                    run(List.of("hang"), List.of());
                  } catch (Throwable t) {
                    failure.set(t);
                  }
                });
    Path childFile = fakes.file("hang.child");
    await()
        .atMost(java.time.Duration.ofSeconds(10))
        .until(() -> Files.exists(childFile) && Files.size(childFile) > 0);
    caller.interrupt();
    caller.join();
    assertThat(failure.get()).isInstanceOf(InterruptedException.class);
    long child = Long.parseLong(Files.readString(childFile).strip());
    assertThat(Processes.awaitGone(child)).isTrue();
  }

  private ExecutionResult run(List<String> args, List<List<String>> filters) throws Exception {
    List<String> argv = new java.util.ArrayList<>(List.of(tmp.resolve("kubectl").toString()));
    argv.addAll(args);
    return runner.run(
        new ExecutionSpec(argv, filters, Map.of(), tmp, Duration.ofSeconds(60), 100_000));
  }
}
