package io.mcpoperator.gateway.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import io.mcpoperator.gateway.Main;
import io.mcpoperator.gateway.testing.FileConfiguredGateway;
import io.mcpoperator.mcp.jsonrpc.Json;
import io.mcpoperator.mcp.testing.RawClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * A mutation fuzz of the packaged gateway's {@code /mcp} (in this JVM, started from a config file
 * as the operator starts it, stdio upstream): {@code -Dfuzz.inputs} hostile bodies (2,000 in the
 * build; {@code hack/bench/fuzz.sh} sends 200,000 of the same {@link Mutator} to the packaged
 * launcher, with its own fast driver) from 4 clients, with valid, missing and forged session ids
 * and headers. No answer may be a 5xx (a 503 must carry Retry-After: a limit), none may hang,
 * nothing may be logged as ERROR with a stack trace, and afterwards the gateway still serves.
 * Status counts and the live heap at three points go to target/hostile-fuzz.txt.
 */
class HostileInputFuzzIT {

  static final int INPUTS = Integer.getInteger("fuzz.inputs", 2_000);
  static final long SEED = Long.getLong("fuzz.seed", 20261207L);
  static final int WORKERS = 4;

  @Test
  void hostileBodiesGetClientErrorsAndTheGatewayKeepsServing(@TempDir Path dir) throws Exception {
    List<String> errors = new CopyOnWriteArrayList<>();
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    AppenderBase<ILoggingEvent> watch =
        new AppenderBase<>() {
          @Override
          protected void append(ILoggingEvent event) {
            if (event.getLevel().isGreaterOrEqual(Level.ERROR)
                || event.getThrowableProxy() != null) {
              errors.add(
                  event.getLevel()
                      + " "
                      + event.getLoggerName()
                      + ": "
                      + event.getFormattedMessage());
            }
          }
        };
    watch.start();
    root.addAppender(watch);
    try (Main.Running running =
        FileConfiguredGateway.start(
            dir,
            Json.object()
                .add("requestTimeoutMs", 10_000)
                .add("maxConcurrentRequests", 1_000)
                .build())) {
      String base = "http://127.0.0.1:" + running.gateway().port();
      RawClient raw = new RawClient(base);
      String session = raw.initialize("2025-06-18");
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
      List<String> faults = new CopyOnWriteArrayList<>();
      List<String> heap = new ArrayList<>();
      AtomicLong done = new AtomicLong();
      long started = System.nanoTime();

      try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
        for (int w = 0; w < WORKERS; w++) {
          int worker = w;
          pool.submit(
              () -> {
                Mutator mutator = new Mutator(SEED + worker);
                Random choice = new Random(SEED * 31 + worker);
                for (int i = worker; i < INPUTS; i += WORKERS) {
                  byte[] body = mutator.next();
                  HttpRequest request = request(base, body, session, choice);
                  try {
                    HttpResponse<String> response =
                        http.send(request, HttpResponse.BodyHandlers.ofString());
                    int status = response.statusCode();
                    statuses.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
                    boolean limit =
                        status == 503 && response.headers().firstValue("Retry-After").isPresent();
                    if (status >= 500 && !limit && faults.size() < 20) {
                      faults.add(
                          status
                              + " for "
                              + preview(body)
                              + ": "
                              + preview(response.body().getBytes()));
                    }
                  } catch (HttpTimeoutException hang) {
                    faults.add("no answer within 40 s for " + preview(body));
                  } catch (java.io.IOException closed) {
                    statuses.computeIfAbsent(-1, s -> new AtomicLong()).incrementAndGet();
                  }
                  done.incrementAndGet();
                }
                return null;
              });
        }
        for (double mark : new double[] {0.1, 0.5}) {
          await()
              .atMost(java.time.Duration.ofMinutes(5))
              .pollInterval(java.time.Duration.ofMillis(20))
              .until(() -> done.get() >= INPUTS * mark);
          heap.add("%.0f%%: %d MiB".formatted(mark * 100, liveHeapMiB()));
        }
      }
      heap.add("100%: " + liveHeapMiB() + " MiB");
      double seconds = (System.nanoTime() - started) / 1e9;

      Files.writeString(
          Path.of("target/hostile-fuzz.txt"),
          "inputs %d, seed %d, %d workers, %.1f s (%.0f/s)%nstatuses (-1 = connection closed by the gateway): %s%nlive heap after GC: %s%nfaults: %s%nERROR/stack-trace log events: %d%n"
              .formatted(
                  INPUTS,
                  SEED,
                  WORKERS,
                  seconds,
                  INPUTS / seconds,
                  new TreeMap<>(statuses),
                  heap,
                  faults,
                  errors.size()));
      assertThat(faults).as("5xx answers (other than limits) and hangs").isEmpty();
      assertThat(errors).as("ERROR log lines or stack traces").isEmpty();
      assertThat(statuses.keySet()).as("hostile bodies got client errors").contains(400);
      assertThat(raw.send("GET", "/observe/health/live", Map.of(), null).statusCode())
          .isEqualTo(200);
      HttpResponse<String> echo =
          raw.post(Map.of("Mcp-Session-Id", session), RawClient.call(99, "echo"));
      assertThat(echo.statusCode()).isEqualTo(200);
      assertThat(echo.body()).contains("\"t\"");
    } finally {
      root.detachAppender(watch);
    }
  }

  private static HttpRequest request(String base, byte[] body, String session, Random choice) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(base + "/mcp"))
            .timeout(Duration.ofSeconds(40))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    int pick = choice.nextInt(20);
    builder.header("Content-Type", pick == 0 ? "text/plain" : "application/json");
    builder.header("Accept", pick == 1 ? "text/html" : RawClient.ACCEPT_BOTH);
    if (pick < 16) {
      builder.header("Mcp-Session-Id", session);
    } else if (pick == 16) {
      builder.header("Mcp-Session-Id", "forged-" + choice.nextInt());
    }
    if (pick == 17) {
      builder.header("MCP-Protocol-Version", "1999-01-01");
    }
    return builder.build();
  }

  private static long liveHeapMiB() {
    System.gc();
    Runtime runtime = Runtime.getRuntime();
    return (runtime.totalMemory() - runtime.freeMemory()) >> 20;
  }

  private static String preview(byte[] bytes) {
    String text =
        new String(bytes, 0, Math.min(bytes.length, 120), java.nio.charset.StandardCharsets.UTF_8);
    return text.replace('\n', ' ') + (bytes.length > 120 ? "… (" + bytes.length + " bytes)" : "");
  }
}
