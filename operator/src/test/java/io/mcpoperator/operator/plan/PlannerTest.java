package io.mcpoperator.operator.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.mcpoperator.operator.aggregate.Aggregator;
import io.mcpoperator.operator.aggregate.TestMembers;
import io.mcpoperator.operator.api.McpServerParser;
import io.mcpoperator.operator.api.McpServerStatus;
import io.mcpoperator.operator.api.ParsedServer;
import io.mcpoperator.operator.api.Phase;
import io.mcpoperator.operator.desired.ChildSettings;
import io.mcpoperator.operator.desired.SpecValidator;
import io.mcpoperator.operator.desired.TestServers;
import io.mcpoperator.operator.image.ImageConfig;
import io.mcpoperator.operator.image.Resolution;
import io.mcpoperator.operator.status.ReconcileOutcome;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The plan of one reconcile, from what it observed alone. */
class PlannerTest {
  private static final OffsetDateTime T0 = OffsetDateTime.parse("2026-12-07T12:00:00Z");
  private static final ReconcileSettings SETTINGS =
      new ReconcileSettings(ChildSettings.defaults(), Duration.ofSeconds(60));
  private static final String FINALIZED = "finalizers: [mcpoperator.io/finalizer]";
  private static final String IMAGE = "ghcr.io/example/srv:1";

  @Test
  void aValidServerAppliesItsChildrenBuiltWithTheOperatorsSettingsAndAddsTheFinalizerOnce() {
    ReconcileSettings custom =
        new ReconcileSettings(
            ChildSettings.defaults()
                .withGatewayImage("registry.example/mcp-gateway:9.9")
                .withGatewayPort(9191),
            Duration.ofSeconds(60));
    ObservedServer observed = observed("", "{image: mcp/x, transport: sse}", List.of());

    Plan.Apply plan = (Plan.Apply) Planner.plan(observed, custom);

    assertThat(plan.addFinalizer()).isTrue();
    assertThat(plan.children().deployment().getMetadata().getName()).isEqualTo("demo");
    assertThat(plan.children().deployment().getMetadata().getNamespace()).isEqualTo("ns");
    V1PodSpec pod = plan.children().deployment().getSpec().getTemplate().getSpec();
    List<V1Container> containers =
        Stream.concat(pod.getContainers().stream(), pod.getInitContainers().stream()).toList();
    assertThat(containers.stream().map(V1Container::getImage))
        .containsExactlyInAnyOrder("mcp/x:latest", "registry.example/mcp-gateway:9.9");
    assertThat(
            containers.stream()
                .flatMap(c -> Optional.ofNullable(c.getPorts()).stream().flatMap(List::stream))
                .map(p -> p.getContainerPort()))
        .contains(9191);
    assertThat(plan.children().configMap().getData().values().toString()).contains("sse");
    assertThat(
            ((Plan.Apply) Planner.plan(observed(FINALIZED, "{image: mcp/x}", List.of()), SETTINGS))
                .addFinalizer())
        .isFalse();
  }

  @Test
  void kindsThatCannotBeReadMatterOnlyToASelectingServer() {
    ObservedServer plain =
        new ObservedServer(
            new JsonObject(),
            parse(FINALIZED, "{image: mcp/x, transport: sse}"),
            Aggregator.Candidates.none(),
            List.of("CRD mcpprompts.mcpoperator.io is not installed"),
            Optional.empty(),
            Optional.empty(),
            List.of(),
            Optional.empty(),
            T0);

    McpServerStatus status =
        ((Plan.Apply) Planner.plan(plain, SETTINGS)).status(ReconcileOutcome.ok());

    assertThat(status.toString()).doesNotContain("mcpprompts.mcpoperator.io");
  }

  @Test
  void theStatusOfAnApplyFollowsWhatTheApplyAnswered() {
    Plan.Apply plan =
        (Plan.Apply) Planner.plan(observed(FINALIZED, "{image: mcp/x}", List.of()), SETTINGS);

    McpServerStatus applied = plan.status(ReconcileOutcome.ok());
    McpServerStatus refused =
        plan.status(ReconcileOutcome.failed("Forbidden", "services is forbidden"));

    assertThat(applied.condition("Reconciled").orElseThrow().status()).isEqualTo("True");
    assertThat(refused.condition("Reconciled").orElseThrow().reason()).isEqualTo("Forbidden");
    assertThat(refused.message()).endsWith("(last apply failed: services is forbidden)");
  }

  @Test
  void anInvalidSpecIsHeldFailedWithWhatToFixValidatedOnce() {
    Plan plan = Planner.plan(observed("", "{image: mcp/x, transport: sse, port: 8090}"), SETTINGS);

    Plan.Hold hold = (Plan.Hold) plan;
    assertThat(hold.why()).isEqualTo(Plan.Hold.Why.INVALID_SPEC);
    assertThat(hold.addFinalizer()).isTrue();
    assertThat(hold.status().phase()).isEqualTo(Phase.FAILED);
    assertThat(hold.detail()).startsWith("spec.port 8090 is the port of the gateway sidecar");
    assertThat(hold.status().condition("Reconciled").orElseThrow().message())
        .isEqualTo(hold.detail());
  }

  static Stream<Arguments> images() {
    ImageConfig config =
        new ImageConfig("sha256:abc", List.of("srv", "--stdio"), List.of(), "", "");
    return Stream.of(
        Arguments.of(Resolution.resolving(IMAGE), Plan.Hold.Why.RESOLVING_IMAGE, Phase.PENDING),
        Arguments.of(
            Resolution.failed(Resolution.Reason.NOT_FOUND, IMAGE, "no such image"),
            Plan.Hold.Why.IMAGE_UNRESOLVED,
            Phase.FAILED),
        Arguments.of(Resolution.resolved(IMAGE, config), null, null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("images")
  void aServerWaitingForItsImagesEntrypointAppliesNothingUntilItIsRead(
      Resolution resolution, Plan.Hold.Why why, Phase phase) {
    ObservedServer observed =
        withImage(
            observed(FINALIZED, "{image: ghcr.io/example/srv, tag: \"1\"}", List.of()), resolution);

    Plan plan = Planner.plan(observed, SETTINGS);

    if (why == null) {
      assertThat(plan).isInstanceOf(Plan.Apply.class);
      assertThat(
              ((Plan.Apply) plan)
                  .children()
                  .deployment()
                  .getSpec()
                  .getTemplate()
                  .getSpec()
                  .getContainers()
                  .toString())
          .contains("--stdio");
    } else {
      Plan.Hold hold = (Plan.Hold) plan;
      assertThat(hold.why()).isEqualTo(why);
      assertThat(hold.status().phase()).isEqualTo(phase);
      assertThat(hold.detail()).isEqualTo(resolution.message());
    }
  }

  @Test
  void aSelectingServerServesItsMembersAndSaysWhichKindsItCannotRead() {
    ObservedServer observed =
        new ObservedServer(
            new JsonObject(),
            parse(FINALIZED, "{image: mcp/x, transport: sse, toolSelector: {matchLabels: {a: b}}}"),
            new Aggregator.Candidates(
                List.of(TestMembers.tool("ns", "t", "{a: b}", "{description: d}")),
                List.of(),
                List.of()),
            List.of("CRD mcpprompts.mcpoperator.io is not installed"),
            Optional.empty(),
            Optional.empty(),
            List.of(),
            Optional.empty(),
            T0);

    McpServerStatus status =
        ((Plan.Apply) Planner.plan(observed, SETTINGS)).status(ReconcileOutcome.ok());

    assertThat(status.condition("Aggregated").orElseThrow().message())
        .contains("mcpprompts.mcpoperator.io is not installed");
  }

  static Stream<Arguments> deletions() {
    return Stream.of(
        Arguments.of("not ours", "", 1, 10, Plan.Delete.Release.NOT_HELD, Duration.ZERO),
        Arguments.of("pods gone", FINALIZED, 0, 10, Plan.Delete.Release.PODS_GONE, Duration.ZERO),
        Arguments.of("waiting", FINALIZED, 1, 10, Plan.Delete.Release.WAIT, Duration.ofSeconds(5)),
        Arguments.of(
            "almost timed out", FINALIZED, 1, 58, Plan.Delete.Release.WAIT, Duration.ofSeconds(2)),
        Arguments.of("timed out", FINALIZED, 1, 60, Plan.Delete.Release.TIMED_OUT, Duration.ZERO));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("deletions")
  void aDeletedServerReleasesItsFinalizerWhenItsPodsAreGoneOrTheTimeoutPassed(
      String name,
      String finalizers,
      int pods,
      int secondsSinceDeletion,
      Plan.Delete.Release release,
      Duration recheck) {
    String meta =
        finalizers + (finalizers.isEmpty() ? "" : ", ") + "deletionTimestamp: \"" + T0 + "\"";
    ObservedServer observed =
        observed(
            meta,
            "{image: mcp/x}",
            Stream.generate(V1Pod::new)
                .limit(pods)
                .map(p -> p.metadata(new V1ObjectMeta()))
                .toList(),
            T0.plusSeconds(secondsSinceDeletion));

    Plan.Delete plan = (Plan.Delete) Planner.plan(observed, SETTINGS);

    assertThat(plan.release()).isEqualTo(release);
    assertThat(plan.recheckIn()).isEqualTo(recheck);
    assertThat(plan.addFinalizer()).isFalse();
    assertThat(plan.status().map(McpServerStatus::phase))
        .isEqualTo(
            release == Plan.Delete.Release.NOT_HELD
                ? Optional.empty()
                : Optional.of(Phase.TERMINATING));
  }

  @Test
  void equalObservationsGiveEqualPlans() {
    assertThat(Planner.plan(observed(FINALIZED, "{image: mcp/x}", List.of()), SETTINGS))
        .isEqualTo(Planner.plan(observed(FINALIZED, "{image: mcp/x}", List.of()), SETTINGS));
  }

  private static ParsedServer parse(String metadata, String spec) {
    JsonObject json =
        TestServers.json(
            """
            apiVersion: mcpoperator.io/v1alpha1
            kind: MCPServer
            metadata: {name: demo, namespace: ns, uid: u-1, generation: 2%s}
            spec: %s
            """
                .formatted(metadata.isEmpty() ? "" : ", " + metadata, spec));
    return SpecValidator.validated(McpServerParser.parse(json), ChildSettings.defaults());
  }

  private static ObservedServer observed(String metadata, String spec) {
    return observed(metadata, spec, List.of());
  }

  private static ObservedServer observed(String metadata, String spec, List<V1Pod> pods) {
    return observed(metadata, spec, pods, T0);
  }

  private static ObservedServer observed(
      String metadata, String spec, List<V1Pod> pods, OffsetDateTime now) {
    return new ObservedServer(
        new JsonObject(),
        parse(metadata, spec),
        Aggregator.Candidates.none(),
        List.of(),
        Optional.empty(),
        Optional.empty(),
        pods,
        Optional.empty(),
        now);
  }

  private static ObservedServer withImage(ObservedServer o, Resolution image) {
    return new ObservedServer(
        o.stored(),
        o.server(),
        o.members(),
        o.unreadableKinds(),
        Optional.of(image),
        o.deployment(),
        o.pods(),
        o.shadowed(),
        o.now());
  }
}
