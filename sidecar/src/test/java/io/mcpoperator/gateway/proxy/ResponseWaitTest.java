package io.mcpoperator.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.mcpoperator.gateway.config.Environment;
import io.mcpoperator.mcp.jsonrpc.Json;
import io.mcpoperator.mcp.jsonrpc.JsonRpcMessage.Response;
import io.mcpoperator.mcp.jsonrpc.JsonRpcMessage.Result;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ResponseWaitTest {
  private static final long MAX_SPIN = TimeUnit.MICROSECONDS.toNanos(200);
  private static final Response ANSWER =
      new Result(Json.string("gw-1"), JsonValue.EMPTY_JSON_OBJECT);

  private static CompletableFuture<Response> answeredLater(long millis) {
    return CompletableFuture.supplyAsync(
        () -> ANSWER, CompletableFuture.delayedExecutor(millis, TimeUnit.MILLISECONDS));
  }

  /**
   * Waits on another thread for an answer that is completed only once that thread spun (or after
   * 300 ms when it does not), so a loaded machine cannot make the answer arrive first.
   */
  private static Response awaitPending(ResponseWait wait) throws Exception {
    var answer = new CompletableFuture<Response>();
    long before = wait.spins();
    var got = new CompletableFuture<Response>();
    Thread waiter =
        Thread.ofPlatform()
            .start(
                () -> {
                  try {
                    got.complete(wait.await(answer, System.nanoTime()));
                  } catch (InterruptedException | ExecutionException e) {
                    got.completeExceptionally(e);
                  }
                });
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(300);
    while (wait.spins() == before && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    answer.complete(ANSWER);
    waiter.join();
    return got.get();
  }

  @Test
  void theOnlyRequestInFlightSpinsBeforeItParksAndGetsItsAnswer() throws Exception {
    var wait = new ResponseWait(MAX_SPIN, () -> 1);
    assertThat(awaitPending(wait)).isSameAs(ANSWER);
    assertThat(wait.spins()).isEqualTo(1);
  }

  @Test
  void doesNotSpinWhileOtherRequestsAreInFlight() throws Exception {
    var wait = new ResponseWait(MAX_SPIN, () -> 3);
    assertThat(wait.await(answeredLater(2), System.nanoTime())).isSameAs(ANSWER);
    assertThat(wait.spins()).isZero();
  }

  @Test
  void anAnswerAlreadyThereNeedsNoSpin() throws Exception {
    var wait = new ResponseWait(MAX_SPIN, () -> 1);
    assertThat(wait.await(CompletableFuture.completedFuture(ANSWER), System.nanoTime()))
        .isSameAs(ANSWER);
    assertThat(wait.spins()).isZero();
  }

  @Test
  void stopsSpinningForASlowUpstreamAndStartsAgainWhenItIsFastAgain() throws Exception {
    var wait = new ResponseWait(MAX_SPIN, () -> 1);
    // answers that take milliseconds push the average far above the spin limit
    for (int i = 0; i < 20; i++) {
      wait.await(CompletableFuture.completedFuture(ANSWER), System.nanoTime() - 5_000_000);
    }
    assertThat(wait.typicalNanos()).isGreaterThan(MAX_SPIN);
    long before = wait.spins();
    wait.await(answeredLater(2), System.nanoTime());
    assertThat(wait.spins()).isEqualTo(before);
    // fast answers bring it back under the limit
    for (int i = 0; i < 60; i++) {
      wait.await(CompletableFuture.completedFuture(ANSWER), System.nanoTime());
    }
    assertThat(wait.typicalNanos()).isLessThan(MAX_SPIN);
    awaitPending(wait);
    assertThat(wait.spins()).isEqualTo(before + 1);
  }

  @Test
  void spinsOnlyWithMoreThanOneProcessor() throws Exception {
    var wait = ResponseWait.forThisMachine(Environment.DEFAULT_MAX_SPIN, () -> 1);
    awaitPending(wait);
    assertThat(wait.spins()).isEqualTo(Runtime.getRuntime().availableProcessors() > 1 ? 1 : 0);
  }

  @Test
  void zeroTurnsSpinningOff() throws Exception {
    var wait = new ResponseWait(0, () -> 1);
    assertThat(wait.await(answeredLater(2), System.nanoTime())).isSameAs(ANSWER);
    assertThat(wait.spins()).isZero();
  }

  @Test
  void onlyOneThreadSpinsAtATime() throws Exception {
    // a spin limit far longer than the test: the first waiter is still spinning when the second
    // comes, so the second must park at once (without the single-spinner guard it spins too)
    var wait = new ResponseWait(TimeUnit.SECONDS.toNanos(30), () -> 1);
    var first = new CompletableFuture<Response>();
    var second = new CompletableFuture<Response>();
    var t1 = Thread.ofPlatform().start(() -> awaitQuietly(wait, first));
    await().atMost(Duration.ofSeconds(5)).until(() -> wait.spins() == 1);
    var t2 = Thread.ofPlatform().start(() -> awaitQuietly(wait, second));
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> t2.getState() == Thread.State.WAITING || wait.spins() > 1);
    assertThat(wait.spins()).as("waits that spun while another was spinning").isEqualTo(1);
    assertThat(t1.getState())
        .as("the first waiter is still spinning")
        .isEqualTo(Thread.State.RUNNABLE);
    first.complete(ANSWER);
    second.complete(ANSWER);
    t1.join();
    t2.join();
  }

  @Test
  void aFailedAnswerAndAnInterruptReachTheCaller() {
    var wait = new ResponseWait(MAX_SPIN, () -> 1);
    assertThatThrownBy(
            () ->
                wait.await(
                    CompletableFuture.failedFuture(new IOException("gone")), System.nanoTime()))
        .isInstanceOf(ExecutionException.class)
        .hasRootCauseMessage("gone");
    Thread.currentThread().interrupt();
    assertThatThrownBy(() -> wait.await(new CompletableFuture<>(), System.nanoTime()))
        .isInstanceOf(InterruptedException.class);
  }

  private static void awaitQuietly(ResponseWait wait, CompletableFuture<Response> answer) {
    try {
      wait.await(answer, System.nanoTime());
    } catch (InterruptedException | ExecutionException e) {
      throw new IllegalStateException(e);
    }
  }
}
