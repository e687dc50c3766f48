package io.mcpoperator.operator.mcpregistry;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.Gson;
import io.kubernetes.client.openapi.models.V1EnvVar;
import io.mcpoperator.operator.api.Transport;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What the MCPServer spec sets explicitly wins over what the registry entry says. */
class RunSpecOverridesTest {
  private static final EntryMapping MAPPING = new EntryMapping(RuntimeImages.defaults());

  private static RunSpec resolved(String fixture, Inputs inputs) {
    RegistryEntry entry =
        new Gson().fromJson(LoopbackRegistry.fixture(fixture), RegistryEntry.class);
    return ((Resolution.Resolved) MAPPING.resolve(entry, PackageType.DEFAULT_PREFERENCE, inputs))
        .spec();
  }

  @Test
  void explicitImageArgsEnvTransportAndPortReplaceTheEntrys() {
    RunSpec spec = resolved("mcp-server-fetch", new Inputs(Map.of(), Optional.of("keys")));

    RunSpec overridden =
        spec.with(
            new RunSpec.Overrides(
                Optional.of("registry.example/fetch:pinned"),
                List.of(),
                List.of("--port", "7000"),
                List.of(new V1EnvVar().name("FETCH_TIMEOUT").value("5")),
                Optional.of(Transport.SSE),
                Optional.of(7000)));

    assertThat(overridden.image()).contains("registry.example/fetch:pinned");
    assertThat(overridden.command()).isEqualTo(spec.command());
    assertThat(overridden.args()).containsExactly("--port", "7000");
    assertThat(overridden.env())
        .extracting(V1EnvVar::getName, V1EnvVar::getValue)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("FETCH_API_KEY", null),
            org.assertj.core.groups.Tuple.tuple("FETCH_TIMEOUT", "5"));
    assertThat(overridden.transport()).isEqualTo(Transport.SSE);
    assertThat(overridden.port()).contains(7000);
  }

  @Test
  void noOverridesChangeNothing() {
    RunSpec spec = resolved("playwright-mcp", Inputs.none());

    assertThat(spec.with(RunSpec.Overrides.none())).isEqualTo(spec);
  }

  @Test
  void anOciIdentifierWithoutTagTakesThePackageVersion() {
    assertThat(EntryMapping.ociReference("ghcr.io/a/b", Optional.of("1.2")))
        .contains("ghcr.io/a/b:1.2");
    assertThat(EntryMapping.ociReference("localhost:5000/a/b", Optional.empty())).isEmpty();
    assertThat(EntryMapping.ociReference("localhost:5000/a/b:3", Optional.empty()))
        .contains("localhost:5000/a/b:3");
  }
}
