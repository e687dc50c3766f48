package io.mcpoperator.operator.crd;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcpoperator.operator.api.Phase;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The words of {@code status.phase} are what users see ({@code kubectl get mcpservers}, the {@code
 * phase} tag of {@code mcp_operator_servers}) and what the CRD admits: they do not change with the
 * code's names.
 */
class PhaseWordsTest {
  private static final List<String> WORDS =
      List.of("Pending", "Running", "Degraded", "Failed", "Terminating");

  @Test
  void thePhaseWordsAreTheDocumentedOnes() {
    assertThat(Arrays.stream(Phase.values()).map(Phase::word)).containsExactlyElementsOf(WORDS);
    assertThat(Arrays.stream(Phase.values()).map(Phase::toString)).containsExactlyElementsOf(WORDS);
    for (String word : WORDS) {
      assertThat(Phase.of(word).map(Phase::word)).contains(word);
    }
    assertThat(Phase.of("running")).isEmpty();
  }

  @Test
  void theCrdAdmitsExactlyThesePhasesAndPrintsThem() {
    Crd server = Crd.of("MCPServer");
    List<Object> admitted =
        YamlTree.list(server.schema(), "properties", "status", "properties", "phase", "enum");

    assertThat(admitted).containsExactlyElementsOf(WORDS);
    assertThat(server.printerColumns())
        .anySatisfy(
            (Map<String, Object> column) -> {
              assertThat(column.get("name")).isEqualTo("Phase");
              assertThat(column.get("jsonPath")).isEqualTo(".status.phase");
            });
  }
}
