package io.mcpoperator.operator.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class InstalledKindsTest {
  @Test
  void pluralsFromDiscoveryNameTheInstalledKindsAndTheMissingCrds() {
    InstalledKinds kinds = InstalledKinds.ofPlurals(Set.of("mcpservers", "mcpprompts", "other"));
    assertThat(kinds.has(ResourceType.MCP_SERVER)).isTrue();
    assertThat(kinds.missing())
        .containsExactly(
            ResourceType.MCP_TOOL, ResourceType.MCP_RESOURCE, ResourceType.MCP_REGISTRY);
    assertThat(kinds.missingCrds())
        .containsExactly(
            "mcptools.mcpoperator.io",
            "mcpresources.mcpoperator.io",
            "mcpregistries.mcpoperator.io");
    assertThat(kinds.missingMembers())
        .containsExactly(ResourceType.MCP_TOOL, ResourceType.MCP_RESOURCE);
  }

  @Test
  void noneMissesAllFiveAndAllMissesNone() {
    assertThat(InstalledKinds.none().missingCrds())
        .hasSize(5)
        .first()
        .isEqualTo("mcpservers.mcpoperator.io");
    assertThat(InstalledKinds.all().missing()).isEmpty();
    assertThat(new InstalledKinds(Set.of(ResourceType.CONFIG_MAP)).served()).isEmpty();
  }
}
