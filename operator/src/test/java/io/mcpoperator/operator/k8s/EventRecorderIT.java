package io.mcpoperator.operator.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.CoreV1Event;
import io.mcpoperator.operator.api.ResourceMeta;
import io.mcpoperator.operator.testing.InJvmApiServer;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The same Event is recorded once in its window; a different one is not held back. */
class EventRecorderIT {
  private static ResourceMeta server(String uid) {
    return new ResourceMeta(
        "team-a",
        "assistant",
        uid,
        1,
        "1",
        Map.of(),
        Optional.empty(),
        List.of(),
        Optional.empty());
  }

  @Test
  void aRepeatedEventIsRecordedOnce() throws Exception {
    try (InJvmApiServer api = InJvmApiServer.start()) {
      EventRecorder events = new EventRecorder(api.client(), "operator-1", Clock.systemUTC());
      events.warning(server("u-1"), "AggregationUnavailable", "CRD x is not installed");
      events.warning(server("u-1"), "AggregationUnavailable", "CRD x is not installed");
      events.warning(server("u-1"), "AggregationUnavailable", "CRD y is not installed");
      events.warning(server("u-2"), "AggregationUnavailable", "CRD x is not installed");
      events.normal(server("u-1"), "AggregationUnavailable", "CRD x is not installed");

      List<String> recorded =
          new CoreV1Api(api.client())
              .listNamespacedEvent("team-a").execute().getItems().stream()
                  .map(
                      (CoreV1Event e) ->
                          e.getInvolvedObject().getUid() + " " + e.getType() + " " + e.getMessage())
                  .sorted()
                  .toList();
      assertThat(recorded)
          .containsExactly(
              "u-1 Normal CRD x is not installed",
              "u-1 Warning CRD x is not installed",
              "u-1 Warning CRD y is not installed",
              "u-2 Warning CRD x is not installed");
    }
  }
}
