package io.mcpoperator.operator.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import io.kubernetes.client.openapi.JSON;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1DeploymentSpec;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.mcpoperator.operator.aggregate.Aggregator;
import io.mcpoperator.operator.api.Condition;
import io.mcpoperator.operator.api.McpServerParser;
import io.mcpoperator.operator.api.McpServerStatus;
import io.mcpoperator.operator.api.ParsedServer;
import io.mcpoperator.operator.api.Phase;
import io.mcpoperator.operator.api.SecretKeyRef;
import io.mcpoperator.operator.api.ServerRegistryStatus;
import io.mcpoperator.operator.desired.ChildSettings;
import io.mcpoperator.operator.desired.SpecValidator;
import io.mcpoperator.operator.desired.TestServers;
import io.mcpoperator.operator.mcpregistry.Catalog;
import io.mcpoperator.operator.mcpregistry.EntryDigest;
import io.mcpoperator.operator.mcpregistry.EntryMapping;
import io.mcpoperator.operator.mcpregistry.EntryResolution;
import io.mcpoperator.operator.mcpregistry.InputValue;
import io.mcpoperator.operator.mcpregistry.Inputs;
import io.mcpoperator.operator.mcpregistry.LoopbackRegistry;
import io.mcpoperator.operator.mcpregistry.PackageType;
import io.mcpoperator.operator.mcpregistry.RegistryEntry;
import io.mcpoperator.operator.mcpregistry.RegistryLookup;
import io.mcpoperator.operator.mcpregistry.Resolution;
import io.mcpoperator.operator.mcpregistry.RuntimeImages;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The plan of a server that names a registry entry: one case per package type, and refusals. */
class RegistryPlannerTest {
  private static final OffsetDateTime T0 = OffsetDateTime.parse("2026-12-07T12:00:00Z");
  private static final ReconcileSettings SETTINGS =
      new ReconcileSettings(ChildSettings.defaults(), Duration.ofSeconds(60));
  private static final RegistryLookup LOOKUP =
      new RegistryLookup(new EntryMapping(RuntimeImages.defaults()));
  private static final Catalog CATALOG =
      Catalog.of(
          LoopbackRegistry.FIXTURES.stream()
              .map(f -> new Gson().fromJson(LoopbackRegistry.fixture(f), RegistryEntry.class))
              .toList());

  @Test
  void anNpmEntryRunsNpxInTheNodeImage() {
    String template = template(apply("{}", "io.github.microsoft/playwright-mcp", Inputs.none()));

    assertThat(template)
        .contains(RuntimeImages.DEFAULT_NODE)
        .contains("\"npx\",\"-y\",\"@playwright/mcp@0.1.0\"")
        .contains("--headless");
  }

  @Test
  void aPypiEntryRunsUvxOverHttpOnThePortOfItsUrl() {
    Plan.Apply plan =
        apply(
            "{}",
            "io.github.modelcontextprotocol/fetch",
            new Inputs(Map.of(), Optional.of("fetch-env")));

    assertThat(template(plan))
        .contains(RuntimeImages.DEFAULT_UV)
        .contains("\"name\":\"FETCH_API_KEY\"")
        .contains("\"name\":\"fetch-env\"");
    assertThat(
            plan.children().deployment().getSpec().getTemplate().getSpec().getContainers().stream()
                .flatMap(c -> Optional.ofNullable(c.getCommand()).stream()))
        .contains(List.of("uvx", "mcp-server-fetch==2025.4.7"));
    assertThat(plan.children().configMap().getData().values().toString())
        .contains("http://127.0.0.1:8000/mcp");
  }

  @Test
  void anOciEntryRunsItsImageWithTheSecretInputAsASecretKeyRef() {
    String template =
        template(
            apply(
                "{command: [/server/github-mcp-server]}",
                "io.github.github/github-mcp-server",
                new Inputs(
                    Map.of("token", new InputValue.FromSecret(new SecretKeyRef("gh", "pat"))),
                    Optional.empty())));

    assertThat(template)
        .contains("ghcr.io/github/github-mcp-server:0.20.1")
        .contains("/server/github-mcp-server")
        .contains("GITHUB_PERSONAL_ACCESS_TOKEN")
        .contains("\"key\":\"pat\"")
        .doesNotContain("\"value\":\"pat\"");
  }

  @Test
  void explicitImageAndPortInTheSpecOverrideTheEntry() {
    Plan.Apply plan =
        apply(
            "{image: mirror.example/fetch, tag: \"9\", port: 9000}",
            "io.github.modelcontextprotocol/fetch",
            new Inputs(Map.of(), Optional.of("fetch-env")));

    assertThat(template(plan)).contains("mirror.example/fetch:9").doesNotContain("uv:python");
    assertThat(plan.children().configMap().getData().values().toString())
        .contains("http://127.0.0.1:9000/mcp");
  }

  @Test
  void anEntryThatIsNotThereCreatesNothingAndTheStatusSaysWhy() {
    ObservedServer observed =
        observed("{}", resolution("io.github.nobody/nothing", Inputs.none()), Optional.empty());

    Plan.Hold hold = (Plan.Hold) Planner.plan(observed, SETTINGS);

    assertThat(hold.why()).isEqualTo(Plan.Hold.Why.REGISTRY_UNRESOLVED);
    assertThat(hold.status().phase()).isEqualTo(Phase.FAILED);
    Condition c = hold.status().condition("RegistryResolved").orElseThrow();
    assertThat(c.status()).isEqualTo("False");
    assertThat(c.reason()).isEqualTo("ServerNotFound");
    assertThat(c.message()).contains("not found").contains("nothing is created");
    assertThat(hold.status().registryStatus().orElseThrow().specDigest()).isNull();
  }

  @Test
  void aRegistryWithNoDataKeepsTheRunningDeploymentAndSaysItRunsTheCachedSpec() {
    ServerRegistryStatus before =
        new ServerRegistryStatus(
            "official",
            "io.github.microsoft/playwright-mcp",
            "latest",
            "0.1.0",
            "npm",
            "@playwright/mcp",
            "sha256:abc",
            false);
    McpServerStatus previous =
        new McpServerStatus(
            Phase.RUNNING, 1, 1, 1, 2L, null, null, 0, 0, 0, "ok", List.of(), before);
    EntryResolution unavailable =
        new EntryResolution(
            "official",
            "io.github.microsoft/playwright-mcp",
            "latest",
            LOOKUP.resolve(
                "official",
                Optional.empty(),
                "io.github.microsoft/playwright-mcp",
                "latest",
                PackageType.DEFAULT_PREFERENCE,
                Inputs.none()),
            Optional.empty(),
            false);
    V1Deployment running =
        new V1Deployment()
            .metadata(new V1ObjectMeta().name("demo").generation(1L))
            .spec(new V1DeploymentSpec().replicas(1));

    Plan.Hold hold =
        (Plan.Hold)
            Planner.plan(
                observed("{}", unavailable, Optional.of(running), Optional.of(previous)), SETTINGS);

    assertThat(hold.why()).isEqualTo(Plan.Hold.Why.REGISTRY_UNRESOLVED);
    assertThat(hold.status().registryStatus()).contains(before.cached());
    Condition c = hold.status().condition("RegistryResolved").orElseThrow();
    assertThat(c.reason()).isEqualTo("RegistryUnavailable");
    assertThat(c.message()).contains("the running Deployment is kept unchanged (spec sha256:abc");
    assertThat(hold.status().phase()).isNotEqualTo(Phase.FAILED);
  }

  @Test
  void aResolvedEntryIsRecordedInStatusWithItsDigest() {
    EntryResolution resolved = resolution("io.github.microsoft/playwright-mcp", Inputs.none());
    Plan.Apply plan =
        (Plan.Apply) Planner.plan(observed("{}", resolved, Optional.empty()), SETTINGS);

    McpServerStatus status = plan.status(io.mcpoperator.operator.status.ReconcileOutcome.ok());
    ServerRegistryStatus registry = status.registryStatus().orElseThrow();
    assertThat(registry.resolvedVersion()).isEqualTo("0.1.0");
    assertThat(registry.requestedVersion()).isEqualTo("latest");
    assertThat(registry.packageType()).isEqualTo("npm");
    assertThat(registry.specDigest())
        .isEqualTo(
            EntryDigest.of(CATALOG.find("io.github.microsoft/playwright-mcp", "latest").get()));
    assertThat(status.condition("RegistryResolved").orElseThrow().status()).isEqualTo("True");
    assertThat(status.toJson().getAsJsonObject("registry").get("usingCachedSpec").getAsBoolean())
        .isFalse();
  }

  private static Plan.Apply apply(String extra, String name, Inputs inputs) {
    return (Plan.Apply)
        Planner.plan(observed(extra, resolution(name, inputs), Optional.empty()), SETTINGS);
  }

  private static EntryResolution resolution(String name, Inputs inputs) {
    Resolution r =
        LOOKUP.resolve(
            "official",
            Optional.of(CATALOG),
            name,
            "latest",
            PackageType.DEFAULT_PREFERENCE,
            inputs);
    return new EntryResolution(
        "official", name, "latest", r, CATALOG.find(name, "latest").map(EntryDigest::of), false);
  }

  private static String template(Plan.Apply plan) {
    return JSON.getGson().toJson(plan.children().deployment().getSpec().getTemplate());
  }

  private static ObservedServer observed(
      String extra, EntryResolution registry, Optional<V1Deployment> deployment) {
    return observed(extra, registry, deployment, Optional.empty());
  }

  private static ObservedServer observed(
      String extra,
      EntryResolution registry,
      Optional<V1Deployment> deployment,
      Optional<McpServerStatus> previous) {
    JsonObject json =
        TestServers.json(
            """
            apiVersion: mcpoperator.io/v1alpha1
            kind: MCPServer
            metadata: {name: demo, namespace: ns, uid: u-1, generation: 2}
            spec: %s
            """
                .formatted(extra));
    json.getAsJsonObject("spec")
        .add(
            "registry",
            TestServers.json(
                "{registryRef: {name: official}, name: \"" + registry.serverName() + "\"}"));
    previous.ifPresent(p -> json.add("status", p.toJson()));
    ParsedServer parsed =
        SpecValidator.validated(McpServerParser.parse(json), ChildSettings.defaults());
    return new ObservedServer(
        json,
        parsed,
        Aggregator.Candidates.none(),
        List.of(),
        Optional.empty(),
        deployment,
        List.of(),
        Optional.empty(),
        T0,
        Optional.of(registry));
  }
}
