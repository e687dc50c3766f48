package io.mcpoperator.operator.mcpregistry;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** When a registry syncs next, and the status a sync leaves. */
class SyncScheduleTest {
  private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");

  private static JsonObject status(String json) {
    return JsonParser.parseString(json).getAsJsonObject();
  }

  @Test
  void syncsNowWithoutStatusAfterASpecChangeOrANewRequest() {
    JsonObject synced =
        status(
            "{\"observedGeneration\":2,\"lastAttemptTime\":\"2026-01-01T11:50:00Z\","
                + "\"consecutiveFailures\":0,\"syncRequested\":\"a\"}");

    assertThat(SyncSchedule.wait(null, 1, Optional.empty(), Duration.ofHours(1), NOW))
        .contains(Duration.ZERO);
    assertThat(SyncSchedule.wait(synced, 3, Optional.of("a"), Duration.ofHours(1), NOW))
        .contains(Duration.ZERO);
    assertThat(SyncSchedule.wait(synced, 2, Optional.of("b"), Duration.ofHours(1), NOW))
        .contains(Duration.ZERO);
    assertThat(SyncSchedule.wait(synced, 2, Optional.of("a"), Duration.ofHours(1), NOW))
        .contains(Duration.ofMinutes(50));
    assertThat(SyncSchedule.wait(synced, 2, Optional.of("a"), Duration.ZERO, NOW)).isEmpty();
  }

  @Test
  void failuresBackOffUpToTheIntervalOrTenMinutes() {
    assertThat(SyncSchedule.backoff(1, Duration.ofHours(1))).isEqualTo(Duration.ofSeconds(10));
    assertThat(SyncSchedule.backoff(3, Duration.ofHours(1))).isEqualTo(Duration.ofSeconds(40));
    assertThat(SyncSchedule.backoff(30, Duration.ofHours(1))).isEqualTo(Duration.ofMinutes(10));
    assertThat(SyncSchedule.backoff(30, Duration.ofMinutes(2))).isEqualTo(Duration.ofMinutes(2));
    JsonObject failing =
        status(
            "{\"observedGeneration\":1,\"lastAttemptTime\":\"2026-01-01T11:59:50Z\","
                + "\"consecutiveFailures\":2}");
    assertThat(SyncSchedule.wait(failing, 1, Optional.empty(), Duration.ofHours(1), NOW))
        .contains(Duration.ofSeconds(10));
  }

  @Test
  void aFailureKeepsTheLastSyncTimeAndTheReadyTransitionTime() {
    JsonObject ok =
        RegistryStatus.of(
            null, 1, "https://r", new SyncOutcome.Synced(5), List.of("c-0"), Optional.empty(), NOW);
    JsonObject failed =
        RegistryStatus.of(
            ok,
            1,
            "https://r",
            new SyncOutcome.Failed("RegistryUnavailable", "HTTP 503", Optional.of(5)),
            List.of("c-0"),
            Optional.empty(),
            NOW.plusSeconds(600));

    assertThat(failed.get("lastSyncTime")).isEqualTo(ok.get("lastSyncTime"));
    assertThat(failed.get("consecutiveFailures").getAsInt()).isEqualTo(1);
    assertThat(failed.get("serverCount").getAsInt()).isEqualTo(5);
    JsonObject readyBefore = ok.getAsJsonArray("conditions").get(0).getAsJsonObject();
    JsonObject readyAfter = failed.getAsJsonArray("conditions").get(0).getAsJsonObject();
    assertThat(readyAfter.get("reason").getAsString()).isEqualTo("UsingCachedData");
    assertThat(readyAfter.get("lastTransitionTime"))
        .isEqualTo(readyBefore.get("lastTransitionTime"));
    JsonObject syncedAfter = failed.getAsJsonArray("conditions").get(1).getAsJsonObject();
    assertThat(syncedAfter.get("status").getAsString()).isEqualTo("False");
    assertThat(syncedAfter.get("lastTransitionTime").getAsString())
        .isEqualTo("2026-01-01T12:10:00Z");
  }

  @Test
  void readsTheSpecWithDefaultsAndRefusesBothSources() {
    RegistrySpec spec =
        RegistrySpec.read(
            status(
                "{\"source\":{\"api\":{\"url\":\"https://r\",\"authSecretRef\":{\"name\":\"s\",\"key\":\"t\"}}},"
                    + "\"filter\":{\"include\":[\"io.*\"],\"latestOnly\":true,\"packageTypes\":[\"oci\"]}}"));

    assertThat(spec.syncInterval()).isEqualTo(Duration.ofHours(1));
    assertThat(spec.api().orElseThrow().apiVersion()).isEqualTo("v0.1");
    assertThat(spec.api().orElseThrow().auth()).isPresent();
    assertThat(spec.filter().latestOnly()).isTrue();
    assertThat(spec.filter().statuses()).isEqualTo(RegistryFilter.DEFAULT_STATUSES);
    assertThat(spec.describeSource()).isEqualTo("https://r");
    assertThat(
            RegistrySpec.read(
                    status(
                        "{\"source\":{\"configMap\":{\"name\":\"c\",\"key\":\"k\"}},\"syncInterval\":\"0\"}"))
                .describeSource())
        .isEqualTo("configmap/c#k");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                RegistrySpec.read(
                    status(
                        "{\"source\":{\"api\":{\"url\":\"u\"},\"configMap\":{\"name\":\"c\",\"key\":\"k\"}}}")))
        .hasMessageContaining("exactly one of api and configMap");
  }
}
