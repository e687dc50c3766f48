package io.mcpoperator.operator.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcpoperator.operator.aggregate.Aggregation;
import io.mcpoperator.operator.api.McpServerStatus;
import io.mcpoperator.operator.image.ImageConfig;
import io.mcpoperator.operator.image.Resolution;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Status of a stdio server whose command is read from its image. */
class ImageResolvedStatusTest {
  private static final OffsetDateTime T0 =
      OffsetDateTime.of(2026, 12, 6, 12, 0, 0, 0, ZoneOffset.UTC);
  private static final String IMAGE = "ghcr.io/example/srv:1";

  private static McpServerStatus compute(Optional<Resolution> image, boolean deploymentExists) {
    return StatusCalculator.compute(
        new StatusInput(
            StatusCalculatorTest.parse("{image: ghcr.io/example/srv, tag: \"1\"}"),
            deploymentExists
                ? Optional.of(StatusCalculatorTest.deployment(1, 1, 1, 1, 1, 1))
                : Optional.empty(),
            List.of(),
            ReconcileOutcome.ok(),
            T0,
            Aggregation.none(),
            Optional.empty(),
            List.of(),
            image));
  }

  @Test
  void whileResolvingWithoutADeploymentTheServerIsPendingAndSaysWhy() {
    McpServerStatus status = compute(Optional.of(Resolution.resolving(IMAGE)), false);

    assertThat(status.phase().word()).isEqualTo("Pending");
    assertThat(status.message())
        .isEqualTo(
            "reading the entrypoint of ghcr.io/example/srv:1 from its registry;"
                + " the Deployment is created once it is read");
    assertThat(status.condition("ImageResolved").orElseThrow().reason()).isEqualTo("Resolving");
    assertThat(status.condition("Reconciled").orElseThrow().reason()).isEqualTo("ImageResolving");
  }

  @Test
  void whileResolvingAgainAnExistingDeploymentKeepsItsPhase() {
    McpServerStatus status = compute(Optional.of(Resolution.resolving(IMAGE)), true);

    assertThat(status.phase().word()).isEqualTo("Running");
    assertThat(status.condition("ImageResolved").orElseThrow().status()).isEqualTo("False");
  }

  @Test
  void anUnreadableEntrypointFailsTheServerNamingSpecCommand() {
    Resolution refused =
        Resolution.failed(
            Resolution.Reason.UNAUTHORIZED, IMAGE, "registry ghcr.io refused to show it");
    McpServerStatus status = compute(Optional.of(refused), true);

    assertThat(status.phase().word()).isEqualTo("Failed");
    assertThat(status.message())
        .isEqualTo(
            "cannot read the entrypoint of image ghcr.io/example/srv:1: registry ghcr.io refused"
                + " to show it; set spec.command to the command the image runs, or add an"
                + " imagePullSecret with a credential for its registry to spec.imagePullSecrets");
    assertThat(status.condition("ImageResolved").orElseThrow().reason()).isEqualTo("Unauthorized");
    assertThat(status.condition("Ready").orElseThrow().reason()).isEqualTo("ImageNotResolved");
  }

  @Test
  void aResolvedImageIsTrueAndTheServerIsJudgedByItsPods() {
    ImageConfig config = new ImageConfig("sha256:abc", List.of("srv"), List.of(), "", "");
    McpServerStatus status = compute(Optional.of(Resolution.resolved(IMAGE, config)), true);

    assertThat(status.phase().word()).isEqualTo("Running");
    assertThat(status.condition("ImageResolved").orElseThrow().status()).isEqualTo("True");
    assertThat(status.condition("Reconciled").orElseThrow().reason()).isEqualTo("Applied");
  }

  @Test
  void serversWithACommandHaveNoImageResolvedCondition() {
    assertThat(compute(Optional.empty(), true).condition("ImageResolved")).isEmpty();
  }
}
