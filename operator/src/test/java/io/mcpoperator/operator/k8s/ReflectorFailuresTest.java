package io.mcpoperator.operator.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.kubernetes.client.openapi.ApiException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class ReflectorFailuresTest {
  private static final String NOT_FOUND =
      "{\"kind\":\"Status\",\"message\":\"the server could not find the requested resource\"}";

  private final ListAppender<ILoggingEvent> log = new ListAppender<>();
  private final Logger logger = (Logger) LoggerFactory.getLogger(ReflectorFailures.class);
  private final ReflectorFailures failures =
      new ReflectorFailures(ResourceType.MCP_TOOL, Optional.of("team-a"));

  @BeforeEach
  void capture() {
    log.start();
    logger.addAppender(log);
  }

  @AfterEach
  void release() {
    logger.detachAppender(log);
  }

  @Test
  void aRepeatedCauseIsLoggedOnceInOneLineWithoutAStackTrace() {
    for (int i = 0; i < 50; i++) {
      failures.listFailed(new ApiException(404, Map.of(), NOT_FOUND));
    }
    assertThat(log.list).hasSize(1);
    ILoggingEvent warning = log.list.get(0);
    assertThat(warning.getLevel()).isEqualTo(Level.WARN);
    assertThat(warning.getThrowableProxy()).isNull();
    assertThat(warning.getFormattedMessage())
        .contains("kind=MCPTool namespace=team-a stage=list")
        .contains("HTTP 404 the server could not find the requested resource")
        .doesNotContain("\n");
  }

  @Test
  void aNewCauseIsLoggedAndRecoveryIsLoggedAtInfo() {
    failures.listFailed(new ApiException(404, Map.of(), NOT_FOUND));
    failures.listFailed(new ApiException(new ConnectException("Connection refused")));
    failures.listFailed(new ApiException(new ConnectException("Connection refused")));
    failures.listed();
    failures.listed();

    assertThat(log.list)
        .extracting(ILoggingEvent::getLevel)
        .containsExactly(Level.WARN, Level.WARN, Level.INFO);
    assertThat(log.list.get(1).getFormattedMessage()).contains("API server unreachable");
    assertThat(log.list.get(2).getFormattedMessage()).contains("recovered").contains("3 failed");
    assertThat(failures.backoff()).isEqualTo(Duration.ZERO);
  }

  @Test
  void watchFailuresAreReportedThroughTheExceptionHandlerAndClearedByAnEvent() {
    failures.accept(null, new RuntimeException("stream reset"));
    failures.accept(null, new RuntimeException("stream reset"));
    failures.watched();

    assertThat(log.list)
        .extracting(ILoggingEvent::getFormattedMessage)
        .satisfiesExactly(
            m -> assertThat(m).contains("stage=watch").contains("RuntimeException: stream reset"),
            m -> assertThat(m).contains("recovered").contains("after 2 failed attempts"));
  }

  @Test
  void aFailureTheListAlreadyRecordedIsNotCountedTwice() {
    ApiException failure = new ApiException(500, Map.of(), "boom");
    failures.listFailed(failure);
    failures.accept(null, failure);
    assertThat(failures.backoff()).isBetween(Duration.ofMillis(500), Duration.ofSeconds(1));
    assertThat(log.list).hasSize(1);
  }

  @Test
  void backoffDoublesFromOneSecondUpToAMinuteWithJitter() {
    double[] random = {0.0};
    ReflectorFailures jittered =
        new ReflectorFailures(ResourceType.MCP_TOOL, Optional.empty(), () -> random[0]);
    List<Long> shortest = new java.util.ArrayList<>();
    List<Long> middle = new java.util.ArrayList<>();
    for (int i = 0; i < 9; i++) {
      jittered.listFailed(new ApiException(503, Map.of(), ""));
      random[0] = 0.0;
      shortest.add(jittered.backoff().toMillis());
      random[0] = 0.5;
      middle.add(jittered.backoff().toMillis());
    }
    assertThat(shortest)
        .containsExactly(500L, 1_000L, 2_000L, 4_000L, 8_000L, 16_000L, 30_000L, 30_000L, 30_000L);
    assertThat(middle)
        .containsExactly(750L, 1_500L, 3_000L, 6_000L, 12_000L, 24_000L, 45_000L, 45_000L, 45_000L);
  }

  @Test
  void aStoppedInformerLogsNothing() {
    failures.close();
    failures.listFailed(new ApiException(404, Map.of(), NOT_FOUND));
    assertThat(log.list).isEmpty();
  }
}
