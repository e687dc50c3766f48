package io.mcpoperator.operator.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class McpServerStatusTest {
  static final McpServerStatus STATUS =
      new McpServerStatus(
          Phase.RUNNING,
          2,
          2,
          1,
          5L,
          "app.kubernetes.io/instance=fs",
          "http://fs.ns.svc.cluster.local:8080/mcp",
          0,
          0,
          0,
          "all 2 of 2 replicas ready",
          List.of(
              new Condition(
                  "Ready",
                  "True",
                  5,
                  OffsetDateTime.parse("2025-01-02T03:04:05.678+02:00"),
                  "AllReplicasReady",
                  "ok")));

  @Test
  void jsonRoundTripIsEqual() {
    JsonObject json = STATUS.toJson();

    assertThat(McpServerStatus.fromJson(JsonParser.parseString(json.toString()).getAsJsonObject()))
        .isEqualTo(STATUS);
  }

  @Test
  void messagesRoundTripExactly() {
    McpServerStatus status =
        new McpServerStatus(
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            " padded \n",
            List.of(new Condition("Reconciled", "False", 1, null, "ApplyFailed", "")));

    assertThat(McpServerStatus.fromJson(status.toJson())).isEqualTo(status);
  }

  @Test
  void timesAreWrittenAsKubernetesDoesInUtcSeconds() {
    JsonObject condition = STATUS.toJson().getAsJsonArray("conditions").get(0).getAsJsonObject();

    assertThat(condition.get("lastTransitionTime").getAsString()).isEqualTo("2025-01-02T01:04:05Z");
    assertThat(condition.get("observedGeneration").getAsLong()).isEqualTo(5);
  }

  @Test
  void absentFieldsAreLeftOut() {
    JsonObject json =
        new McpServerStatus(null, null, null, null, null, null, null, null, null, null, null, null)
            .toJson();

    assertThat(json.keySet()).containsExactly("conditions");
    assertThat(McpServerStatus.fromJson(json).conditions()).isEmpty();
  }

  @Test
  void aPhaseThatIsNoPhaseWordReadsAsAbsent() {
    JsonObject json = JsonParser.parseString("{\"phase\": \"running\"}").getAsJsonObject();

    assertThat(McpServerStatus.fromJson(json).phase()).isNull();
    assertThat(STATUS.toJson().get("phase").getAsString()).isEqualTo("Running");
  }

  @Test
  void mistypedFieldIsRejected() {
    JsonObject json = JsonParser.parseString("{\"readyReplicas\": \"two\"}").getAsJsonObject();

    assertThatThrownBy(() -> McpServerStatus.fromJson(json))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("status.readyReplicas");
  }
}
